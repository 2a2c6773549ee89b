//! The null-conditional operator, as C# compiles it.
//!
//! In: `a?.B` or `a?.M(args)` (an [`ast::ExprKind::NullMember`], alone or as a
//! call's callee). Out: `($t = a) == null ? null : $t.B` (a hidden local, so
//! `a` is evaluated once), or, for a call that returns nothing, the
//! statement `if (($t = a) != null) $t.M(args);`. Flux# has no nullable
//! value types, so a `?.` whose member is an `int` (C#'s `int?`) is reported,
//! and so is a member access after one (`a?.B.C`, where C# skips the rest
//! of the chain too).

use super::call::Target;
use super::expr::{error_expr, mk};
use super::scope::FnCx;
use super::Checker;
use crate::ast::{self, BinaryOp};
use crate::source::Span;
use crate::typed::{Const, Expr, ExprKind, Place, Stmt, StmtKind, Type};

impl Checker<'_> {
    /// `target?.name`, or `target?.name(args)` with `args`.
    #[inline(never)]
    pub(super) fn null_member(
        &mut self,
        cx: &mut FnCx,
        target: &ast::Expr,
        name: &ast::Ident,
        args: Option<&[ast::Expr]>,
        span: Span,
    ) -> Expr {
        let Some((test, access)) = self.null_checked(cx, target, name, args, BinaryOp::Eq, span)
        else {
            return error_expr(span);
        };
        let problem = match &access.ty {
            Type::Error => return error_expr(span),
            Type::Void => Some("a `?.` call that returns nothing can only be a statement of its own".to_string()),
            Type::Int | Type::Long | Type::Double | Type::Bool | Type::Char | Type::Enum(_) => Some(format!(
                "nullable value types (`{}?`, what `?.` on a member of type `{}` gives) are not supported by Flux#",
                self.ty(&access.ty),
                self.ty(&access.ty)
            )),
            _ => None,
        };
        if let Some(msg) = problem {
            self.error(name.span, msg, "not supported by Flux#");
            return error_expr(span);
        }
        let ty = access.ty.clone();
        let null = self.coerce(mk(ExprKind::Const(Const::Null), Type::Null, span), &ty);
        mk(
            ExprKind::Conditional {
                cond: Box::new(test),
                then: Box::new(null),
                otherwise: Box::new(access),
            },
            ty,
            span,
        )
    }

    /// `target?.name(args);` as a statement: the call when target is not null.
    #[inline(never)]
    pub(super) fn null_call_stmt(
        &mut self,
        cx: &mut FnCx,
        target: &ast::Expr,
        name: &ast::Ident,
        args: &[ast::Expr],
        span: Span,
    ) -> StmtKind {
        let Some((test, call)) =
            self.null_checked(cx, target, name, Some(args), BinaryOp::Ne, span)
        else {
            return StmtKind::Expr(error_expr(span));
        };
        StmtKind::If {
            cond: test,
            then: Box::new(Stmt {
                kind: StmtKind::Expr(call),
                span,
            }),
            otherwise: None,
        }
    }

    /// `($t = target) op null` and the member or call on `$t`; `None` when
    /// target is not a reference (reported) or already wrong.
    fn null_checked(
        &mut self,
        cx: &mut FnCx,
        target: &ast::Expr,
        name: &ast::Ident,
        args: Option<&[ast::Expr]>,
        op: BinaryOp,
        span: Span,
    ) -> Option<(Expr, Expr)> {
        let obj = self.expr(cx, target);
        match &obj.ty {
            Type::Error => return None,
            Type::Class(_) | Type::String | Type::Array(_) | Type::Task | Type::TaskOf(_) => {}
            other => {
                let msg = format!(
                    "operator `?.` cannot be applied to an operand of type `{}`",
                    self.ty(other)
                );
                self.error(obj.span, msg, "never null");
                return None;
            }
        }
        let ty = obj.ty.clone();
        let local = cx.hidden_local("$value", ty.clone(), obj.span);
        let read = mk(ExprKind::Local(local), ty.clone(), obj.span);
        let store = self.assign_place(Place::Local(local), ty, obj, span);
        let null = mk(ExprKind::Const(Const::Null), Type::Null, span);
        let test = self.operation(op, store, null, span);
        let access = match args {
            None => self.member_in(cx, Target::Value(read), name, span),
            Some(args) => {
                let typed = self.call_args(cx, args);
                let call = self.call_member(cx, Target::Value(read), name, typed, span);
                self.arg_names = None; // names a built-in left untaken
                self.type_out_vars(cx, args, call)
            }
        };
        Some((test, access))
    }

    /// `a?.B.C`: reported (C# would skip `.C` too when `a` is null).
    pub(super) fn after_null_member(&mut self, span: Span) -> Expr {
        self.error(
            span,
            "a member access after `?.` (`a?.B.C`) is not supported by Flux# yet; write `a?.B?.C`",
            "not supported",
        );
        error_expr(span)
    }
}

/// Whether `e` is a `?.` chain (`a?.B`, `a?.M()`, `a?.M().C`): a member
/// access after it is one C# would skip when `a` is null.
pub(super) fn in_null_chain(e: &ast::Expr) -> bool {
    match &e.kind {
        ast::ExprKind::NullMember { .. } => true,
        ast::ExprKind::Call { callee, .. } => in_null_chain(callee),
        ast::ExprKind::Member { target, .. } | ast::ExprKind::Index { target, .. } => {
            in_null_chain(target)
        }
        _ => false,
    }
}
