//! What the code generator may prove about a function's locals, to leave out
//! run-time checks that cannot fail.
//!
//! The checks are a security boundary (students' programs run natively in
//! autograders), so every proof here is deliberately narrow: it looks at the
//! IR alone, and any form it does not recognise keeps its check.
//!
//! - [`never_null`]: a local whose every assignment is its declaration's
//!   initializer, and that initializer is `new …` (an object, an array or an
//!   array literal), is never null where it can be read: the checker rejects a
//!   read before the declaration or before a definite assignment, and
//!   `rt_alloc` never returns null (it fails with an OutOfMemoryException).
//! - [`counting_loop`]: in `for (int i = C; i < a.Length; i++) body` with a
//!   constant `C >= 0`, when neither `i` nor `a` is assigned in the body or
//!   the step and the body does not await, `a[i]` in the body is in range:
//!   the condition has just read `a.Length` (so `a` is not null) and held
//!   (`i < a.Length`), and `i` only ever grew by one from `C`, staying below
//!   `a.Length <= int.MaxValue`, so it is never negative.

use crate::ir::{walk_exprs, walk_stmts, LocalIndex, Stmt};
use crate::lower::{assigned_local, for_each_child};
use crate::typed::{BinOp, CompoundOp, Const, Expr, ExprKind, OpKind, Place, Type};

/// By local: `true` when it is provably never null where it is read.
pub fn never_null(body: &[Stmt], locals: usize) -> Vec<bool> {
    let mut inits = vec![false; locals];
    let mut other = vec![false; locals];
    walk_stmts(body, &mut |stmt| match stmt {
        Stmt::Init { local, value, .. } => {
            let fresh = matches!(
                value.kind,
                ExprKind::New { .. } | ExprKind::NewArray { .. } | ExprKind::ArrayLit { .. }
            );
            if fresh {
                inits[*local] = true;
            } else {
                other[*local] = true;
            }
        }
        Stmt::Await {
            dest: Some(local), ..
        } => other[*local] = true,
        _ => {}
    });
    walk_exprs(body, &mut |e| {
        if let Some(local) = assigned_local(e) {
            other[local] = true;
        }
    });
    inits
        .iter()
        .zip(&other)
        .map(|(&init, &other)| init && !other)
        .collect()
}

/// A counting loop's facts: `array[index]` is in range in its body.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Range {
    pub array: LocalIndex,
    pub index: LocalIndex,
    /// The index's first value.
    pub start: i32,
}

/// A counting loop over an array: its [`Range`] when the loop is
/// `for (int index = C; index < array.Length; index++)` (C a constant >= 0,
/// `before` the statement just before the loop) and the body and step assign
/// neither local and do not await.
pub fn counting_loop(
    before: Option<&Stmt>,
    cond: Option<&Expr>,
    body: &[Stmt],
    step: &[Stmt],
) -> Option<Range> {
    let ExprKind::Binary {
        op: BinOp::Lt,
        kind: OpKind::Int,
        lhs,
        rhs,
    } = &cond?.kind
    else {
        return None;
    };
    let (ExprKind::Local(index), ExprKind::ArrayLength(array)) = (&lhs.kind, &rhs.kind) else {
        return None;
    };
    let ExprKind::Local(array) = array.kind else {
        return None;
    };
    let (index, array) = (index.0 as usize, array.0 as usize);
    if lhs.ty != Type::Int || index == array {
        return None;
    }
    // Starts at a constant that is not negative.
    let Some(Stmt::Init { local, value, .. }) = before else {
        return None;
    };
    let ExprKind::Const(Const::Int(start)) = value.kind else {
        return None;
    };
    if *local != index || start < 0 {
        return None;
    }
    // The step is exactly `index++` (or `++index`, `index += 1`).
    let [Stmt::Expr(step_expr)] = step else {
        return None;
    };
    if !increments_by_one(step_expr, index) {
        return None;
    }
    // Nothing else moves either local, and no await comes between.
    let mut touched = false;
    walk_stmts(body, &mut |stmt| match stmt {
        Stmt::Init { local, .. } if *local == index || *local == array => touched = true,
        Stmt::Await { .. } => touched = true,
        _ => {}
    });
    walk_exprs(body, &mut |e| {
        if matches!(assigned_local(e), Some(l) if l == index || l == array) {
            touched = true;
        }
    });
    walk_exprs(step, &mut |e| {
        if !std::ptr::eq(e, step_expr)
            && matches!(assigned_local(e), Some(l) if l == index || l == array)
        {
            touched = true;
        }
    });
    (!touched).then_some(Range {
        array,
        index,
        start,
    })
}

/// Whether evaluating `e` may assign `local`.
pub fn assigns(e: &Expr, local: LocalIndex) -> bool {
    fn walk(e: &Expr, local: LocalIndex, found: &mut bool) {
        if assigned_local(e) == Some(local) {
            *found = true;
        }
        for_each_child(e, &mut |child| walk(child, local, found));
    }
    let mut found = false;
    walk(e, local, &mut found);
    found
}

/// `i++`, `++i` or `i += 1` on the int local `index`, with nothing else in it.
fn increments_by_one(e: &Expr, index: LocalIndex) -> bool {
    match &e.kind {
        ExprKind::IncDec {
            target: Place::Local(id),
            increment: true,
            ..
        } => id.0 as usize == index,
        ExprKind::CompoundAssign {
            target: Place::Local(id),
            op:
                CompoundOp::Arith {
                    op: BinOp::Add,
                    kind: OpKind::Int,
                },
            value,
        } => id.0 as usize == index && matches!(value.kind, ExprKind::Const(Const::Int(1))),
        _ => false,
    }
}
