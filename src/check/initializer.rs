//! Object and collection initializers, as C# compiles them: the object is
//! made into a hidden local, then each element runs in order, then the
//! local is the value.
//!
//! In: `new C(args) { … }` where Flux# allows it (the initial value of a
//! local, the right side of an assignment statement, a returned value).
//! Out: the statements that make and fill the object, and the expression
//! that reads it. `{ 1, 2 }` calls `Add(1)`, `Add(2)`; `{ { "a", 1 } }`
//! calls `Add("a", 1)`; `{ ["a"] = 1 }` sets the indexer; `{ Name = "Ann" }`
//! sets a field or property.

use super::call::Target;
use super::expr::{error_expr, mk};
use super::scope::FnCx;
use super::stmt::local_init;
use super::Checker;
use crate::ast::{self, ExprKind as A, InitElement};
use crate::source::Span;
use crate::typed::{Expr, ExprKind, Stmt, StmtKind, Type};

impl Checker<'_> {
    /// `e` when it is `new C(…) { … }`: the statements that make and fill
    /// the object, and the read of it.
    pub(super) fn initialized_new(
        &mut self,
        cx: &mut FnCx,
        e: &ast::Expr,
    ) -> Option<(Vec<Stmt>, Expr)> {
        let A::New {
            class,
            args,
            init: Some(init),
        } = &e.kind
        else {
            return None;
        };
        let span = e.span;
        let object = self.new_object(cx, class, args, span);
        let ty = object.ty.clone();
        let local = cx.hidden_local("$init", ty.clone(), span);
        let read = || mk(ExprKind::Local(local), ty.clone(), span);
        let mut stmts = vec![local_init(local, object, span)];
        let Type::Class(c) = ty else {
            return Some((stmts, read()));
        };
        let is_object_init =
            matches!(init.first(), Some(InitElement::Value(v)) if is_member_set(v));
        let adds = init.iter().any(|e| !matches!(e, InitElement::Index { .. }));
        if !is_object_init && adds && !self.has_method(c, "Add") {
            let msg = format!(
                "cannot initialize type `{}` with a collection initializer because it has no `Add` method",
                self.class_name(c)
            );
            self.error(class.span, msg, "not a collection");
            return Some((stmts, read()));
        }
        for element in init.iter() {
            let done = match (element, is_object_init) {
                (InitElement::Value(v), true) if is_member_set(v) => self.member_set(cx, read(), v),
                (InitElement::Value(v), false) if !is_member_set(v) => {
                    let arg = self.expr(cx, v);
                    self.add_call(cx, c, read(), vec![arg], v.span)
                }
                (InitElement::Values(list, at), false) => {
                    let args = list.iter().map(|a| self.expr(cx, a)).collect();
                    self.add_call(cx, c, read(), args, *at)
                }
                (InitElement::Index { index, value, span }, _) => {
                    let index = self.expr(cx, index);
                    let value = self.expr(cx, value);
                    self.index_set(cx, read(), index, value, *span)
                }
                (element, _) => {
                    let at = element_span(element);
                    self.error(
                        at,
                        "invalid initializer member declarator: an initializer either sets members or adds elements",
                        "mixes the two kinds",
                    );
                    error_expr(at)
                }
            };
            let at = done.span;
            stmts.push(Stmt {
                kind: StmtKind::Expr(done),
                span: at,
            });
        }
        Some((stmts, read()))
    }

    /// A `new C { … }` where Flux# cannot run its elements (an argument, an
    /// operand): reported, after checking it for its other errors.
    pub(super) fn misplaced_initializer(&mut self, span: Span) {
        self.error(
            span,
            "an object or collection initializer is supported by Flux# only as a variable's initial value, the right side of an assignment or a returned value",
            "not supported here",
        );
    }

    fn add_call(
        &mut self,
        cx: &mut FnCx,
        class: crate::typed::ClassId,
        obj: Expr,
        args: Vec<Expr>,
        span: Span,
    ) -> Expr {
        use super::call::Recv;
        let add = ast::Ident {
            name: "Add".into(),
            span,
        };
        self.call_method(cx, class, &add, Recv::Value(obj), args, span)
    }

    /// `Name = value` on the new object: a property's setter or a field.
    fn member_set(&mut self, cx: &mut FnCx, obj: Expr, set: &ast::Expr) -> Expr {
        let A::Assign { target, value, .. } = &set.kind else {
            return error_expr(set.span);
        };
        let A::Name(name) = &target.kind else {
            return error_expr(set.span);
        };
        let value = self.expr(cx, value);
        match self.property_of(cx, Target::Value(obj), name, target.span) {
            Ok(p) => self.property_set(cx, p, value, set.span),
            Err(t) => {
                let field = self.member_in(cx, t, name, target.span);
                match self.place(cx, field) {
                    Some((place, ty)) => self.assign_place(place, ty, value, set.span),
                    None => error_expr(set.span),
                }
            }
        }
    }

    /// `[index] = value` on the new object.
    fn index_set(
        &mut self,
        cx: &mut FnCx,
        obj: Expr,
        index: Expr,
        value: Expr,
        span: Span,
    ) -> Expr {
        let shown = self.ty(&obj.ty);
        match self.indexer_of(obj, index, span) {
            Ok(p) => self.property_set(cx, p, value, span),
            Err(_) => {
                let msg =
                    format!("cannot apply indexing with `[]` to an expression of type `{shown}`");
                self.error(span, msg, "no indexer");
                error_expr(span)
            }
        }
    }
}

/// `Name = value`: an element that sets a member.
fn is_member_set(e: &ast::Expr) -> bool {
    matches!(&e.kind, A::Assign { op: None, target, .. } if matches!(target.kind, A::Name(_)))
}

fn element_span(element: &InitElement) -> Span {
    match element {
        InitElement::Value(e) => e.span,
        InitElement::Values(_, span) | InitElement::Index { span, .. } => *span,
    }
}
