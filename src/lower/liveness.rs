//! Liveness of locals at each `await`: which locals hold a value that is read
//! after the await before being overwritten. Exactly those are saved into the
//! frame when the method suspends and restored when it resumes.
//!
//! A backward analysis over the structured IR: a loop is iterated until its
//! live set stops growing; `break`, `continue` and `return` jump to the sets of
//! their targets.

use crate::ir::{LocalIndex, Stmt};
use crate::typed::{Expr, ExprKind, Place};
use std::collections::BTreeSet;

type Live = BTreeSet<LocalIndex>;

/// The locals live right after each await, by state number.
pub fn live_after_awaits(body: &[Stmt], this: Option<LocalIndex>) -> Vec<(u32, Vec<LocalIndex>)> {
    let mut analysis = Analysis {
        at_await: Vec::new(),
        loops: Vec::new(),
        this,
    };
    analysis.stmts(body, &Live::new());
    let mut result: Vec<(u32, Vec<LocalIndex>)> = analysis
        .at_await
        .into_iter()
        .map(|(state, live)| (state, live.into_iter().collect()))
        .collect();
    // Loops record an await once per iteration of the fixpoint; the last is final.
    result.reverse();
    result.sort_by_key(|(state, _)| *state);
    result.dedup_by_key(|(state, _)| *state);
    result
}

struct Analysis {
    at_await: Vec<(u32, Live)>,
    /// (live at `continue`, live at `break`) of the enclosing loops.
    loops: Vec<(Live, Live)>,
    this: Option<LocalIndex>,
}

impl Analysis {
    /// Live-in of a statement list given its live-out.
    fn stmts(&mut self, stmts: &[Stmt], out: &Live) -> Live {
        let mut live = out.clone();
        for stmt in stmts.iter().rev() {
            live = self.stmt(stmt, &live);
        }
        live
    }

    fn stmt(&mut self, stmt: &Stmt, out: &Live) -> Live {
        match stmt {
            Stmt::Expr(e) => {
                let mut live = out.clone();
                if let Some(local) = plain_local_store(e) {
                    live.remove(&local);
                }
                self.uses(e, &mut live);
                live
            }
            Stmt::Init { local, value, .. } => {
                let mut live = out.clone();
                live.remove(local);
                self.uses(value, &mut live);
                live
            }
            Stmt::If {
                cond,
                then,
                otherwise,
                ..
            } => {
                let mut live = self.stmts(then, out);
                live.extend(self.stmts(otherwise, out));
                self.uses(cond, &mut live);
                live
            }
            Stmt::Loop {
                cond,
                test_first,
                body,
                step,
                ..
            } => self.loop_stmt(cond.as_ref(), *test_first, body, step, out),
            Stmt::Break(_) => self.loops.last().map(|l| l.1.clone()).unwrap_or_default(),
            Stmt::Continue(_) => self.loops.last().map(|l| l.0.clone()).unwrap_or_default(),
            Stmt::Return(value, _) => {
                let mut live = Live::new();
                if let Some(v) = value {
                    self.uses(v, &mut live);
                }
                live
            }
            Stmt::Block(stmts) => self.stmts(stmts, out),
            Stmt::Await {
                task, dest, state, ..
            } => {
                let mut live = out.clone();
                if let Some(d) = dest {
                    live.remove(d);
                }
                self.at_await.push((*state, live.clone()));
                self.uses(task, &mut live);
                live
            }
        }
    }

    fn loop_stmt(
        &mut self,
        cond: Option<&crate::typed::Expr>,
        test_first: bool,
        body: &[Stmt],
        step: &[Stmt],
        out: &Live,
    ) -> Live {
        let mut head = Live::new();
        loop {
            // The condition: its uses, plus both ways it can go.
            let cond_live = |this: &mut Self, next: &Live| {
                let mut live = next.clone();
                live.extend(out.iter().copied());
                if let Some(c) = cond {
                    this.uses(c, &mut live);
                }
                live
            };
            let (step_in, body_in, new_head);
            if test_first {
                step_in = self.stmts(step, &head);
                self.loops.push((step_in.clone(), out.clone()));
                body_in = self.stmts(body, &step_in);
                self.loops.pop();
                new_head = if cond.is_some() {
                    cond_live(self, &body_in)
                } else {
                    body_in
                };
            } else {
                let test = cond_live(self, &head);
                step_in = self.stmts(step, &test);
                self.loops.push((step_in.clone(), out.clone()));
                body_in = self.stmts(body, &step_in);
                self.loops.pop();
                new_head = body_in;
            }
            if new_head == head {
                return head;
            }
            head = new_head;
        }
    }

    /// Adds every local `e` reads (and `this`) to `live`.
    fn uses(&self, e: &Expr, live: &mut Live) {
        match &e.kind {
            ExprKind::Local(id) => {
                live.insert(id.0 as usize);
            }
            ExprKind::This => live.extend(self.this),
            ExprKind::Assign {
                target: Place::Local(_),
                value,
            } => self.uses(value, live),
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
    if let ExprKind::Local(id) = e.kind {
        *found |= id.0 as usize == local;
    }
    super::for_each_child(e, &mut |c| reads(c, local, found));
}
