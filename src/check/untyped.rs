//! The checker's last word on a program it found no error in: no error node
//! may be left behind.
//!
//! In: the typed program. Out: an internal-error diagnostic at the first
//! expression of error type, if any. An error node stands for "reported
//! already"; one with no report would reach the code generator, which
//! emits nothing for it (whatever a register holds would be used as its
//! value). Every such hole is a checker bug; this turns it into a clear
//! refusal instead of a miscompiled program.

use crate::diag::Diagnostic;
use crate::typed::{Block, Expr, Program, Stmt, StmtKind, Type};

/// An internal error for the first error-typed expression or local.
pub(super) fn leftover_error(program: &Program) -> Option<Diagnostic> {
    let bodies = program
        .methods
        .iter()
        .filter_map(|m| m.body.as_ref())
        .chain(program.ctors.iter().map(|c| &c.body));
    for body in bodies {
        if let Some(local) = body.locals.iter().find(|l| l.ty == Type::Error) {
            return Some(internal(local.span));
        }
        if let Some(span) = in_block(&body.block) {
            return Some(internal(span));
        }
    }
    let chained = program.ctors.iter().flat_map(|c| match &c.chain {
        crate::typed::CtorChain::Base { args, .. } | crate::typed::CtorChain::This { args, .. } => {
            args.iter()
        }
    });
    if let Some(span) = chained.clone().find_map(in_expr) {
        return Some(internal(span));
    }
    let inits = program
        .static_inits
        .iter()
        .chain(program.classes.iter().flat_map(|c| c.field_inits.iter()));
    inits.map(|i| &i.value).find_map(in_expr).map(internal)
}

fn internal(span: crate::source::Span) -> Diagnostic {
    Diagnostic::error(
        span,
        "internal error: flux-viz's checker left this without a type (please report it)",
    )
    .with_label("no type")
}

fn in_block(b: &Block) -> Option<crate::source::Span> {
    b.stmts.iter().find_map(in_stmt)
}

fn in_stmt(s: &Stmt) -> Option<crate::source::Span> {
    match &s.kind {
        StmtKind::Block(b) => in_block(b),
        StmtKind::Local(inits) => inits
            .iter()
            .filter_map(|i| i.init.as_ref())
            .find_map(in_expr),
        StmtKind::Expr(e) | StmtKind::Throw(e) | StmtKind::Return(Some(e)) => in_expr(e),
        StmtKind::If {
            cond,
            then,
            otherwise,
        } => in_expr(cond)
            .or_else(|| in_stmt(then))
            .or_else(|| otherwise.as_deref().and_then(in_stmt)),
        StmtKind::While { cond, body } | StmtKind::DoWhile { body, cond } => {
            in_expr(cond).or_else(|| in_stmt(body))
        }
        StmtKind::For {
            init,
            cond,
            step,
            body,
        } => init
            .iter()
            .find_map(in_stmt)
            .or_else(|| cond.as_ref().and_then(in_expr))
            .or_else(|| step.iter().find_map(in_expr))
            .or_else(|| in_stmt(body)),
        StmtKind::Try {
            body,
            catches,
            finally,
            ..
        } => in_block(body)
            .or_else(|| catches.iter().find_map(|c| in_block(&c.body)))
            .or_else(|| finally.as_ref().and_then(in_block)),
        StmtKind::Break | StmtKind::Continue | StmtKind::Return(None) | StmtKind::Rethrow(_) => {
            None
        }
    }
}

fn in_expr(e: &Expr) -> Option<crate::source::Span> {
    if e.ty == Type::Error || matches!(e.kind, crate::typed::ExprKind::Error) {
        return Some(e.span);
    }
    let mut found = None;
    crate::lower::for_each_child(e, &mut |c| {
        if found.is_none() {
            found = in_expr(c);
        }
    });
    found
}
