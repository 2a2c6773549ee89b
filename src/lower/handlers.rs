//! Typed `try`/`catch`/`finally`, `throw` and the jumps out of `try`s →
//! IR [`Stmt::Try`], [`Stmt::Unlink`], [`Stmt::Finally`], [`Stmt::Throw`].
//!
//! In: the typed statements (through [`BodyLowerer`]). Out: IR in which
//!
//! - a `try` with catch clauses is one [`Stmt::Try`] whose handler tests the
//!   caught exception against each clause's class in order (`is`, as the
//!   clauses read), binds the clause's variable and runs its block, and
//!   throws the exception on (`throw;`) when no clause matches;
//! - `try … catch … finally` is `try { try … catch … } finally …`, as
//!   Roslyn lowers it too;
//! - a `finally` block is copied to every way out of its `try`: the normal
//!   end, each `break`/`continue`/`return` that leaves it (after taking its
//!   handler record off the chain), and its handler, which runs it and
//!   throws the exception on. That is how javac lowers `finally`; Roslyn
//!   keeps one copy and a "pending branch" number to dispatch on after it.
//!   Copies read straight through in the x86 pane and need no dispatch; an
//!   `await` inside a `finally` gets one state per copy.
//!
//! A `return` that leaves a `try` computes its value first (inside the
//! `try`, where an exception is still caught), keeps it in a temporary, and
//! returns it after the `finally` blocks ran.

use super::spill::BodyLowerer;
use crate::asm::FinallyExit;
use crate::ir::{LocalIndex, Stmt};
use crate::source::Span;
use crate::typed::{self, Expr, ExprKind, Type};

/// What surrounds the statement being lowered.
#[derive(Clone)]
pub enum Region {
    Loop,
    /// A `try` whose handler record is `record`; `finally` is what must run
    /// on the way out.
    Try {
        record: u32,
        finally: Option<typed::Block>,
        span: Span,
    },
}

impl BodyLowerer<'_> {
    pub(super) fn try_stmt(
        &mut self,
        body: &typed::Block,
        catches: &[typed::Catch],
        finally: Option<&typed::Block>,
        caught: LocalIndex,
        span: Span,
    ) -> Vec<Stmt> {
        let Some(finally) = finally else {
            return vec![self.try_catch(body, catches, caught, span)];
        };
        let record = self.new_record();
        self.regions.push(Region::Try {
            record,
            finally: Some(finally.clone()),
            span,
        });
        let protected = if catches.is_empty() {
            self.block(&body.stmts)
        } else {
            vec![self.try_catch(body, catches, caught, span)]
        };
        self.regions.pop();
        let mut handler = vec![self.finally_copy(finally, FinallyExit::Exception, span)];
        handler.push(self.rethrow(caught, span));
        vec![
            Stmt::Try {
                record,
                body: protected,
                caught,
                handler,
                for_finally: true,
                span,
            },
            self.finally_copy(finally, FinallyExit::End, span),
        ]
    }

    /// `try { body } catch …` without a `finally`.
    fn try_catch(
        &mut self,
        body: &typed::Block,
        catches: &[typed::Catch],
        caught: LocalIndex,
        span: Span,
    ) -> Stmt {
        let record = self.new_record();
        self.regions.push(Region::Try {
            record,
            finally: None,
            span,
        });
        let protected = self.block(&body.stmts);
        self.regions.pop();
        let mut handler = vec![self.rethrow(caught, span)];
        for clause in catches.iter().rev() {
            handler = self.catch_clause(clause, caught, handler);
        }
        Stmt::Try {
            record,
            body: protected,
            caught,
            handler,
            for_finally: false,
            span,
        }
    }

    /// `if (caught is T) { T e = caught; … } else { otherwise }`; a clause
    /// for Exception itself catches everything and needs no test.
    fn catch_clause(
        &mut self,
        clause: &typed::Catch,
        caught: LocalIndex,
        otherwise: Vec<Stmt>,
    ) -> Vec<Stmt> {
        let span = clause.span;
        let class_ty = Type::Class(clause.class);
        let mut then = Vec::new();
        if let Some(var) = clause.var {
            then.push(Stmt::Init {
                local: var.0 as usize,
                value: self.local_expr(caught, &class_ty, span),
                span,
            });
        }
        then.push(Stmt::Block(self.block(&clause.body.stmts)));
        if self.locals[caught].ty == class_ty {
            return then;
        }
        let test = Expr {
            kind: ExprKind::Is {
                operand: Box::new(self.local_expr(caught, &self.locals[caught].ty.clone(), span)),
                class: clause.class,
            },
            ty: Type::Bool,
            span,
        };
        vec![Stmt::If {
            cond: test,
            then,
            otherwise,
            span,
        }]
    }

    pub(super) fn rethrow(&mut self, caught: LocalIndex, span: Span) -> Stmt {
        let ty = self.locals[caught].ty.clone();
        Stmt::Throw {
            value: self.local_expr(caught, &ty, span),
            rethrow: true,
            span,
        }
    }

    fn new_record(&mut self) -> u32 {
        self.records += 1;
        self.records - 1
    }

    /// A copy of `finally`, lowered in the regions outside its `try`.
    fn finally_copy(&mut self, finally: &typed::Block, exit: FinallyExit, span: Span) -> Stmt {
        Stmt::Finally {
            body: self.block(&finally.stmts),
            exit,
            span,
        }
    }

    /// `break` / `continue`: leaves the `try`s inside the innermost loop.
    pub(super) fn leave_loop(&mut self, jump: Stmt) -> Vec<Stmt> {
        let depth = self
            .regions
            .iter()
            .rposition(|r| matches!(r, Region::Loop))
            .map_or(0, |i| i + 1);
        let exit = match jump {
            Stmt::Break(_) => FinallyExit::Break,
            _ => FinallyExit::Continue,
        };
        let mut out = self.leave_regions(depth, exit);
        out.push(jump);
        out
    }

    /// `return`: leaves every `try`; a value is computed before.
    pub(super) fn return_stmt(&mut self, value: Option<&Expr>, span: Span) -> Vec<Stmt> {
        let mut out = Vec::new();
        let mut value = value.map(|v| self.value(v, &mut out));
        let in_try = self.regions.iter().any(|r| matches!(r, Region::Try { .. }));
        if let (true, Some(v)) = (in_try, &value) {
            let temp = self.temp(&v.ty, v.span);
            out.push(Stmt::Init {
                local: temp,
                value: v.clone(),
                span,
            });
            value = Some(self.local_expr(temp, &v.ty, v.span));
        }
        out.extend(self.leave_regions(0, FinallyExit::Return));
        out.push(Stmt::Return(value, span));
        out
    }

    /// Takes the records of the `try`s from the innermost region down to
    /// `depth` off the chain, running each one's `finally` after its record.
    /// Unlinking a record takes the ones inside it off too, so a record is
    /// unlinked only before its `finally`, or as the outermost one left.
    fn leave_regions(&mut self, depth: usize, exit: FinallyExit) -> Vec<Stmt> {
        let mut out = Vec::new();
        let outermost = self.regions[depth..]
            .iter()
            .position(|r| matches!(r, Region::Try { .. }))
            .map(|i| depth + i);
        let mut level = self.regions.len();
        while level > depth {
            level -= 1;
            let Region::Try {
                record,
                finally,
                span,
            } = self.regions[level].clone()
            else {
                continue;
            };
            if finally.is_some() || Some(level) == outermost {
                out.push(Stmt::Unlink { record });
            }
            if let Some(finally) = finally {
                // The copy sees only the regions outside its own `try`.
                let inner = self.regions.split_off(level);
                out.push(self.finally_copy(&finally, exit, span));
                self.regions.extend(inner);
            }
        }
        out
    }
}
