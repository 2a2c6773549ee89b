//! Enums: declarations, member values, and the place of enum types among
//! C#'s operators and conversions.
//!
//! In: the program's `enum` items. Out: [`typed::EnumDef`]s (each member's
//! value: its constant initializer, or one more than the member before, 0
//! for the first) and `Type::Enum` for the names. An enum value is an `int`
//! in the machine: the type only decides what C# allows — comparisons and
//! `& | ^` between values of the same enum, `E + int`, `E - E` (an int),
//! `++`/`--`, casts to and from the integral types, `switch` — and that a
//! value prints as its member's name (`rt_enum_name` in runtime/string.asm,
//! over a table the code generator writes per enum).

use super::Checker;
use crate::ast::{self, BinaryOp, ExprKind as A, Item, UnaryOp};
use crate::typed::{self, EnumId, Type};

impl Checker<'_> {
    /// Declares every enum: its name, then its members' values in order.
    pub(super) fn declare_enums(&mut self) {
        for item in &self.ast.items {
            let Item::Enum(decl) = item else { continue };
            let id = EnumId(self.out.enums.len() as u32);
            if self.class_ids.contains_key(&decl.name.name)
                || self.enum_ids.contains_key(&decl.name.name)
                || super::decls::is_builtin_type_name(&decl.name.name)
            {
                let msg = format!("the type `{}` is already defined", decl.name.name);
                self.error(decl.name.span, msg, "defined again here");
            } else {
                self.enum_ids.insert(decl.name.name.clone(), id);
            }
            if let Some(t) = &decl.underlying {
                if t.kind != ast::TypeExprKind::Int {
                    self.error(
                        t.span,
                        "enums with an underlying type other than `int` are not supported by Flux#",
                        "only `int`",
                    );
                }
            }
            self.out.enums.push(typed::EnumDef {
                name: decl.name.name.clone(),
                members: Vec::new(),
                span: decl.name.span,
            });
            self.enum_members(id, decl);
        }
    }

    fn enum_members(&mut self, id: EnumId, decl: &ast::EnumDecl) {
        let mut next: i64 = 0;
        for member in &decl.members {
            let known = &self.out.enums[id.0 as usize].members;
            if known.iter().any(|(n, _)| *n == member.name.name) {
                let msg = format!(
                    "the type `{}` already contains a definition for `{}`",
                    decl.name.name, member.name.name
                );
                self.error(member.name.span, msg, "defined again here");
                continue;
            }
            let value = match &member.value {
                None => next,
                Some(e) => match self.enum_constant(e, id) {
                    Some(v) => v,
                    None => {
                        let msg = "the value of an enum member must be a constant `int` expression (literals, earlier members, + - * << >> & | ^ ~)";
                        self.error(e.span, msg, "not a constant");
                        next
                    }
                },
            };
            let Ok(value) = i32::try_from(value) else {
                let msg = format!(
                    "the enumerator value of `{}` is too large to fit in its type `int`",
                    member.name.name
                );
                self.error(member.span, msg, "outside int");
                continue;
            };
            next = value as i64 + 1;
            self.out.enums[id.0 as usize]
                .members
                .push((member.name.name.clone(), value));
        }
    }

    /// A member's initializer: integer constants and the members declared
    /// before it (by their name, or `E.Name`).
    fn enum_constant(&self, e: &ast::Expr, id: EnumId) -> Option<i64> {
        let def = &self.out.enums[id.0 as usize];
        let member = |name: &str| {
            def.members
                .iter()
                .find(|(n, _)| n == name)
                .map(|m| m.1 as i64)
        };
        Some(match &e.kind {
            A::Int { value, .. } => i64::try_from(*value).ok()?,
            A::Name(n) => member(&n.name)?,
            A::Member { target, name } => match &target.kind {
                A::Name(owner) if owner.name == def.name => member(&name.name)?,
                _ => return None,
            },
            A::Cast { operand, .. } => self.enum_constant(operand, id)?,
            A::Unary { op, operand } => {
                let v = self.enum_constant(operand, id)?;
                match op {
                    UnaryOp::Neg => -v,
                    UnaryOp::Plus => v,
                    UnaryOp::BitNot => !v,
                    UnaryOp::Not => return None,
                }
            }
            A::Binary { op, lhs, rhs } => {
                let (l, r) = (self.enum_constant(lhs, id)?, self.enum_constant(rhs, id)?);
                match op {
                    BinaryOp::Add => l.checked_add(r)?,
                    BinaryOp::Sub => l.checked_sub(r)?,
                    BinaryOp::Mul => l.checked_mul(r)?,
                    BinaryOp::Shl => l.checked_shl(u32::try_from(r & 31).ok()?)?,
                    BinaryOp::Shr => l >> (r & 31),
                    BinaryOp::BitAnd => l & r,
                    BinaryOp::BitOr => l | r,
                    BinaryOp::BitXor => l ^ r,
                    _ => return None,
                }
            }
            _ => return None,
        })
    }

    /// `E.Member` as a constant of type `E`.
    #[inline(never)]
    pub(super) fn enum_member(&mut self, id: EnumId, name: &ast::Ident) -> typed::Expr {
        let def = &self.out.enums[id.0 as usize];
        match def.members.iter().find(|(n, _)| *n == name.name) {
            Some(&(_, value)) => super::expr::mk(
                typed::ExprKind::Const(typed::Const::Int(value)),
                Type::Enum(id),
                name.span,
            ),
            None => {
                let msg = format!(
                    "`{}` does not contain a definition for `{}`",
                    def.name, name.name
                );
                self.error(name.span, msg, "unknown member");
                super::expr::error_expr(name.span)
            }
        }
    }
}

/// The type an enum value is in the machine (`int`); other types unchanged.
pub(super) fn underlying(ty: &Type) -> Type {
    match ty {
        Type::Enum(_) => Type::Int,
        other => other.clone(),
    }
}
