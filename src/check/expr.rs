//! Expressions: typing, implicit conversions, operators, folding.

use super::fold::{self, FoldError};
use super::property::Lhs;
use super::scope::{FnCx, LocalRef, Lookup};
use super::types::Conversion;
use super::Checker;
use crate::ast::{self, BinaryOp, ExprKind as A, UnaryOp};
use crate::source::Span;
use crate::typed::{
    BinOp, Builtin, ClassId, CompoundOp, Const, Expr, ExprKind, FieldId, OpKind, Place, Type, UnOp,
};

/// Builds a typed expression.
pub(super) fn mk(kind: ExprKind, ty: Type, span: Span) -> Expr {
    Expr { kind, ty, span }
}

/// The expression of something already reported.
pub(super) fn error_expr(span: Span) -> Expr {
    mk(ExprKind::Error, Type::Error, span)
}

fn constant(c: Const, ty: Type, span: Span) -> Expr {
    mk(ExprKind::Const(c), ty, span)
}

/// Maps an AST operator to the typed arithmetic/comparison operator.
fn bin_op(op: BinaryOp) -> Option<BinOp> {
    Some(match op {
        BinaryOp::Add => BinOp::Add,
        BinaryOp::Sub => BinOp::Sub,
        BinaryOp::Mul => BinOp::Mul,
        BinaryOp::Div => BinOp::Div,
        BinaryOp::Rem => BinOp::Rem,
        BinaryOp::Shl => BinOp::Shl,
        BinaryOp::Shr => BinOp::Shr,
        BinaryOp::Lt => BinOp::Lt,
        BinaryOp::Le => BinOp::Le,
        BinaryOp::Gt => BinOp::Gt,
        BinaryOp::Ge => BinOp::Ge,
        BinaryOp::Eq => BinOp::Eq,
        BinaryOp::Ne => BinOp::Ne,
        BinaryOp::BitAnd => BinOp::And,
        BinaryOp::BitXor => BinOp::Xor,
        BinaryOp::BitOr => BinOp::Or,
        BinaryOp::And | BinaryOp::Or | BinaryOp::Coalesce => return None,
    })
}

/// The type an arithmetic operation computes in, after binary numeric
/// promotion, and its result type; `None` if C# has no such operator.
fn arith(op: BinOp, lt: &Type, rt: &Type) -> Option<(OpKind, Type)> {
    use BinOp::*;
    if let Some(on_enums) = enum_arith(op, lt, rt) {
        return on_enums;
    }
    let numeric = |t: &Type| t.is_integral();
    let number = |t: &Type| numeric(t) || *t == Type::Double;
    let floating = (*lt == Type::Double || *rt == Type::Double) && number(lt) && number(rt);
    let kind = if floating {
        // C# has no bitwise operators or shifts on double.
        if matches!(op, Shl | Shr | And | Or | Xor) {
            return None;
        }
        OpKind::Double
    } else if matches!(op, Shl | Shr) {
        // The left operand decides; the count must be (promotable to) int.
        if !numeric(lt) || !matches!(rt, Type::Int | Type::Char) {
            return None;
        }
        if *lt == Type::Long {
            OpKind::Long
        } else {
            OpKind::Int
        }
    } else if numeric(lt) && numeric(rt) {
        if *lt == Type::Long || *rt == Type::Long {
            OpKind::Long
        } else {
            OpKind::Int
        }
    } else if *lt == Type::Bool && *rt == Type::Bool && matches!(op, And | Or | Xor | Eq | Ne) {
        OpKind::Bool
    } else {
        return None;
    };
    let result = match (op, kind) {
        (Lt | Le | Gt | Ge | Eq | Ne, _) => Type::Bool,
        (_, OpKind::Long) => Type::Long,
        (_, OpKind::Double) => Type::Double,
        (_, OpKind::Bool) => Type::Bool,
        _ => Type::Int,
    };
    Some((kind, result))
}

/// C#'s operators on enums (`None` when neither operand is one): the
/// comparisons and `& | ^` between values of one enum, `E + int`,
/// `int + E`, `E - int` (an E) and `E - E` (an int), all on the `int`s
/// underneath.
fn enum_arith(op: BinOp, lt: &Type, rt: &Type) -> Option<Option<(OpKind, Type)>> {
    use BinOp::*;
    let int = |ty: Type| Some((OpKind::Int, ty));
    Some(match (lt, rt) {
        (Type::Enum(a), Type::Enum(b)) if a == b => match op {
            Lt | Le | Gt | Ge | Eq | Ne => int(Type::Bool),
            And | Or | Xor => int(lt.clone()),
            Sub => int(Type::Int),
            _ => None,
        },
        (Type::Enum(_), Type::Int | Type::Char) if matches!(op, Add | Sub) => int(lt.clone()),
        (Type::Int | Type::Char, Type::Enum(_)) if op == Add => int(rt.clone()),
        (Type::Enum(_), _) | (_, Type::Enum(_)) => None,
        _ => return None,
    })
}

fn kind_type(kind: OpKind) -> Type {
    match kind {
        OpKind::Int => Type::Int,
        OpKind::Long => Type::Long,
        OpKind::Double => Type::Double,
        OpKind::Bool => Type::Bool,
        OpKind::Ref => Type::Null,
    }
}

impl Checker<'_> {
    /// Types an expression.
    pub(super) fn expr(&mut self, cx: &mut FnCx, e: &ast::Expr) -> Expr {
        let span = e.span;
        match &e.kind {
            A::Int { value, long_suffix } => self.int_literal(*value, *long_suffix, false, span),
            A::Double(v) => constant(Const::double(*v), Type::Double, span),
            A::Bool(b) => constant(Const::Bool(*b), Type::Bool, span),
            A::Char(c) => constant(Const::Char(*c), Type::Char, span),
            A::Str(s) => constant(Const::Str(s.clone()), Type::String, span),
            A::Null => constant(Const::Null, Type::Null, span),
            A::Interpolated(parts) => self.interpolation(cx, parts, span),
            A::Name(id) => self.name(cx, id),
            A::TypeRef(t) => {
                let ty = self.resolve_type(t);
                let msg = format!(
                    "`{}` is a type, which is not valid in the given context",
                    self.ty(&ty)
                );
                self.error(span, msg, "a type, not a value");
                error_expr(span)
            }
            A::This => self.this(cx, span),
            A::Base => {
                self.error(
                    span,
                    "use of keyword `base` is not valid in this context",
                    "only `base.member`",
                );
                error_expr(span)
            }
            A::Member { target, .. } | A::Index { target, .. }
                if super::null_conditional::in_null_chain(target) =>
            {
                self.after_null_member(span)
            }
            A::Member { target, name } => self.member(cx, target, name, span),
            A::NullMember { target, name } => self.null_member(cx, target, name, None, span),
            A::Index { target, index } => self.index(cx, target, index, span),
            A::Call {
                callee,
                args,
                type_args,
            } => {
                let explicit: Vec<Type> = type_args.iter().map(|t| self.resolve_type(t)).collect();
                self.call_with(cx, callee, args, explicit, span)
            }
            A::RefArg { mode, target } => self.ref_arg(cx, *mode, target, span),
            A::Default(Some(t)) => {
                let ty = self.resolve_type(t);
                self.default_of(&ty, span)
            }
            A::Default(None) => {
                let msg = "the `default` literal has no type to take here: write `default(T)`";
                self.error(span, msg, "no type");
                error_expr(span)
            }
            // The call takes the name (`Checker::arg_names`).
            A::NamedArg { value, .. } => self.expr(cx, value),
            A::OutVar { ty, name } => self.out_var(cx, ty.as_deref(), name, span),
            A::New { class, args, init } => {
                if init.is_some() {
                    self.misplaced_initializer(span);
                }
                self.new_object(cx, class, args, span)
            }
            A::NewArray { elem, len, init } => {
                self.new_array(cx, elem, len.as_deref(), init.as_deref(), span)
            }
            A::Unary { op, operand } => self.unary(cx, *op, operand, span),
            A::Binary { op, lhs, rhs } => self.binary(cx, *op, lhs, rhs, span),
            A::Assign { op, target, value } => self.assign(cx, *op, target, value, span),
            A::IncDec {
                prefix,
                increment,
                target,
            } => self.inc_dec(cx, *prefix, *increment, target, span),
            A::Conditional {
                cond,
                then,
                otherwise,
            } => self.conditional(cx, cond, then, otherwise, span),
            A::Cast { ty, operand } => self.cast(cx, ty, operand, span),
            A::Is {
                operand,
                ty,
                binding: None,
            } => self.is_as(cx, operand, ty, false, span),
            A::Is {
                operand,
                ty,
                binding: Some(name),
            } => self.is_pattern(cx, operand, ty, name, span),
            A::As { operand, ty } => self.is_as(cx, operand, ty, true, span),
            A::Await(operand) => self.await_expr(cx, operand, span),
            A::Error => error_expr(span),
        }
    }

    /// Types an expression that must convert implicitly to `to`.
    pub(super) fn expr_as(&mut self, cx: &mut FnCx, e: &ast::Expr, to: &Type) -> Expr {
        if let A::Default(None) = e.kind {
            return self.default_of(to, e.span);
        }
        let typed = self.expr(cx, e);
        self.coerce(typed, to)
    }

    /// `default(T)`: zero, false, '\0', or a null of type T.
    fn default_of(&mut self, ty: &Type, span: Span) -> Expr {
        let c = match ty {
            Type::Int | Type::Enum(_) => Const::Int(0),
            Type::Long => Const::Long(0),
            Type::Double => Const::double(0.0),
            Type::Bool => Const::Bool(false),
            Type::Char => Const::Char(0),
            Type::String | Type::Class(_) | Type::Array(_) | Type::Task | Type::TaskOf(_) => {
                Const::Null
            }
            Type::Error => return error_expr(span),
            _ => {
                let msg = format!("`default({})` has no value", self.ty(ty));
                self.error(span, msg, "no default value");
                return error_expr(span);
            }
        };
        mk(ExprKind::Const(c), ty.clone(), span)
    }

    /// A condition: must be a `bool`.
    pub(super) fn condition(&mut self, cx: &mut FnCx, e: &ast::Expr) -> Expr {
        self.expr_as(cx, e, &Type::Bool)
    }

    /// Integer literal typing: int if it fits, else long; `negated` for the
    /// operand of unary minus, where 2147483648 is `int.MinValue`.
    fn int_literal(&mut self, value: u64, long_suffix: bool, negated: bool, span: Span) -> Expr {
        let signed = if negated {
            (value as i128).wrapping_neg()
        } else {
            value as i128
        };
        if !long_suffix {
            if let Ok(v) = i32::try_from(signed) {
                return constant(Const::Int(v), Type::Int, span);
            }
        }
        match i64::try_from(signed) {
            Ok(v) => constant(Const::Long(v), Type::Long, span),
            Err(_) => {
                self.error(
                    span,
                    "integral constant is too large",
                    "does not fit in a `long`",
                );
                error_expr(span)
            }
        }
    }

    fn interpolation(&mut self, cx: &mut FnCx, parts: &[ast::InterpPart], span: Span) -> Expr {
        let mut out = Vec::new();
        for part in parts {
            match part {
                ast::InterpPart::Text(t) => {
                    out.push(constant(Const::Str(t.clone()), Type::String, span))
                }
                ast::InterpPart::Hole(e, format) => {
                    let hole = self.expr(cx, e);
                    out.push(self.formatted(cx, hole, format, e.span));
                }
            }
        }
        self.concat(out, span)
    }

    /// A value that string formatting accepts (anything but `void`).
    pub(super) fn printable(&mut self, e: Expr) -> Expr {
        if e.ty == Type::Void {
            self.error(
                e.span,
                "an expression of type `void` has no value to format",
                "no value",
            );
            return error_expr(e.span);
        }
        if let Type::Class(c) = e.ty {
            if self.class(c).to_string_slot.is_none() {
                if let Some(d) = self.overriding_below(c) {
                    let (c_name, d_name) = (self.class_name(c), self.class_name(d));
                    let msg = if self.class(c).is_interface {
                        format!("formatting a value of interface type `{c_name}` is not supported by Flux# yet when a class implementing it (`{d_name}`) overrides ToString()")
                    } else {
                        format!("formatting a `{c_name}` whose subclass `{d_name}` overrides ToString() is not supported by Flux# yet (override ToString() in `{c_name}` too)")
                    };
                    self.error(e.span, msg, "its ToString() would not be called");
                    return error_expr(e.span);
                }
            }
        }
        if e.ty == Type::Double {
            // C# prints a double as its ToString(): lib/Double.fs's shortest digits.
            return self.call_system_method("Double", "ToString", vec![e]);
        }
        if let Type::Enum(_) = e.ty {
            // C# prints an enum value as its member's name.
            let span = e.span;
            let kind = ExprKind::Builtin {
                builtin: Builtin::EnumName,
                args: vec![e],
            };
            return mk(kind, Type::String, span);
        }
        e
    }

    /// A call of the system library's static method `class.name` whose
    /// parameters have exactly the arguments' types (no conversion needed:
    /// the code generator's own uses, such as a double's text).
    pub(super) fn call_system_method(&mut self, class: &str, name: &str, args: Vec<Expr>) -> Expr {
        let span = args.first().map_or_else(Span::default, |a| a.span);
        let found = self.class_ids.get(class).and_then(|&c| {
            let Some(super::Member::Methods(list)) = self.classes[c.0 as usize].members.get(name)
            else {
                return None;
            };
            list.iter().copied().find(|&m| {
                let params = &self.method(m).param_types;
                params.len() == args.len() && params.iter().zip(&args).all(|(p, a)| *p == a.ty)
            })
        });
        let Some(method) = found else {
            let msg = format!(
                "internal error: the system library has no `{class}.{name}` for these arguments"
            );
            self.error(span, msg, "flux-viz's library is incomplete");
            return error_expr(span);
        };
        let ty = self.method(method).ret.clone();
        mk(ExprKind::CallStatic { method, args }, ty, span)
    }

    /// A class below `c` (or implementing it) with its own ToString().
    fn overriding_below(&self, c: ClassId) -> Option<ClassId> {
        self.out
            .classes
            .iter()
            .find(|d| {
                d.to_string_slot.is_some()
                    && (self.derives_from(d.id, c) || self.implements(d.id, c))
            })
            .map(|d| d.id)
    }

    /// An exception used as text (printed, joined to a string): C# writes
    /// its ToString(), with a stack trace that differs from runtime to
    /// runtime, so Flux# reports it and points to `e.Message` (lib/System.fs
    /// itself may: it joins `this` for the class name).
    pub(super) fn exception_as_text(&mut self, e: &Expr) -> bool {
        let Type::Class(class) = e.ty else {
            return false;
        };
        let Some(exception) = self.exception_class() else {
            return false;
        };
        if self.ast.is_system(e.span.file) || !self.derives_from(class, exception) {
            return false;
        }
        let msg = "an exception as text is its ToString(), with a stack trace no two runtimes print alike: Flux# does not print it";
        self.error(e.span, msg, "use its `.Message`");
        true
    }

    /// Joins string parts, flattening nested concatenations and folding
    /// constant string parts as C# does for `"a" + "b"`.
    ///
    /// A long chain `s + a + b + …` joins one part at a time: the parts
    /// already joined are reused, not copied, so the chain costs linear time.
    pub(super) fn concat(&mut self, parts: Vec<Expr>, span: Span) -> Expr {
        if parts.iter().any(|p| p.ty == Type::Error) {
            return error_expr(span);
        }
        if parts.iter().any(|p| self.exception_as_text(p)) {
            return error_expr(span);
        }
        let mut flat = Vec::new();
        for p in parts {
            match p.kind {
                ExprKind::Concat(inner) if flat.is_empty() => flat = inner,
                ExprKind::Concat(inner) => flat.extend(inner),
                _ => flat.push(p),
            }
        }
        let is_const = |p: &Expr| matches!(p.kind, ExprKind::Const(Const::Str(_) | Const::Null));
        // Constant parts before the first other part were folded into one,
        // so this stops at the first or second part of a non-constant chain.
        let all_const = flat.iter().all(is_const);
        if all_const {
            let mut s = String::new();
            for p in &flat {
                if let ExprKind::Const(Const::Str(t)) = &p.kind {
                    s.push_str(t);
                }
            }
            return constant(Const::Str(s), Type::String, span);
        }
        mk(ExprKind::Concat(flat), Type::String, span)
    }

    fn this(&mut self, cx: &FnCx, span: Span) -> Expr {
        match cx.class {
            Some(c) if !cx.is_static => mk(ExprKind::This, Type::Class(c), span),
            _ => {
                let msg = if cx.in_field_init || cx.class.is_some() && !cx.is_static {
                    "keyword `this` is not available in the current context"
                } else {
                    "keyword `this` is not valid in a static method"
                };
                self.error(span, msg, "no `this` here");
                error_expr(span)
            }
        }
    }

    /// A simple name used as a value.
    fn name(&mut self, cx: &mut FnCx, id: &ast::Ident) -> Expr {
        match self.value_name(cx, id) {
            Some(e) => e,
            None => {
                if self.class_ids.contains_key(&id.name)
                    || matches!(id.name.as_str(), "Console" | "Task")
                {
                    let msg = format!(
                        "`{}` is a type, which is not valid in the given context",
                        id.name
                    );
                    self.error(id.span, msg, "a type, not a value");
                } else if self.functions.contains_key(&id.name) {
                    let msg = format!("method `{}` used as a value; call it with `(…)`", id.name);
                    self.error(id.span, msg, "a method");
                } else {
                    let msg = format!("cannot find `{}` in this scope", id.name);
                    self.error(id.span, msg, "not found");
                }
                error_expr(id.span)
            }
        }
    }

    /// Resolves a simple name to a local or a field; `None` if it names
    /// neither (it may be a type or a function). Errors about a found name
    /// (static context, access, use before declaration) are reported here.
    pub(super) fn value_name(&mut self, cx: &mut FnCx, id: &ast::Ident) -> Option<Expr> {
        let span = id.span;
        match cx.lookup(&id.name) {
            Lookup::Found(LocalRef::Var(local)) if cx.out_vars.contains(&local) => {
                // C#'s CS8196: its type is not known until the call is resolved.
                let msg = format!(
                    "reference to an implicitly-typed out variable `{}` is not permitted in the same argument list",
                    id.name
                );
                self.error(span, msg, "declared by `out var` in this call");
                return Some(error_expr(span));
            }
            Lookup::Found(LocalRef::Var(local)) => {
                let l = &cx.locals[local.0 as usize];
                let kind = match l.pass {
                    // A `ref`/`out` parameter names the caller's variable.
                    crate::typed::PassMode::Value => ExprKind::Local(local),
                    _ => ExprKind::Deref(local),
                };
                return Some(mk(kind, l.ty.clone(), span));
            }
            Lookup::Found(LocalRef::Const(c, ty)) => return Some(constant(c, ty, span)),
            Lookup::NotYetDeclared => {
                let msg = format!(
                    "cannot use local variable `{}` before it is declared",
                    id.name
                );
                self.error(span, msg, "declared later in this block");
                return Some(error_expr(span));
            }
            Lookup::NotFound => {}
        }
        let class = cx.class?;
        if let Some(p) = self.implicit_property(cx, &id.name, span) {
            return Some(self.property_get(cx, p, span));
        }
        match self.lookup_member(class, &id.name)? {
            super::Member::Field(f) => {
                let this = (!self.field(f).is_static)
                    .then(|| mk(ExprKind::This, Type::Class(class), span));
                if this.is_some() && cx.is_static {
                    self.instance_in_static(
                        cx,
                        &format!("field `{}`", self.field_display(f)),
                        span,
                    );
                    return Some(error_expr(span));
                }
                Some(self.field_access(cx, this, f, span))
            }
            super::Member::Methods(list) => {
                let msg = format!(
                    "method `{}` used as a value; call it with `(…)`",
                    self.method(list[0]).name
                );
                self.error(span, msg, "a method");
                Some(error_expr(span))
            }
            super::Member::Property(_) => unreachable!("read as a property above"),
        }
    }

    /// CS0120 / CS0236: an instance member where there is no `this`.
    pub(super) fn instance_in_static(&mut self, cx: &FnCx, what: &str, span: Span) {
        let msg = if cx.in_field_init {
            format!("a field initializer cannot reference the non-static {what}")
        } else {
            format!("an object reference is required for the non-static {what}")
        };
        self.error(span, msg, "needs an object");
    }

    /// Finds a member by name in a class or its ancestors (nearest first).
    pub(super) fn lookup_member(&self, class: ClassId, name: &str) -> Option<super::Member> {
        if self.class(class).is_interface {
            return self.interface_member(class, name);
        }
        let mut cur = Some(class);
        while let Some(c) = cur {
            if let Some(m) = self.classes[c.0 as usize].members.get(name) {
                return Some(m.clone());
            }
            cur = self.class(c).parent;
        }
        None
    }

    /// Reads a field: a constant, a static or `obj.field` (access checked).
    pub(super) fn field_access(
        &mut self,
        cx: &FnCx,
        obj: Option<Expr>,
        f: FieldId,
        span: Span,
    ) -> Expr {
        self.check_field_access(cx, f, obj.as_ref().map(|o| &o.ty), span);
        let field = self.field(f);
        let ty = field.ty.clone();
        if self.consts.contains_key(&f) {
            return match self.const_value(f) {
                Some(c) => constant(c, ty, span),
                None => error_expr(span),
            };
        }
        match obj {
            _ if field.is_static => mk(ExprKind::Static(f), ty, span),
            Some(obj) => mk(
                ExprKind::Field {
                    obj: Box::new(obj),
                    field: f,
                },
                ty,
                span,
            ),
            None => error_expr(span),
        }
    }

    fn check_field_access(&mut self, cx: &FnCx, f: FieldId, through: Option<&Type>, span: Span) {
        let access = self.fields[f.0 as usize].access;
        let class = self.field(f).class;
        if !self.accessible(cx, class, access, through) {
            let msg = format!(
                "`{}` is inaccessible due to its protection level",
                self.field_display(f)
            );
            self.error(
                span,
                msg,
                format!("{} field", super::decls::access_word(access)),
            );
        }
    }

    /// C#'s accessibility: private inside the class, protected in subclasses
    /// (through an instance of the accessing class or below, CS1540).
    pub(super) fn accessible(
        &self,
        cx: &FnCx,
        declaring: ClassId,
        access: ast::Access,
        through: Option<&Type>,
    ) -> bool {
        match access {
            ast::Access::Public => true,
            ast::Access::Private => cx.class == Some(declaring),
            ast::Access::Protected => match cx.class {
                Some(c) if c == declaring => true,
                Some(c) if self.derives_from(c, declaring) => match through {
                    Some(Type::Class(t)) => self.derives_from(*t, c),
                    _ => true,
                },
                _ => false,
            },
        }
    }

    /// The value of a `const` field, evaluated on first use (consts may refer
    /// to consts declared later; a cycle is CS0110).
    pub(super) fn const_value(&mut self, f: FieldId) -> Option<Const> {
        match self.consts.get(&f)? {
            super::ConstState::Done(c) => return c.clone(),
            super::ConstState::InProgress => {
                let msg = format!(
                    "the evaluation of the constant value for `{}` involves a circular definition",
                    self.field_display(f)
                );
                let span = self.field(f).span;
                self.error(span, msg, "depends on itself");
                self.consts.insert(f, super::ConstState::Done(None));
                return None;
            }
            super::ConstState::Pending => {}
        }
        self.consts.insert(f, super::ConstState::InProgress);
        let info = &self.fields[f.0 as usize];
        let value = info.var.init.as_ref().and_then(|init| {
            let field = self.field(f);
            let (class, ty, name) = (field.class, field.ty.clone(), field.name.clone());
            let mut cx = FnCx::new(Some(class), true, None, Type::Void, &name);
            cx.in_field_init = true;
            let e = self.expr_as(&mut cx, init, &ty);
            self.require_const(&e, &self.field_display(f))
        });
        // A cycle reported meanwhile already stored Done(None).
        if let Some(super::ConstState::InProgress) = self.consts.get(&f) {
            self.consts
                .insert(f, super::ConstState::Done(value.clone()));
        }
        self.out.fields[f.0 as usize].constant = value.clone();
        value
    }

    /// CS0133: a `const` needs a constant value.
    pub(super) fn require_const(&mut self, e: &Expr, name: &str) -> Option<Const> {
        match &e.kind {
            ExprKind::Const(c) => Some(c.clone()),
            ExprKind::Error => None,
            _ => {
                let msg = format!("the expression being assigned to `{name}` must be constant");
                self.error(e.span, msg, "not a constant");
                None
            }
        }
    }

    fn index(&mut self, cx: &mut FnCx, target: &ast::Expr, index: &ast::Expr, span: Span) -> Expr {
        let target = self.expr(cx, target);
        let index = self.expr(cx, index);
        match self.indexer_of(target, index, span) {
            Ok(p) => self.property_get(cx, p, span),
            Err(pair) => self.index_typed(pair.0, pair.1, span),
        }
    }

    /// `target[index]` on an array or a string.
    pub(super) fn index_typed(&mut self, target: Expr, index: Expr, span: Span) -> Expr {
        let (elem, index) = match &target.ty {
            Type::Array(elem) => {
                // C# also indexes arrays with a long.
                let to = if index.ty == Type::Long {
                    Type::Long
                } else {
                    Type::Int
                };
                ((**elem).clone(), self.coerce(index, &to))
            }
            Type::String => (Type::Char, self.coerce(index, &Type::Int)),
            Type::Error => return error_expr(span),
            other => {
                let msg = format!(
                    "cannot apply indexing with `[]` to an expression of type `{}`",
                    self.ty(other)
                );
                self.error(target.span, msg, "not an array or string");
                return error_expr(span);
            }
        };
        mk(
            ExprKind::Index {
                target: Box::new(target),
                index: Box::new(index),
            },
            elem,
            span,
        )
    }

    fn new_array(
        &mut self,
        cx: &mut FnCx,
        elem: &ast::TypeExpr,
        len: Option<&ast::Expr>,
        init: Option<&[ast::Expr]>,
        span: Span,
    ) -> Expr {
        let elem = self.resolve_value_type(elem);
        let ty = Type::Array(Box::new(elem.clone()));
        let len = len.map(|l| {
            let l = self.expr(cx, l);
            let to = if l.ty == Type::Long {
                Type::Long
            } else {
                Type::Int
            };
            self.coerce(l, &to)
        });
        let Some(init) = init else {
            let len = len.unwrap_or_else(|| error_expr(span));
            return mk(
                ExprKind::NewArray {
                    elem,
                    len: Box::new(len),
                },
                ty,
                span,
            );
        };
        let items: Vec<Expr> = init.iter().map(|i| self.expr_as(cx, i, &elem)).collect();
        if let Some(len) = len {
            match len.kind {
                ExprKind::Const(Const::Int(n)) if n as usize == items.len() && n >= 0 => {}
                ExprKind::Const(Const::Long(n)) if n as usize == items.len() && n >= 0 => {}
                ExprKind::Const(_) => {
                    let msg = format!(
                        "an array initializer of length `{}` is expected",
                        items.len()
                    );
                    self.error(len.span, msg, "does not match the initializer");
                }
                ExprKind::Error => {}
                _ => self.error(len.span, "a constant value is expected", "not a constant"),
            }
        }
        mk(ExprKind::ArrayLit { elem, items }, ty, span)
    }

    fn unary(&mut self, cx: &mut FnCx, op: UnaryOp, operand: &ast::Expr, span: Span) -> Expr {
        if let (UnaryOp::Neg, A::Int { value, long_suffix }) = (op, &operand.kind) {
            return self.int_literal(*value, *long_suffix, true, span);
        }
        let e = self.expr(cx, operand);
        if e.ty == Type::Error {
            return error_expr(span);
        }
        let (op, ty) = match (op, &e.ty) {
            (UnaryOp::Not, Type::Bool) => (Some(UnOp::Not), Type::Bool),
            (
                UnaryOp::Neg | UnaryOp::Plus | UnaryOp::BitNot,
                Type::Int | Type::Char | Type::Long,
            ) => {
                let ty = if e.ty == Type::Long {
                    Type::Long
                } else {
                    Type::Int
                };
                let op = match op {
                    UnaryOp::Neg => Some(UnOp::Neg),
                    UnaryOp::BitNot => Some(UnOp::BitNot),
                    _ => None,
                };
                (op, ty)
            }
            (UnaryOp::Neg, Type::Double) => (Some(UnOp::Neg), Type::Double),
            (UnaryOp::Plus, Type::Double) => (None, Type::Double),
            _ => {
                let msg = format!(
                    "operator `{}` cannot be applied to operand of type `{}`",
                    op.symbol(),
                    self.ty(&e.ty)
                );
                self.error(span, msg, "no such operator");
                return error_expr(span);
            }
        };
        let e = self.coerce(e, &ty);
        let Some(op) = op else {
            return Expr { span, ..e };
        };
        if let ExprKind::Const(c) = &e.kind {
            match fold::unary(op, c) {
                Ok(Some(v)) => return constant(v, ty, span),
                Ok(None) => {}
                Err(err) => return self.fold_error(err, span),
            }
        }
        mk(
            ExprKind::Unary {
                op,
                operand: Box::new(e),
            },
            ty,
            span,
        )
    }

    fn fold_error(&mut self, err: FoldError, span: Span) -> Expr {
        match err {
            FoldError::Overflow => self.error(
                span,
                "the operation overflows at compile time in checked mode",
                "overflows",
            ),
            FoldError::DivideByZero => {
                self.error(span, "division by constant zero", "divides by zero")
            }
        }
        error_expr(span)
    }

    /// Types `lhs op rhs`. A chain `a + b + c` is a left spine as deep as it
    /// is long (the parser allows very long ones: they are not nesting), so
    /// the spine is walked with a loop and only right operands recurse.
    fn binary(
        &mut self,
        cx: &mut FnCx,
        op: BinaryOp,
        lhs: &ast::Expr,
        rhs: &ast::Expr,
        span: Span,
    ) -> Expr {
        let mut spine = vec![(op, rhs, span)];
        let mut first = lhs;
        while let A::Binary { op, lhs, rhs } = &first.kind {
            spine.push((*op, &**rhs, first.span));
            first = lhs;
        }
        let mut l = self.expr(cx, first);
        for (op, rhs, span) in spine.into_iter().rev() {
            let r = self.expr(cx, rhs);
            l = self.operation(op, l, r, span);
        }
        l
    }

    /// One binary operation on typed operands.
    pub(super) fn operation(&mut self, op: BinaryOp, l: Expr, r: Expr, span: Span) -> Expr {
        if l.ty == Type::Error || r.ty == Type::Error {
            return error_expr(span);
        }
        match op {
            BinaryOp::And | BinaryOp::Or => return self.logical(op, l, r, span),
            BinaryOp::Coalesce => return self.coalesce(l, r, span),
            _ => {}
        }
        if op == BinaryOp::Add && (l.ty == Type::String || r.ty == Type::String) {
            let (l, r) = (self.printable(l), self.printable(r));
            return self.concat(vec![l, r], span);
        }
        if matches!(op, BinaryOp::Eq | BinaryOp::Ne) {
            if let Some(e) = self.equality(op == BinaryOp::Ne, l.clone(), r.clone(), span) {
                return e;
            }
        }
        let bop = bin_op(op).expect("logical operators handled above");
        let Some((kind, ty)) = arith(bop, &l.ty, &r.ty) else {
            return self.operator_error(op.symbol(), &l.ty, &r.ty, span);
        };
        let count = matches!(bop, BinOp::Shl | BinOp::Shr);
        let (l, r) = (as_underlying(l), as_underlying(r));
        let l = self.coerce(l, &kind_type(kind));
        let r_ty = if count { Type::Int } else { kind_type(kind) };
        let r = self.coerce(r, &r_ty);
        self.make_binary(bop, kind, l, r, ty, span)
    }

    fn make_binary(
        &mut self,
        op: BinOp,
        kind: OpKind,
        l: Expr,
        r: Expr,
        ty: Type,
        span: Span,
    ) -> Expr {
        if let (ExprKind::Const(a), ExprKind::Const(b)) = (&l.kind, &r.kind) {
            match fold::binary(op, kind, a, b) {
                Ok(Some(v)) => return constant(v, ty, span),
                Ok(None) => {}
                Err(err) => return self.fold_error(err, span),
            }
        }
        mk(
            ExprKind::Binary {
                op,
                kind,
                lhs: Box::new(l),
                rhs: Box::new(r),
            },
            ty,
            span,
        )
    }

    /// C#: `x op= y` is `x = (T)(x op y)` when the result converts back
    /// explicitly and `y` converts to T implicitly (shifts: any int count);
    /// otherwise reports why (CS0266, or CS0019) and gives false. For
    /// locals, fields, elements and properties alike.
    pub(super) fn compound_converts(
        &mut self,
        op: BinaryOp,
        target: &Type,
        value: &Expr,
        result: &Type,
        span: Span,
    ) -> bool {
        let shift = matches!(op, BinaryOp::Shl | BinaryOp::Shr);
        let back = self.explicit(result, target).is_some();
        if back && (shift || self.implicit(&value.ty, target).is_some()) {
            return true;
        }
        if back {
            self.conversion_error(value, target);
        } else {
            let symbol = format!("{}=", op.symbol());
            self.operator_error(&symbol, target, &value.ty, span);
        }
        false
    }

    fn operator_error(&mut self, symbol: &str, l: &Type, r: &Type, span: Span) -> Expr {
        let msg = format!(
            "operator `{symbol}` cannot be applied to operands of type `{}` and `{}`",
            self.ty(l),
            self.ty(r)
        );
        self.error(span, msg, "no such operator");
        error_expr(span)
    }

    /// `==`/`!=` on strings (by content) and references (by identity); `None`
    /// for numbers and bools (ordinary binary operators).
    fn equality(&mut self, negated: bool, l: Expr, r: Expr, span: Span) -> Option<Expr> {
        let symbol = if negated { "!=" } else { "==" };
        let strings = matches!(
            (&l.ty, &r.ty),
            (Type::String, Type::String | Type::Null) | (Type::Null, Type::String)
        );
        if strings {
            if let (ExprKind::Const(a), ExprKind::Const(b)) = (&l.kind, &r.kind) {
                return Some(constant(Const::Bool((a == b) != negated), Type::Bool, span));
            }
            let kind = ExprKind::StringEq {
                lhs: Box::new(l),
                rhs: Box::new(r),
                negated,
            };
            return Some(mk(kind, Type::Bool, span));
        }
        if !l.ty.is_reference() && !r.ty.is_reference() {
            return None;
        }
        let related =
            self.implicit(&l.ty, &r.ty).is_some() || self.implicit(&r.ty, &l.ty).is_some();
        if !(l.ty.is_reference() && r.ty.is_reference() && related) {
            return Some(self.operator_error(symbol, &l.ty, &r.ty, span));
        }
        if l.ty == Type::Null && r.ty == Type::Null {
            return Some(constant(Const::Bool(!negated), Type::Bool, span));
        }
        let op = if negated { BinOp::Ne } else { BinOp::Eq };
        Some(mk(
            ExprKind::Binary {
                op,
                kind: OpKind::Ref,
                lhs: Box::new(l),
                rhs: Box::new(r),
            },
            Type::Bool,
            span,
        ))
    }

    fn logical(&mut self, op: BinaryOp, l: Expr, r: Expr, span: Span) -> Expr {
        if l.ty != Type::Bool || r.ty != Type::Bool {
            return self.operator_error(op.symbol(), &l.ty, &r.ty, span);
        }
        if let (ExprKind::Const(Const::Bool(a)), ExprKind::Const(Const::Bool(b))) =
            (&l.kind, &r.kind)
        {
            let v = if op == BinaryOp::And {
                *a && *b
            } else {
                *a || *b
            };
            return constant(Const::Bool(v), Type::Bool, span);
        }
        let kind = if op == BinaryOp::And {
            ExprKind::LogicalAnd(Box::new(l), Box::new(r))
        } else {
            ExprKind::LogicalOr(Box::new(l), Box::new(r))
        };
        mk(kind, Type::Bool, span)
    }

    fn coalesce(&mut self, l: Expr, r: Expr, span: Span) -> Expr {
        if !l.ty.is_reference() {
            let msg = format!(
                "operator `??` cannot be applied to operands of type `{}` and `{}`",
                self.ty(&l.ty),
                self.ty(&r.ty)
            );
            self.error(span, msg, "the left side must be a reference");
            return error_expr(span);
        }
        let ty = if self.implicit(&r.ty, &l.ty).is_some() && l.ty != Type::Null {
            l.ty.clone()
        } else if self.implicit(&l.ty, &r.ty).is_some() {
            r.ty.clone()
        } else {
            return self.operator_error("??", &l.ty, &r.ty, span);
        };
        let (l, r) = (self.coerce(l, &ty), self.coerce(r, &ty));
        mk(
            ExprKind::Coalesce {
                lhs: Box::new(l),
                rhs: Box::new(r),
            },
            ty,
            span,
        )
    }

    /// `x ??= v`: `x = x ?? v`, for a target that reading twice does not
    /// change (a local, a static, a field of `this` or of a local).
    fn coalesce_assign(&mut self, cx: &mut FnCx, t: Expr, value: &ast::Expr, span: Span) -> Expr {
        let read = t.clone();
        let v = self.expr(cx, value);
        if t.ty != Type::Error && !super::property::is_pure(&t) {
            self.error(
                t.span,
                "`??=` on this target is not supported by Flux# yet (assign it to a local first)",
                "evaluated twice",
            );
            return error_expr(span);
        }
        let Some((place, ty)) = self.place(cx, t) else {
            return error_expr(span);
        };
        let value = self.coalesce(read, v, span);
        if value.ty == Type::Error {
            return error_expr(span);
        }
        self.assign_place(place, ty, value, span)
    }

    /// `place = value`, the value converted to the place's type.
    pub(super) fn assign_place(&mut self, place: Place, ty: Type, value: Expr, span: Span) -> Expr {
        let value = self.coerce(value, &ty);
        mk(
            ExprKind::Assign {
                target: place,
                value: Box::new(value),
            },
            ty,
            span,
        )
    }

    /// Turns a typed expression into an assignable place, or reports why it
    /// is not one (CS0131, CS0200, CS0191 for readonly fields).
    pub(super) fn place(&mut self, cx: &FnCx, e: Expr) -> Option<(Place, Type)> {
        let ty = e.ty.clone();
        let place = match e.kind {
            ExprKind::Local(id) if cx.foreach_vars.contains(&id) => {
                let msg = format!(
                    "cannot assign to `{}` because it is a 'foreach iteration variable'",
                    cx.locals[id.0 as usize].name
                );
                self.error(e.span, msg, "read-only");
                return None;
            }
            ExprKind::Local(id) => Place::Local(id),
            ExprKind::Deref(id) => Place::Deref(id),
            ExprKind::Field { obj, field } => Place::Field { obj, field },
            ExprKind::Static(f) => Place::Static(f),
            ExprKind::Index { target, index } if matches!(target.ty, Type::Array(_)) => {
                Place::Index {
                    array: target,
                    index,
                }
            }
            ExprKind::Index { .. } => {
                self.error(
                    e.span,
                    "property or indexer `string[int]` cannot be assigned to -- it is read only",
                    "read only",
                );
                return None;
            }
            ExprKind::ArrayLength(_) | ExprKind::Builtin { .. } => {
                self.error(
                    e.span,
                    "property `Length` cannot be assigned to -- it is read only",
                    "read only",
                );
                return None;
            }
            ExprKind::Error => return None,
            _ => {
                let msg = "the left side of an assignment must be a variable, a field or an array element";
                self.error(e.span, msg, "not assignable");
                return None;
            }
        };
        if let Place::Field { field, .. } | Place::Static(field) = &place {
            let class = self.field(*field).class;
            if self.fields[field.0 as usize].is_readonly && !(cx.in_ctor && cx.class == Some(class))
            {
                // lib/System.fs's read-only fields stand for C#'s get-only properties.
                let msg = if self.class(class).is_system {
                    format!(
                        "property or indexer `{}` cannot be assigned to -- it is read only",
                        self.field_display(*field)
                    )
                } else {
                    "a readonly field cannot be assigned to (except in a constructor or a variable initializer)".to_string()
                };
                self.error(e.span, msg, "readonly");
                return None;
            }
        }
        Some((place, ty))
    }

    /// `ref x` / `out x` as a call's argument: the variable's address (a
    /// local, a parameter, a field, a static field or an array element; a
    /// property has no variable to pass, CS0206).
    fn ref_arg(
        &mut self,
        cx: &mut FnCx,
        mode: crate::typed::PassMode,
        target: &ast::Expr,
        span: Span,
    ) -> Expr {
        let word = mode.word();
        let e = match self.lhs(cx, target) {
            Lhs::Property(_) => {
                let msg = format!("a property or indexer may not be passed as a `{word}` argument");
                self.error(target.span, msg, "a property");
                return error_expr(span);
            }
            Lhs::Other(e) => e,
        };
        if e.ty == Type::Error {
            return error_expr(span);
        }
        let is_variable = matches!(
            e.kind,
            ExprKind::Local(_)
                | ExprKind::Deref(_)
                | ExprKind::Field { .. }
                | ExprKind::Static(_)
                | ExprKind::Index { .. }
        );
        if !is_variable {
            let msg = format!("a `{word}` argument must be an assignable variable");
            self.error(target.span, msg, "not a variable");
            return error_expr(span);
        }
        let Some((place, ty)) = self.place(cx, e) else {
            return error_expr(span);
        };
        let kind = ExprKind::AddressOf {
            place: Box::new(place),
            mode,
        };
        mk(kind, ty, span)
    }

    /// `out int n` / `out var n`: declares n in the enclosing block and
    /// passes it. `out var` takes the parameter's type once the call is
    /// resolved (until then its type is an error type, which fits any).
    fn out_var(
        &mut self,
        cx: &mut FnCx,
        ty: Option<&ast::TypeExpr>,
        name: &ast::Ident,
        span: Span,
    ) -> Expr {
        let ty = match ty {
            Some(t) => self.resolve_value_type(t),
            None => Type::Error,
        };
        let (local, result) = cx.declare_var(&name.name, ty.clone(), name.span, false);
        if let Err(e) = result {
            self.declare_error(e, name);
        }
        if ty == Type::Error {
            cx.out_vars.push(local);
        }
        let kind = ExprKind::AddressOf {
            place: Box::new(Place::Local(local)),
            mode: crate::typed::PassMode::Out,
        };
        mk(kind, ty, span)
    }

    fn assign(
        &mut self,
        cx: &mut FnCx,
        op: Option<BinaryOp>,
        target: &ast::Expr,
        value: &ast::Expr,
        span: Span,
    ) -> Expr {
        let t = match self.lhs(cx, target) {
            Lhs::Other(t) => t,
            Lhs::Property(_) => {
                let _ = self.expr(cx, value);
                return self.property_write_in_expression(span);
            }
        };
        self.assign_to(cx, op, t, value, span)
    }

    /// An assignment whose left side is typed (not a property).
    pub(super) fn assign_to(
        &mut self,
        cx: &mut FnCx,
        op: Option<BinaryOp>,
        t: Expr,
        value: &ast::Expr,
        span: Span,
    ) -> Expr {
        if op == Some(BinaryOp::Coalesce) {
            return self.coalesce_assign(cx, t, value, span);
        }
        let target_ty = t.ty.clone();
        let place = self.place(cx, t);
        // `x = default`: the target gives the literal its type.
        let v = match (op, &value.kind) {
            (None, A::Default(None)) => self.default_of(&target_ty, value.span),
            _ => self.expr(cx, value),
        };
        let Some((place, ty)) = place else {
            return error_expr(span);
        };
        let Some(op) = op else {
            return self.assign_place(place, ty, v, span);
        };
        if ty == Type::Error || v.ty == Type::Error {
            return error_expr(span);
        }
        if op == BinaryOp::Add && ty == Type::String {
            let v = self.printable(v);
            return mk(
                ExprKind::CompoundAssign {
                    target: place,
                    op: CompoundOp::Concat,
                    value: Box::new(v),
                },
                ty,
                span,
            );
        }
        let symbol = format!("{}=", op.symbol());
        let Some((bop, (kind, result))) =
            bin_op(op).and_then(|b| arith(b, &ty, &v.ty).map(|k| (b, k)))
        else {
            return self.operator_error(&symbol, &ty, &v.ty, span);
        };
        let shift = matches!(bop, BinOp::Shl | BinOp::Shr);
        if !self.compound_converts(op, &ty, &v, &result, span) {
            return error_expr(span);
        }
        let v_ty = if shift { Type::Int } else { kind_type(kind) };
        let v = self.coerce(v, &v_ty);
        mk(
            ExprKind::CompoundAssign {
                target: place,
                op: CompoundOp::Arith { op: bop, kind },
                value: Box::new(v),
            },
            ty,
            span,
        )
    }

    fn inc_dec(
        &mut self,
        cx: &mut FnCx,
        prefix: bool,
        increment: bool,
        target: &ast::Expr,
        span: Span,
    ) -> Expr {
        match self.lhs(cx, target) {
            Lhs::Other(t) => self.inc_dec_of(cx, prefix, increment, t, span),
            Lhs::Property(_) => self.property_write_in_expression(span),
        }
    }

    /// `++`/`--` on a typed place (not a property).
    pub(super) fn inc_dec_of(
        &mut self,
        cx: &FnCx,
        prefix: bool,
        increment: bool,
        t: Expr,
        span: Span,
    ) -> Expr {
        let Some((place, ty)) = self.place(cx, t) else {
            return error_expr(span);
        };
        if !ty.is_integral() && !matches!(ty, Type::Error | Type::Enum(_) | Type::Double) {
            let symbol = if increment { "++" } else { "--" };
            let msg = format!(
                "operator `{symbol}` cannot be applied to operand of type `{}`",
                self.ty(&ty)
            );
            self.error(span, msg, "not a number");
            return error_expr(span);
        }
        mk(
            ExprKind::IncDec {
                target: place,
                prefix,
                increment,
            },
            ty,
            span,
        )
    }

    fn conditional(
        &mut self,
        cx: &mut FnCx,
        cond: &ast::Expr,
        then: &ast::Expr,
        otherwise: &ast::Expr,
        span: Span,
    ) -> Expr {
        let c = self.condition(cx, cond);
        let t = self.expr(cx, then);
        let o = self.expr(cx, otherwise);
        if t.ty == Type::Error || o.ty == Type::Error {
            return error_expr(span);
        }
        let t_to_o = self.implicit(&t.ty, &o.ty).is_some();
        let o_to_t = self.implicit(&o.ty, &t.ty).is_some();
        let ty = match (t_to_o, o_to_t) {
            _ if t.ty == o.ty => t.ty.clone(),
            (true, false) => o.ty.clone(),
            (false, true) => t.ty.clone(),
            _ => {
                let msg = format!(
                    "type of conditional expression cannot be determined because there is no implicit conversion between `{}` and `{}`",
                    self.ty(&t.ty),
                    self.ty(&o.ty)
                );
                self.error(span, msg, "branches of different types");
                return error_expr(span);
            }
        };
        if ty == Type::Void {
            self.error(
                span,
                "a conditional expression cannot have type `void`",
                "no value",
            );
            return error_expr(span);
        }
        let (t, o) = (self.coerce(t, &ty), self.coerce(o, &ty));
        if let ExprKind::Const(Const::Bool(b)) = c.kind {
            if t.as_const().is_some() && o.as_const().is_some() {
                return Expr {
                    span,
                    ..if b { t } else { o }
                };
            }
        }
        mk(
            ExprKind::Conditional {
                cond: Box::new(c),
                then: Box::new(t),
                otherwise: Box::new(o),
            },
            ty,
            span,
        )
    }

    fn cast(&mut self, cx: &mut FnCx, ty: &ast::TypeExpr, operand: &ast::Expr, span: Span) -> Expr {
        let to = self.resolve_value_type(ty);
        let e = self.expr(cx, operand);
        if to == Type::Error || e.ty == Type::Error {
            return error_expr(span);
        }
        match self.explicit(&e.ty, &to) {
            Some(Conversion::Numeric(conv)) => {
                if let ExprKind::Const(c) = &e.kind {
                    return match fold::convert_const(c, conv) {
                        Some(v) => constant(v, to, span),
                        None => {
                            let msg = format!(
                                "constant value `{}` cannot be converted to a `{}` (use `unchecked` syntax to override)",
                                const_text(c),
                                self.ty(&to)
                            );
                            self.error(span, msg, "does not fit");
                            error_expr(span)
                        }
                    };
                }
                let kind = ExprKind::Convert {
                    conv,
                    operand: Box::new(e),
                };
                mk(kind, to, span)
            }
            Some(conv) => Expr {
                span,
                ..self.apply(e, &to, conv)
            },
            None => {
                let msg = format!(
                    "cannot convert type `{}` to `{}`",
                    self.ty(&e.ty),
                    self.ty(&to)
                );
                self.error(span, msg, "no such conversion");
                error_expr(span)
            }
        }
    }

    fn is_as(
        &mut self,
        cx: &mut FnCx,
        operand: &ast::Expr,
        ty: &ast::TypeExpr,
        is_as: bool,
        span: Span,
    ) -> Expr {
        let to = self.resolve_value_type(ty);
        let e = self.expr(cx, operand);
        if to == Type::Error || e.ty == Type::Error {
            return error_expr(span);
        }
        let keyword = if is_as { "as" } else { "is" };
        let Type::Class(class) = to else {
            let msg = format!(
                "`{keyword}` with type `{}` is not supported by Flux# (only class types)",
                self.ty(&to)
            );
            self.error(ty.span, msg, "not a class type");
            return error_expr(span);
        };
        let related = match &e.ty {
            Type::Class(from) => {
                self.derives_from(*from, class)
                    || self.derives_from(class, *from)
                    || self.class(*from).is_interface
                    || self.class(class).is_interface
            }
            Type::Null => true,
            _ => false,
        };
        if !is_as {
            // C# only warns (CS0184) when an `is` can never be true; it is false.
            if !matches!(e.ty, Type::Class(_) | Type::Null) {
                let msg = format!(
                    "`is` on a value of type `{}` is not supported by Flux# (only class types)",
                    self.ty(&e.ty)
                );
                self.error(e.span, msg, "not a class object");
                return error_expr(span);
            }
            return mk(
                ExprKind::Is {
                    operand: Box::new(e),
                    class,
                },
                Type::Bool,
                span,
            );
        }
        if !related {
            let msg = format!(
                "cannot convert type `{}` to `{}` via a reference conversion",
                self.ty(&e.ty),
                self.ty(&to)
            );
            self.error(span, msg, "unrelated types");
            return error_expr(span);
        }
        mk(
            ExprKind::As {
                operand: Box::new(e),
                class,
            },
            to,
            span,
        )
    }

    /// `x is T name`: true when x is a T, and then `name` holds it, as C#'s
    /// type pattern does. Typed as `(name = x as T) != null`; `name` is a
    /// local of the enclosing block, as C# scopes a pattern in an `if`.
    #[inline(never)]
    fn is_pattern(
        &mut self,
        cx: &mut FnCx,
        operand: &ast::Expr,
        ty: &ast::TypeExpr,
        name: &ast::Ident,
        span: Span,
    ) -> Expr {
        let cast = self.is_as(cx, operand, ty, true, span);
        let local_ty = match &cast.ty {
            Type::Error => Type::Error,
            t => t.clone(),
        };
        let (local, result) = cx.declare_var(&name.name, local_ty.clone(), name.span, false);
        if let Err(e) = result {
            self.declare_error(e, name);
        }
        if cast.ty == Type::Error {
            return error_expr(span);
        }
        let assign = mk(
            ExprKind::Assign {
                target: Place::Local(local),
                value: Box::new(cast),
            },
            local_ty,
            span,
        );
        let null = constant(Const::Null, Type::Null, span);
        mk(
            ExprKind::Binary {
                op: BinOp::Ne,
                kind: OpKind::Ref,
                lhs: Box::new(assign),
                rhs: Box::new(null),
            },
            Type::Bool,
            span,
        )
    }

    fn await_expr(&mut self, cx: &mut FnCx, operand: &ast::Expr, span: Span) -> Expr {
        let e = self.expr(cx, operand);
        if !cx.is_async() {
            self.error(
                span,
                "`await` can only be used inside an `async` method",
                "not in an async method",
            );
        }
        let ty = match &e.ty {
            Type::Task | Type::YieldAwaitable => Type::Void,
            Type::TaskOf(t) => (**t).clone(),
            Type::Error => return error_expr(span),
            other => {
                let msg = format!("cannot await a value of type `{}`", self.ty(other));
                self.error(e.span, msg, "not a task");
                return error_expr(span);
            }
        };
        mk(ExprKind::Await(Box::new(e)), ty, span)
    }
}

/// A constant as C# prints it in messages.
/// An enum operand as the `int` it is (operators compute on that).
fn as_underlying(e: Expr) -> Expr {
    Expr {
        ty: super::enums::underlying(&e.ty),
        ..e
    }
}

fn const_text(c: &Const) -> String {
    match c {
        Const::Int(v) => v.to_string(),
        Const::Long(v) => v.to_string(),
        Const::Double(bits) => f64::from_bits(*bits).to_string(),
        Const::Bool(v) => v.to_string(),
        Const::Char(v) => char::from_u32(u32::from(*v)).map_or(v.to_string(), |c| c.to_string()),
        Const::Str(s) => s.clone(),
        Const::Null => "null".into(),
    }
}
