//! Properties, typed as C# compiles them: reading `obj.X` is a call of the
//! accessor method `get_X`, writing `obj.X = v` a call of `set_X(v)`, and
//! `obj.X += v` / `obj.X++` the two calls with `obj` evaluated once. In: a
//! property found by name (`Member::Property`) and how it is reached (the
//! receiver). Out: typed calls (and, for a compound write, a hidden local
//! holding the receiver). The x86 pane shows the accessors as the methods
//! they are; an auto-property's value lives in its backing field
//! `<X>k__BackingField`, as in .NET.
//!
//! A property write inside a larger expression (`a = obj.X = 1`,
//! `f(obj.X++)`) is reported as not supported: it is checked only as a
//! statement of its own, where the value of the assignment is not needed.

use super::call::{Recv, Target};
use super::expr::{error_expr, mk};
use super::scope::{FnCx, Lookup};
use super::stmt::local_init;
use super::{Checker, Member};
use crate::ast::{self, BinaryOp, ExprKind as A};
use crate::source::Span;
use crate::typed::{ClassId, Const, Expr, ExprKind, Stmt, StmtKind, Type};

/// A property as the left side of an assignment: where to look the
/// accessors up, which property, and the receiver.
pub(super) struct PropRef {
    class: ClassId,
    prop: usize,
    recv: Recv,
    /// An indexer's arguments (`list[i]`: the property `Item`, `[i]`).
    args: Vec<Expr>,
    /// The property as written (`X`, `obj.X`): where errors point.
    span: Span,
}

/// The left side of an assignment, typed once.
pub(super) enum Lhs {
    Property(PropRef),
    Other(Expr),
}

/// What a statement does to a property.
pub(super) enum Write<'e> {
    /// `X = v` or `X op= v`.
    Assign(Option<BinaryOp>, &'e ast::Expr),
    /// `X++`, `--X`, …
    Step { increment: bool },
}

impl Checker<'_> {
    /// The property `name` names in `class` (or a base), if it is one.
    pub(super) fn property_named(&self, class: ClassId, name: &str) -> Option<usize> {
        match self.lookup_member(class, name)? {
            Member::Property(p) => Some(p),
            _ => None,
        }
    }

    fn prop_display(&self, p: usize) -> String {
        let info = &self.props[p];
        format!("{}.{}", self.class_name(info.class), info.decl.name.name)
    }

    /// A simple name that is a property of the current class: with `this`
    /// as the receiver (none in a static context).
    pub(super) fn implicit_property(&self, cx: &FnCx, name: &str, span: Span) -> Option<PropRef> {
        if !matches!(cx.lookup(name), Lookup::NotFound) {
            return None;
        }
        let class = cx.class?;
        let prop = self.property_named(class, name)?;
        let this = (!cx.is_static).then(|| mk(ExprKind::This, Type::Class(class), span));
        Some(PropRef {
            class,
            prop,
            recv: Recv::Implicit(this),
            args: Vec::new(),
            span,
        })
    }

    /// `target.name` when it is a property; otherwise the target back.
    #[inline(never)]
    pub(super) fn property_of(
        &mut self,
        cx: &FnCx,
        target: Target,
        name: &ast::Ident,
        span: Span,
    ) -> Result<PropRef, Target> {
        let found = match &target {
            Target::Value(v) => match &v.ty {
                Type::Class(c) => self.property_named(*c, &name.name).map(|p| (*c, p)),
                _ => None,
            },
            Target::Class(c) => self.property_named(*c, &name.name).map(|p| (*c, p)),
            // Errors about `base` itself are left to the field and method
            // paths (`base_class`), so they are reported once.
            Target::Base(_) if cx.is_static => None,
            Target::Base(_) => {
                let parent = cx.class.and_then(|c| self.class(c).parent);
                parent.and_then(|c| self.property_named(c, &name.name).map(|p| (c, p)))
            }
            _ => None,
        };
        let Some((class, prop)) = found else {
            return Err(target);
        };
        let recv = match target {
            Target::Value(v) => Recv::Value(v),
            Target::Base(span) => Recv::Base(mk(ExprKind::This, Type::Class(class), span)),
            _ => Recv::Type,
        };
        Ok(PropRef {
            class,
            prop,
            recv,
            args: Vec::new(),
            span,
        })
    }

    /// The left side of an assignment or of `++`/`--`.
    #[inline(never)]
    pub(super) fn lhs(&mut self, cx: &mut FnCx, target: &ast::Expr) -> Lhs {
        match &target.kind {
            A::Name(id) => match self.implicit_property(cx, &id.name, id.span) {
                Some(p) => Lhs::Property(p),
                None => Lhs::Other(self.expr(cx, target)),
            },
            A::Member { target: t, name } => {
                let t = self.target(cx, t);
                match self.property_of(cx, t, name, target.span) {
                    Ok(p) => Lhs::Property(p),
                    Err(t) => Lhs::Other(self.member_in(cx, t, name, target.span)),
                }
            }
            A::Index { target: t, index } => {
                let t = self.expr(cx, t);
                let index = self.expr(cx, index);
                match self.indexer_of(t, index, target.span) {
                    Ok(p) => Lhs::Property(p),
                    Err(pair) => {
                        let (t, index) = *pair;
                        Lhs::Other(self.index_typed(t, index, target.span))
                    }
                }
            }
            _ => Lhs::Other(self.expr(cx, target)),
        }
    }

    /// `obj[index]` as a call of the indexer (the property `Item`) when
    /// obj's class has one; otherwise the two back.
    pub(super) fn indexer_of(
        &self,
        obj: Expr,
        index: Expr,
        span: Span,
    ) -> Result<PropRef, Box<(Expr, Expr)>> {
        let found = match obj.ty {
            Type::Class(class) => self.property_named(class, "Item").map(|p| (class, p)),
            _ => None,
        };
        let Some((class, prop)) = found else {
            return Err(Box::new((obj, index)));
        };
        Ok(PropRef {
            class,
            prop,
            recv: Recv::Value(obj),
            args: vec![index],
            span,
        })
    }

    /// Reads a property: `get_X()` on the receiver.
    pub(super) fn property_get(&mut self, cx: &FnCx, p: PropRef, span: Span) -> Expr {
        let decl = self.props[p.prop].decl;
        if decl.getter.is_none() {
            let msg = format!(
                "the property `{}` cannot be used in this context because it lacks the get accessor",
                self.prop_display(p.prop)
            );
            self.error(p.span, msg, "no get accessor");
            return error_expr(span);
        }
        let args = p.args.clone();
        self.call_accessor(cx, p, decl.getter_name(), "get", args, span)
    }

    /// Writes a property: `set_X(v)` on the receiver (or, in a constructor,
    /// the backing field of a get-only auto-property).
    pub(super) fn property_set(&mut self, cx: &FnCx, p: PropRef, value: Expr, span: Span) -> Expr {
        let decl = self.props[p.prop].decl;
        let owner = self.props[p.prop].class;
        if decl.setter.is_none() {
            let in_own_ctor = cx.in_ctor && cx.class == Some(owner);
            if let (Some(backing), true) = (&decl.backing, in_own_ctor) {
                return self.assign_backing(cx, p, backing, value, span);
            }
            let msg = format!(
                "property or indexer `{}` cannot be assigned to -- it is read only",
                self.prop_display(p.prop)
            );
            self.error(p.span, msg, "no set accessor");
            return error_expr(span);
        }
        let args = p.args.iter().cloned().chain([value]).collect();
        self.call_accessor(cx, p, decl.setter_name(), "set", args, span)
    }

    /// Calls the accessor `name` (`get_X` / `set_X`, the `word` accessor)
    /// unless it is inaccessible here (CS0271 / CS0272).
    fn call_accessor(
        &mut self,
        cx: &FnCx,
        p: PropRef,
        name: String,
        word: &str,
        args: Vec<Expr>,
        span: Span,
    ) -> Expr {
        if !self.accessor_accessible(cx, &p, &name) {
            let msg = format!(
                "the property `{}` cannot be used in this context because the {word} accessor is inaccessible",
                self.prop_display(p.prop)
            );
            self.error(p.span, msg, format!("inaccessible {word}"));
            return error_expr(span);
        }
        let name = ast::Ident { name, span };
        self.call_method(cx, p.class, &name, p.recv, args, span)
    }

    /// `X = v` in a constructor, X get-only: the backing field is assigned.
    fn assign_backing(
        &mut self,
        cx: &FnCx,
        p: PropRef,
        backing: &str,
        value: Expr,
        span: Span,
    ) -> Expr {
        let Some(Member::Field(f)) = self.lookup_member(p.class, backing) else {
            return error_expr(span);
        };
        let obj = match p.recv {
            Recv::Implicit(obj) => obj,
            Recv::Value(obj) | Recv::Base(obj) => Some(obj),
            Recv::Type => None,
        };
        let field = self.field_access(cx, obj, f, span);
        let Some((place, ty)) = self.place(cx, field) else {
            return error_expr(span);
        };
        self.assign_place(place, ty, value, span)
    }

    fn accessor_accessible(&self, cx: &FnCx, p: &PropRef, accessor: &str) -> bool {
        let Some(Member::Methods(list)) = self.lookup_member(p.class, accessor) else {
            return true;
        };
        let m = list[0];
        let owner = self.method(m).class.expect("an accessor is a class method");
        let through = match &p.recv {
            Recv::Value(e) => Some(&e.ty),
            _ => None,
        };
        self.accessible(cx, owner, self.methods[m.0 as usize].access, through)
    }

    /// A statement that writes a property: `X = v;`, `X op= v;`, `X++;`.
    #[inline(never)]
    pub(super) fn property_write(
        &mut self,
        cx: &mut FnCx,
        p: PropRef,
        write: Write,
        span: Span,
    ) -> StmtKind {
        let (op, value) = match write {
            Write::Assign(None, value) => {
                let v = self.expr(cx, value);
                return StmtKind::Expr(self.property_set(cx, p, v, span));
            }
            Write::Assign(Some(BinaryOp::Coalesce), value) => {
                // C# calls the setter only when the value is null.
                let _ = self.expr(cx, value);
                self.error(
                    p.span,
                    "`??=` on a property is not supported by Flux# yet",
                    "a property",
                );
                return StmtKind::Expr(error_expr(span));
            }
            Write::Assign(Some(op), value) => (op, Some(value)),
            Write::Step { increment } => (
                if increment {
                    BinaryOp::Add
                } else {
                    BinaryOp::Sub
                },
                None,
            ),
        };
        // The receiver is evaluated once, as C# does: into a hidden local
        // unless reading it again has no effect.
        let PropRef {
            class,
            prop,
            recv,
            args,
            span: at,
        } = p;
        let mut before = Vec::new();
        let mut once = |e: Expr, name: &str| {
            if is_pure(&e) {
                return e;
            }
            let local = cx.hidden_local(name, e.ty.clone(), e.span);
            let read = mk(ExprKind::Local(local), e.ty.clone(), e.span);
            before.push(local_init(local, e, span));
            read
        };
        let recv = match recv {
            Recv::Value(obj) => Recv::Value(once(obj, "$obj")),
            recv => recv,
        };
        let args: Vec<Expr> = args.into_iter().map(|a| once(a, "$index")).collect();
        let get = self.property_get(
            cx,
            PropRef {
                class,
                prop,
                recv: recv.clone(),
                args: args.clone(),
                span: at,
            },
            span,
        );
        let rhs = match value {
            Some(v) => self.expr(cx, v),
            None => mk(ExprKind::Const(Const::Int(1)), Type::Int, span),
        };
        if get.ty == Type::Error || rhs.ty == Type::Error {
            return StmtKind::Expr(error_expr(span));
        }
        let ty = get.ty.clone();
        let concat = op == BinaryOp::Add && ty == Type::String;
        let checked = value.is_some() && !concat;
        let rhs_copy = checked.then(|| rhs.clone());
        let mut new = self.operation(op, get, rhs, span);
        if let Some(rhs) = rhs_copy.filter(|_| new.ty != Type::Error) {
            if !self.compound_converts(op, &ty, &rhs, &new.ty, span) {
                return StmtKind::Expr(error_expr(span));
            }
        }
        // C#: `x op= y` and `x++` convert the result back to x's type.
        if new.ty != Type::Error && self.implicit(&new.ty, &ty).is_none() {
            if let Some(conv) = self.explicit(&new.ty, &ty) {
                new = self.apply(new, &ty, conv);
            }
        }
        let set = PropRef {
            class,
            prop,
            recv,
            args,
            span: at,
        };
        let set = self.property_set(cx, set, new, span);
        let set = Stmt {
            kind: StmtKind::Expr(set),
            span,
        };
        if before.is_empty() {
            return set.kind;
        }
        before.push(set);
        StmtKind::Block(crate::typed::Block {
            stmts: before,
            span,
        })
    }

    /// CS-style report for a property write where a value is needed.
    pub(super) fn property_write_in_expression(&mut self, span: Span) -> Expr {
        self.error(
            span,
            "assigning a property inside a larger expression is not supported by Flux# yet; write it as a statement of its own",
            "a property write used as a value",
        );
        error_expr(span)
    }
}

/// Reading `e` again gives the same value and does nothing else.
pub(super) fn is_pure(e: &Expr) -> bool {
    match &e.kind {
        ExprKind::Local(_) | ExprKind::This | ExprKind::Static(_) | ExprKind::Const(_) => true,
        ExprKind::Field { obj, .. } => is_pure(obj),
        _ => false,
    }
}
