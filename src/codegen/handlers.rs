//! Exceptions in generated code: handler records, `try`, `throw`, `finally`.
//!
//! In: the IR's [`Stmt::Try`], [`Stmt::Unlink`], [`Stmt::Throw`] and
//! [`Stmt::Finally`]. Out: their instructions. A `try` makes a handler
//! record in the function's stack frame (runtime/fail.asm explains the
//! chain) and takes it off at its normal end; `throw` calls the runtime,
//! which continues at the innermost record's handler with the registers the
//! record kept; the handler keeps the exception in a local and runs the
//! catch clauses' tests. In a state machine, a suspension takes every record
//! of the method off the chain at once (the one made on entry is the
//! outermost), so resuming in a state inside `try`s makes their records
//! again, outermost first.

use super::FnGen;
use crate::asm::{FinallyExit, Role};
use crate::ir::{LocalIndex, Stmt};
use crate::runtime_layout::{H_HANDLER, H_PREV, H_R12, H_R13, H_R14, H_R15, H_RBP, H_RBX, H_RSP};
use crate::source::Span;
use crate::typed::Expr;
use iced_x86::code_asm as x;
use iced_x86::Register;

/// `rt_throw_at(rdi = exception, esi = source line)`: `throw e;`.
const THROW: &str = "rt_throw_at";
/// `rt_rethrow_exception(rdi = exception)`: `throw;`.
const RETHROW: &str = "rt_rethrow_exception";

impl FnGen<'_, '_> {
    /// Makes the handler record at `[rbp + at]` and links it in as the
    /// innermost: an exception continues at `handler`, with the registers as
    /// they are now. 13 instructions.
    pub(super) fn link_record(&mut self, at: i32, handler: &str, why: &str) {
        self.asm
            .lea_sym(Register::RAX, handler)
            .explain(why)
            .role(Role::HandlerAddress);
        self.xe(
            "the handler record, in this function's stack frame: its handler",
            |a| a.mov(x::qword_ptr(x::rbp + at + H_HANDLER as i32), x::rax),
        );
        let r15 = if self.function.frame.is_some() {
            "(r15: this frame)"
        } else {
            ""
        };
        let saves: [(x::AsmRegister64, i64, &str); 7] = [
            (x::rsp, H_RSP, "the stack pointer to come back with"),
            (x::rbp, H_RBP, "the frame pointer to come back with"),
            (
                x::rbx,
                H_RBX,
                "and the callee-saved registers as they are now",
            ),
            (x::r12, H_R12, ""),
            (x::r13, H_R13, ""),
            (x::r14, H_R14, ""),
            (x::r15, H_R15, r15),
        ];
        for (reg, offset, explain) in saves {
            let place = x::qword_ptr(x::rbp + at + offset as i32);
            if explain.is_empty() {
                self.x(|a| a.mov(place, reg));
            } else {
                self.xe(explain, |a| a.mov(place, reg));
            }
        }
        self.load_symbol(
            Register::RAX,
            super::runtime::HANDLER,
            "the innermost handler so far…",
        );
        self.xe("…is the next outer one of this record", |a| {
            a.mov(x::qword_ptr(x::rbp + at + H_PREV as i32), x::rax)
        });
        self.xe("rax = the record", |a| {
            a.lea(x::rax, x::qword_ptr(x::rbp + at))
        });
        self.store_symbol(
            super::runtime::HANDLER,
            Register::RAX,
            "this record is the innermost handler now",
        );
    }

    /// Takes the record at `[rbp + at]`, and every record inside it, off the chain.
    pub(super) fn unlink_record(&mut self, at: i32, explain: &str) {
        self.xe("the next outer handler record…", |a| {
            a.mov(x::rcx, x::qword_ptr(x::rbp + at + H_PREV as i32))
        });
        self.store_symbol(super::runtime::HANDLER, Register::RCX, explain);
    }

    /// `[rbp + at]` of a `try`'s record.
    fn try_record(&self, record: u32) -> i32 {
        -(self.function.try_records[record as usize] as i32)
    }

    fn catch_label(record: u32) -> String {
        format!(".L.catch{record}")
    }

    /// `try` with its `(body, handler)`; `for_finally`: the handler runs a
    /// `finally` and throws on.
    pub(super) fn try_stmt(
        &mut self,
        record: u32,
        (body, handler): (&[Stmt], &[Stmt]),
        caught: LocalIndex,
        for_finally: bool,
        span: Span,
    ) {
        self.source_line(span);
        let catch = Self::catch_label(record);
        let at = self.try_record(record);
        let why = if for_finally {
            "try: an exception thrown inside runs the finally first, at the handler"
        } else {
            "try: an exception thrown inside continues at the handler (the catch clauses)"
        };
        self.link_record(at, &catch, why);
        self.tries.push(record);
        self.block(body);
        self.tries.pop();
        let end = self.label_for("endtry");
        self.unlink_record(at, "…is the innermost again: the try ended normally");
        self.jmp(&end);
        self.asm.label(&catch);
        let keeps = if for_finally {
            "the handler (rax = the exception): keeps it while the finally runs"
        } else {
            "the handler (rax = the exception): keeps it while the catch clauses test it"
        };
        self.store_local_from(caught, x::rax, keeps);
        self.block(handler);
        self.asm.label(&end);
    }

    /// Resuming in a state inside `try`s: their records again, outermost first.
    pub(super) fn relink_tries(&mut self) {
        for record in self.tries.clone() {
            let at = self.try_record(record);
            self.link_record(
                at,
                &Self::catch_label(record),
                "resumed inside a try: its handler record again",
            );
        }
    }

    pub(super) fn unlink_stmt(&mut self, record: u32) {
        let at = self.try_record(record);
        self.unlink_record(at, "…is the innermost again: control leaves the try");
    }

    pub(super) fn finally_stmt(&mut self, body: &[Stmt], exit: FinallyExit, span: Span) {
        let line = self.line_of(span);
        self.asm.comment(format!(
            "finally of the try at line {line}, {}",
            exit.words()
        ));
        self.asm.mark_next(Role::Finally {
            try_line: line,
            exit,
        });
        self.block(body);
    }

    pub(super) fn throw_stmt(&mut self, value: &Expr, rethrow: bool, span: Span) {
        self.source_line(span);
        self.expr(value);
        if rethrow {
            self.xe("the exception caught", |a| a.mov(x::rdi, x::rax));
            self.call(RETHROW, "throws it again, as it was (throw;)");
            return;
        }
        // `throw null;` throws a NullReferenceException, as in C#.
        self.null_check(x::rax, span);
        self.xe("the exception", |a| a.mov(x::rdi, x::rax));
        let position = self.position_of(span);
        self.load_position(x::esi, x::rsi, position, "the line it is thrown at");
        self.call(THROW, "throws it: on to the innermost handler");
    }
}
