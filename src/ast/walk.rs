//! A mutable walk over every place a declaration writes a type.
//!
//! In: a class, a method or a statement. Out: each written type (the
//! outermost [`TypeExpr`] of each place: a field's, a parameter's, a local's,
//! a cast's, a `new`'s, …) handed to the visitor, in source order. `generic` replaces type parameters and names instances through it.
//! The matches list every variant, so a new construct that writes a type
//! cannot be forgotten here.

use super::*;

/// What is handed each written type.
pub type Visitor<'v> = dyn FnMut(&mut TypeExpr) + 'v;

/// Every type a class writes: its base's arguments and its members'.
pub fn class(decl: &mut ClassDecl, f: &mut Visitor<'_>) {
    for arg in &mut decl.base_args {
        f(arg);
    }
    for member in &mut decl.members {
        match member {
            Member::Field(field) => {
                f(&mut field.ty);
                vars(&mut field.vars, f);
            }
            Member::Method(m) => method(m, f),
            Member::Ctor(c) => {
                params(&mut c.params, f);
                if let Some(init) = &mut c.init {
                    exprs(&mut init.args, f);
                }
                block(&mut c.body, f);
            }
            Member::Property(p) => {
                f(&mut p.ty);
                params(&mut p.params, f);
            }
        }
    }
}

/// Every type a method writes: its signature and its body.
pub fn method(m: &mut MethodDecl, f: &mut Visitor<'_>) {
    f(&mut m.ret);
    params(&mut m.params, f);
    if let Some(body) = &mut m.body {
        block(body, f);
    }
}

fn params(list: &mut [Param], f: &mut Visitor<'_>) {
    for p in list {
        f(&mut p.ty);
        if let Some(default) = &mut p.default {
            expr(default, f);
        }
    }
}

fn vars(list: &mut [VarDecl], f: &mut Visitor<'_>) {
    for v in list {
        if let Some(init) = &mut v.init {
            expr(init, f);
        }
    }
}

fn block(b: &mut Block, f: &mut Visitor<'_>) {
    for s in &mut b.stmts {
        stmt(s, f);
    }
}

pub fn stmt(s: &mut Stmt, f: &mut Visitor<'_>) {
    match &mut s.kind {
        StmtKind::Block(b) => block(b, f),
        StmtKind::Local { ty, vars: list, .. } => {
            f(ty);
            vars(list, f);
        }
        StmtKind::Expr(e) => expr(e, f),
        StmtKind::If {
            cond,
            then,
            otherwise,
        } => {
            expr(cond, f);
            stmt(then, f);
            if let Some(o) = otherwise {
                stmt(o, f);
            }
        }
        StmtKind::While { cond, body } | StmtKind::DoWhile { body, cond } => {
            expr(cond, f);
            stmt(body, f);
        }
        StmtKind::For {
            init,
            cond,
            step,
            body,
        } => {
            for s in init {
                stmt(s, f);
            }
            if let Some(c) = cond {
                expr(c, f);
            }
            exprs(step, f);
            stmt(body, f);
        }
        StmtKind::Switch { value, sections } => {
            expr(value, f);
            for section in sections {
                for (label, _) in &mut section.labels {
                    if let Some(l) = label {
                        expr(l, f);
                    }
                }
                for s in &mut section.body {
                    stmt(s, f);
                }
            }
        }
        StmtKind::Foreach {
            ty,
            collection,
            body,
            ..
        } => {
            f(ty);
            expr(collection, f);
            stmt(body, f);
        }
        StmtKind::Return(e) | StmtKind::Throw(e) => {
            if let Some(e) = e {
                expr(e, f);
            }
        }
        StmtKind::Try {
            body,
            catches,
            finally,
        } => {
            block(body, f);
            for c in catches {
                if let Some(ty) = &mut c.ty {
                    f(ty);
                }
                block(&mut c.body, f);
            }
            if let Some(b) = finally {
                block(b, f);
            }
        }
        StmtKind::Break | StmtKind::Continue | StmtKind::Empty | StmtKind::Error => {}
    }
}

fn exprs(list: &mut [Expr], f: &mut Visitor<'_>) {
    for e in list {
        expr(e, f);
    }
}

fn expr(e: &mut Expr, f: &mut Visitor<'_>) {
    match &mut e.kind {
        ExprKind::Int { .. }
        | ExprKind::Double(_)
        | ExprKind::Bool(_)
        | ExprKind::Char(_)
        | ExprKind::Str(_)
        | ExprKind::Null
        | ExprKind::Name(_)
        | ExprKind::This
        | ExprKind::Base
        | ExprKind::Default(None)
        | ExprKind::Error => {}
        ExprKind::Interpolated(parts) => {
            for part in parts {
                if let InterpPart::Hole(h, _) = part {
                    expr(h, f);
                }
            }
        }
        ExprKind::TypeRef(ty) => f(ty),
        ExprKind::Member { target, .. } | ExprKind::NullMember { target, .. } => expr(target, f),
        ExprKind::Index { target, index } => {
            expr(target, f);
            expr(index, f);
        }
        ExprKind::Call {
            callee,
            args,
            type_args,
        } => {
            expr(callee, f);
            exprs(args, f);
            type_args.iter_mut().for_each(&mut *f);
        }
        ExprKind::RefArg { target, .. } | ExprKind::NamedArg { value: target, .. } => {
            expr(target, f)
        }
        ExprKind::Default(Some(ty)) => f(ty),
        ExprKind::OutVar { ty, .. } => {
            if let Some(ty) = ty {
                f(ty);
            }
        }
        ExprKind::New { class, args, init } => {
            f(class);
            exprs(args, f);
            for element in init.iter_mut().flat_map(|i| i.iter_mut()) {
                match element {
                    InitElement::Value(e) => expr(e, f),
                    InitElement::Values(list, _) => exprs(list, f),
                    InitElement::Index { index, value, .. } => {
                        expr(index, f);
                        expr(value, f);
                    }
                }
            }
        }
        ExprKind::NewArray { elem, len, init } => {
            f(elem);
            if let Some(len) = len {
                expr(len, f);
            }
            if let Some(init) = init {
                exprs(init, f);
            }
        }
        ExprKind::Unary { operand, .. } | ExprKind::Await(operand) => expr(operand, f),
        ExprKind::Binary { lhs, rhs, .. } => {
            expr(lhs, f);
            expr(rhs, f);
        }
        ExprKind::Assign { target, value, .. } => {
            expr(target, f);
            expr(value, f);
        }
        ExprKind::IncDec { target, .. } => expr(target, f),
        ExprKind::Conditional {
            cond,
            then,
            otherwise,
        } => {
            expr(cond, f);
            expr(then, f);
            expr(otherwise, f);
        }
        ExprKind::Cast { ty, operand }
        | ExprKind::Is { operand, ty, .. }
        | ExprKind::As { operand, ty } => {
            f(ty);
            expr(operand, f);
        }
    }
}
