//! Two backward analyses over the structured IR of an async method, sharing
//! one walker:
//!
//! - liveness: which locals hold a value that is read after an `await` before
//!   being overwritten. Exactly those are saved into the frame when the method
//!   suspends and restored when it resumes;
//! - next suspensions: from each resume point, which awaits (or the
//!   completion) can come next — the transitions of the state machine.
//!
//! A loop is iterated until its set stops growing; `break`, `continue` and
//! `return` take the sets of their targets.

use crate::ir::{LocalIndex, Stmt};
use crate::typed::{Expr, ExprKind, Place};
use std::collections::BTreeSet;

pub type Set = BTreeSet<usize>;

/// What one analysis does at the statements that matter to it.
trait Transfer {
    /// An expression statement or condition: from the set after it to the set before.
    fn expr(&mut self, e: &Expr, after: Set) -> Set;
    /// `local = value`.
    fn init(&mut self, local: LocalIndex, value: &Expr, after: Set) -> Set;
    /// `dest = await task` numbered `state`.
    fn await_stmt(&mut self, task: &Expr, dest: Option<LocalIndex>, state: u32, after: Set) -> Set;
    /// `return value`: nothing runs after it.
    fn ret(&mut self, value: Option<&Expr>) -> Set;
}

/// The structural part: blocks, branches, loops and jumps.
struct Walker<'t, T> {
    transfer: &'t mut T,
    /// (set at `continue`, set at `break`) of the enclosing loops.
    loops: Vec<(Set, Set)>,
    /// The set at the start of the innermost enclosing `try`'s handler: an
    /// exception can jump there from anywhere in the `try`.
    handlers: Vec<Set>,
}

impl<T: Transfer> Walker<'_, T> {
    fn stmts(&mut self, stmts: &[Stmt], after: &Set) -> Set {
        let mut set = after.clone();
        for stmt in stmts.iter().rev() {
            set = self.stmt(stmt, set);
        }
        set
    }

    fn stmt(&mut self, stmt: &Stmt, after: Set) -> Set {
        let mut set = self.stmt_itself(stmt, after);
        if let Some(handler) = self.handlers.last() {
            set.extend(handler.iter().copied());
        }
        set
    }

    fn stmt_itself(&mut self, stmt: &Stmt, after: Set) -> Set {
        match stmt {
            Stmt::Expr(e) => self.transfer.expr(e, after),
            Stmt::Init { local, value, .. } => self.transfer.init(*local, value, after),
            Stmt::If {
                cond,
                then,
                otherwise,
                ..
            } => {
                let mut set = self.stmts(then, &after);
                set.extend(self.stmts(otherwise, &after));
                self.transfer.expr(cond, set)
            }
            Stmt::Loop {
                cond,
                test_first,
                body,
                step,
                ..
            } => self.loop_stmt(cond.as_ref(), *test_first, body, step, &after),
            Stmt::Break(_) => self.loops.last().map(|l| l.1.clone()).unwrap_or_default(),
            Stmt::Continue(_) => self.loops.last().map(|l| l.0.clone()).unwrap_or_default(),
            Stmt::Return(value, _) => self.transfer.ret(value.as_ref()),
            Stmt::Block(stmts) | Stmt::Finally { body: stmts, .. } => self.stmts(stmts, &after),
            Stmt::Unlink { .. } => after,
            // Caught by an enclosing handler (its set is added in `stmt`),
            // or the method ends.
            Stmt::Throw { value, .. } if !self.handlers.is_empty() => {
                self.transfer.expr(value, Set::new())
            }
            Stmt::Throw { value, .. } => self.transfer.ret(Some(value)),
            Stmt::Try {
                body,
                caught,
                handler,
                ..
            } => {
                let mut at_handler = self.stmts(handler, &after);
                at_handler.remove(caught);
                if let Some(outer) = self.handlers.last() {
                    at_handler.extend(outer.iter().copied());
                }
                self.handlers.push(at_handler);
                let set = self.stmts(body, &after);
                self.handlers.pop();
                set
            }
            Stmt::Await {
                task, dest, state, ..
            } => self.transfer.await_stmt(task, *dest, *state, after),
        }
    }

    fn loop_stmt(
        &mut self,
        cond: Option<&Expr>,
        test_first: bool,
        body: &[Stmt],
        step: &[Stmt],
        after: &Set,
    ) -> Set {
        let mut head = Set::new();
        loop {
            let new_head = if test_first {
                let step_in = self.stmts(step, &head);
                let body_in = self.body(body, &step_in, after);
                match cond {
                    // The condition either enters the body or leaves the loop.
                    Some(c) => self
                        .transfer
                        .expr(c, body_in.union(after).copied().collect()),
                    None => body_in,
                }
            } else {
                let test = match cond {
                    Some(c) => self.transfer.expr(c, head.union(after).copied().collect()),
                    None => head.clone(),
                };
                let step_in = self.stmts(step, &test);
                self.body(body, &step_in, after)
            };
            if new_head == head {
                return head;
            }
            head = new_head;
        }
    }

    fn body(&mut self, body: &[Stmt], next: &Set, after: &Set) -> Set {
        self.loops.push((next.clone(), after.clone()));
        let set = self.stmts(body, next);
        self.loops.pop();
        set
    }
}

/// Runs an analysis over a whole body; returns the set at its start.
fn analyse<T: Transfer>(transfer: &mut T, body: &[Stmt], at_end: Set) -> Set {
    Walker {
        transfer,
        loops: Vec::new(),
        handlers: Vec::new(),
    }
    .stmts(body, &at_end)
}

/// The locals live right after each await, by state number.
pub fn live_after_awaits(body: &[Stmt], this: Option<LocalIndex>) -> Vec<(u32, Vec<LocalIndex>)> {
    let mut liveness = Liveness {
        at_await: Vec::new(),
        this,
    };
    analyse(&mut liveness, body, Set::new());
    last_per_state(liveness.at_await)
}

/// Loops record an await once per round of the fixpoint; sets only grow, so
/// the last record of each state is the final one.
fn last_per_state(records: Vec<(u32, Set)>) -> Vec<(u32, Vec<usize>)> {
    let mut result: Vec<(u32, Vec<usize>)> = records
        .into_iter()
        .rev()
        .map(|(state, set)| (state, set.into_iter().collect()))
        .collect();
    result.sort_by_key(|(state, _)| *state);
    result.dedup_by_key(|(state, _)| *state);
    result
}

struct Liveness {
    at_await: Vec<(u32, Set)>,
    this: Option<LocalIndex>,
}

impl Transfer for Liveness {
    fn expr(&mut self, e: &Expr, mut live: Set) -> Set {
        if let Some(local) = plain_local_store(e) {
            live.remove(&local);
        }
        self.uses(e, &mut live);
        live
    }

    fn init(&mut self, local: LocalIndex, value: &Expr, mut live: Set) -> Set {
        live.remove(&local);
        self.uses(value, &mut live);
        live
    }

    fn await_stmt(
        &mut self,
        task: &Expr,
        dest: Option<LocalIndex>,
        state: u32,
        mut live: Set,
    ) -> Set {
        if let Some(d) = dest {
            live.remove(&d);
        }
        self.at_await.push((state, live.clone()));
        self.uses(task, &mut live);
        live
    }

    fn ret(&mut self, value: Option<&Expr>) -> Set {
        let mut live = Set::new();
        if let Some(v) = value {
            self.uses(v, &mut live);
        }
        live
    }
}

impl Liveness {
    /// Adds every local `e` reads (and `this`) to `live`.
    fn uses(&self, e: &Expr, live: &mut Set) {
        match &e.kind {
            ExprKind::Local(id) | ExprKind::Deref(id) => {
                live.insert(id.0 as usize);
            }
            // A variable passed by reference is read (and maybe written) by
            // the callee: live at the call, and never killed by it.
            ExprKind::AddressOf { place, .. } => {
                if let Place::Local(id) | Place::Deref(id) = **place {
                    live.insert(id.0 as usize);
                }
                super::for_each_child(e, &mut |c| self.uses(c, live));
            }
            ExprKind::This => live.extend(self.this),
            // `x += v` and `x++` read x before writing it.
            ExprKind::CompoundAssign {
                target: Place::Local(id),
                value,
                ..
            } => {
                live.insert(id.0 as usize);
                self.uses(value, live);
            }
            ExprKind::IncDec {
                target: Place::Local(id),
                ..
            } => {
                live.insert(id.0 as usize);
            }
            _ => super::for_each_child(e, &mut |c| self.uses(c, live)),
        }
    }
}

/// `x = …` as a whole statement whose value does not read `x`: kills `x`.
fn plain_local_store(e: &Expr) -> Option<LocalIndex> {
    match &e.kind {
        ExprKind::Assign {
            target: Place::Local(id),
            value,
        } => {
            let mut reads_itself = false;
            reads(value, id.0 as usize, &mut reads_itself);
            (!reads_itself).then_some(id.0 as usize)
        }
        _ => None,
    }
}

fn reads(e: &Expr, local: LocalIndex, found: &mut bool) {
    match &e.kind {
        ExprKind::Local(id) | ExprKind::Deref(id) => *found |= id.0 as usize == local,
        ExprKind::AddressOf { place, .. } => {
            if let Place::Local(id) | Place::Deref(id) = **place {
                *found |= id.0 as usize == local;
            }
        }
        _ => {}
    }
    super::for_each_child(e, &mut |c| reads(c, local, found));
}

/// Stands for "the method completes" among the next suspensions.
pub const COMPLETES: usize = usize::MAX;

/// For state 0 (the start) and each await's resume point: the awaits that can
/// be met next (by state number), or [`COMPLETES`].
pub fn next_suspensions(body: &[Stmt]) -> Vec<(u32, Vec<usize>)> {
    let mut next = NextSuspension {
        after_await: Vec::new(),
    };
    let at_start = analyse(&mut next, body, Set::from([COMPLETES]));
    let mut result = last_per_state(next.after_await);
    result.insert(0, (0, at_start.into_iter().collect()));
    result
}

struct NextSuspension {
    after_await: Vec<(u32, Set)>,
}

impl Transfer for NextSuspension {
    fn expr(&mut self, _: &Expr, after: Set) -> Set {
        after
    }

    fn init(&mut self, _: LocalIndex, _: &Expr, after: Set) -> Set {
        after
    }

    fn await_stmt(&mut self, _: &Expr, _: Option<LocalIndex>, state: u32, after: Set) -> Set {
        self.after_await.push((state, after));
        Set::from([state as usize])
    }

    fn ret(&mut self, _: Option<&Expr>) -> Set {
        Set::from([COMPLETES])
    }
}

/// Every local the body writes (declarations, assignments, `++`/`--`, awaits).
pub fn assigned_locals(body: &[Stmt]) -> Set {
    fn expr(e: &Expr, out: &mut Set) {
        out.extend(super::assigned_local(e));
        super::for_each_child(e, &mut |c| expr(c, out));
    }
    fn stmts(body: &[Stmt], out: &mut Set) {
        for stmt in body {
            match stmt {
                Stmt::Expr(e) | Stmt::Return(Some(e), _) => expr(e, out),
                Stmt::Init { local, value, .. } => {
                    out.insert(*local);
                    expr(value, out);
                }
                Stmt::If {
                    cond,
                    then,
                    otherwise,
                    ..
                } => {
                    expr(cond, out);
                    stmts(then, out);
                    stmts(otherwise, out);
                }
                Stmt::Loop {
                    cond, body, step, ..
                } => {
                    if let Some(c) = cond {
                        expr(c, out);
                    }
                    stmts(body, out);
                    stmts(step, out);
                }
                Stmt::Block(inner) | Stmt::Finally { body: inner, .. } => stmts(inner, out),
                Stmt::Await { task, dest, .. } => {
                    expr(task, out);
                    out.extend(*dest);
                }
                Stmt::Try {
                    body,
                    caught,
                    handler,
                    ..
                } => {
                    stmts(body, out);
                    out.insert(*caught);
                    stmts(handler, out);
                }
                Stmt::Throw { value, .. } => expr(value, out),
                Stmt::Return(None, _)
                | Stmt::Break(_)
                | Stmt::Continue(_)
                | Stmt::Unlink { .. } => {}
            }
        }
    }
    let mut out = Set::new();
    stmts(body, &mut out);
    out
}
