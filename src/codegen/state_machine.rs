//! Async methods as state machines: the starter that allocates the frame and
//! runs the method up to its first suspension, the resume function's state
//! dispatch, each `await` (save live registers, store the state, register as
//! awaiter, return to the event loop; on resume restore them), completion,
//! and the task built-ins.

use super::runtime::{self, Check};
use super::{size_of, FnGen};
use crate::asm::{Made, Role};
use crate::ir::{header, Frame, LocalIndex};
use crate::lower::labels;
use crate::pipeline::{Lowering, Model};
use crate::runtime_layout::{self as rt, FAULTED};
use crate::source::Span;
use crate::typed::{Builtin, Expr, Type};
use iced_x86::code_asm as x;
use iced_x86::{Code, Register};

/// The label of state `n`'s code inside a resume function (local: `.state1`).
pub fn state_label(n: u32) -> String {
    format!(".state{n}")
}

impl FnGen<'_, '_> {
    fn frame(&self) -> &Frame {
        self.function
            .frame
            .as_ref()
            .expect("an async function has a frame")
    }

    /// `Twice`: allocate the frame, fill in the header and the arguments, run
    /// `Twice$resume` once (C#'s hot start), return the frame: it is the task.
    pub(super) fn async_start(&mut self) {
        let frame = self.frame().clone();
        let method = &self.program.methods[frame.method.0 as usize];
        if self.data.model == Model::Rust && method.ret == Type::Void {
            let message = "`async void` has no future to poll under --model rust: return a Task and await it (Rust runs a future only when it is polled)";
            self.errors.push(crate::diag::Diagnostic::error(
                method.span,
                message.to_string(),
            ));
        }
        let resume = labels::resume(&self.function.label);
        let args = frame.params.len();
        let in_regs = args.min(runtime::ARG_REGS.len());
        self.save_frame_pointer();
        self.xr(
            "rbx will hold the new frame",
            Role::SaveCallee(Register::RBX),
            |a| a.push(x::rbx),
        );
        // Register arguments wait below rbx while rt_alloc runs (it may clobber them).
        let slots = (in_regs as i32 + 1) & !1;
        if slots > 0 {
            let bytes = 8 * slots;
            self.xe("room to keep the arguments across the allocation", |a| {
                a.sub(x::rsp, bytes)
            });
        }
        self.stack_check();
        for (i, reg) in runtime::ARG_REGS.iter().take(in_regs).enumerate() {
            let offset = 16 + 8 * i as i32;
            let reg = *reg;
            self.xe("keeps the argument while rt_alloc runs", |a| {
                a.mov(x::qword_ptr(x::rbp - offset), reg)
            });
        }
        let size = frame.size;
        let explain = match self.data.lowering {
            _ if self.data.model == Model::Rust => format!(
                "the frame is {size} bytes: header, the state byte and the waker, the arguments, the locals that live across awaits"
            ),
            Lowering::Stackful => format!(
                "the frame is {size} bytes: header, what its own stack needs, the arguments"
            ),
            _ => format!(
                "the frame is {size} bytes: header, arguments, the locals that live across awaits"
            ),
        };
        self.xe(&explain, |a| a.mov(x::edi, size));
        self.call(
            runtime::ALLOC,
            "allocates the frame on the heap (it outlives this call)",
        );
        self.xr(
            "rbx = the frame, which is also the task",
            Role::PromiseMade(Made::Frame),
            |a| a.mov(x::rbx, x::rax),
        );
        let future = self.data.model == Model::Rust;
        if future {
            self.asm
                .lea_sym(Register::RCX, &labels::poll(&self.function.label))
                .explain("its poll function: poll(frame, cx) → 0 Ready / 1 Pending");
            self.xe("stores it in the future's header", |a| {
                a.mov(x::qword_ptr(x::rbx + header::CONTINUATION), x::rcx)
            });
        } else if self.data.lowering == Lowering::Stackful {
            self.fiber_start(&labels::fiber(&self.function.label));
        } else {
            self.asm
                .lea_sym(Register::RCX, &resume)
                .explain("the continuation: where the event loop resumes this method");
            self.xe("stores the continuation in the promise header", |a| {
                a.mov(x::qword_ptr(x::rbx + header::CONTINUATION), x::rcx)
            });
        }
        if self.data.lowering == Lowering::Direct {
            self.store_state_address(Register::RBX, &resume, 0);
        }
        for (i, (local, offset)) in frame.params.iter().enumerate() {
            let _ = local;
            let name = frame
                .fields
                .iter()
                .find(|f| f.offset == *offset)
                .map_or("?", |f| f.name.as_str());
            let explain = format!("copies argument `{name}` into the frame");
            let offset = *offset as i32;
            let from = if i < runtime::ARG_REGS.len() {
                -(16 + 8 * i as i32)
            } else {
                16 + 8 * (i - 6) as i32
            };
            self.x(|a| a.mov(x::rax, x::qword_ptr(x::rbp + from)));
            self.xe(&explain, |a| a.mov(x::qword_ptr(x::rbx + offset), x::rax));
        }
        if future {
            // Lazy: nothing of the method runs until someone polls it.
            self.xe("returns the future: nothing of the method has run", |a| {
                a.mov(x::rax, x::rbx)
            });
        } else {
            self.xe("rt_start takes the frame in rdi", |a| a.mov(x::rdi, x::rbx));
            self.call(
                runtime::START,
                "runs the method now, up to its first real suspension (a hot start); a fault stays in the task",
            );
            self.xe("returns the frame: the caller's task", |a| {
                a.mov(x::rax, x::rbx)
            });
        }
        self.xe("drops the argument slots", |a| {
            a.lea(x::rsp, x::qword_ptr(x::rbp - 8))
        });
        self.xr(
            "restores the caller's rbx",
            Role::RestoreCallee(Register::RBX),
            |a| a.pop(x::rbx),
        );
        self.restore_frame_pointer();
        let returns = match self.data.model {
            Model::Rust => "returns the future (not polled yet)",
            Model::Csharp => "returns the task (pending, or already complete)",
        };
        self.xe(returns, |a| a.ret());
    }

    /// `--lowering stackful`: the task's continuation is the runtime's
    /// switch to its stack, and its body is what runs there.
    fn fiber_start(&mut self, body: &str) {
        self.asm
            .lea_sym(Register::RCX, runtime::FIBER_RESUME)
            .explain("the continuation: rt_fiber_resume switches to the task's own stack");
        self.xe("stores the continuation in the promise header", |a| {
            a.mov(x::qword_ptr(x::rbx + header::CONTINUATION), x::rcx)
        });
        self.asm
            .lea_sym(Register::RCX, body)
            .explain("the method's body, which runs on that stack");
        self.xe("stores the body's address in the frame", |a| {
            a.mov(x::qword_ptr(x::rbx + rt::F_BODY as i32), x::rcx)
        });
    }

    /// The start of a resume function's body: the frame to r15, then a jump
    /// through the state table. (A stackful body is entered once, at its
    /// top: there is nothing to dispatch.)
    pub(super) fn dispatch(&mut self) {
        let frame = self.frame().clone();
        let table = labels::state_table(&self.function.label);
        self.xe("r15 = the frame, for the whole method", |a| {
            a.mov(x::r15, x::rdi)
        });
        if self.data.model == Model::Rust {
            self.xe("the waker of this poll (cx), for the awaits inside", |a| {
                a.mov(x::qword_ptr(x::r15 + rt::R_WAKER as i32), x::rsi)
            });
            self.dispatch_through_table(&table, frame.states.len() as u32 + 1, true);
            self.asm.label(&state_label(0));
            self.asm.set_state(Some(0));
            return;
        }
        self.install_handler();
        match self.data.lowering {
            Lowering::Stackful => {}
            Lowering::Table => {
                self.dispatch_through_table(&table, frame.states.len() as u32 + 1, false)
            }
            Lowering::Direct => self.xr(
                "jumps to the code the frame says to continue at (--lowering direct: no table)",
                Role::StateDispatch {
                    through_table: false,
                },
                |a| a.jmp(x::qword_ptr(x::r15 + header::STATE)),
            ),
        }
        // The arguments, as every local that lives across an await, stay
        // in the frame (Storage::Frame): state 0 starts with nothing to load.
        self.asm.label(&state_label(0));
        self.asm.set_state(Some(0));
    }

    /// Loads the frame's state (`byte`: a Rust future's one-byte
    /// discriminant) and jumps through `table`, of `states` entries.
    fn dispatch_through_table(&mut self, table: &str, states: u32, byte: bool) {
        if byte {
            self.xe(
                "which await did the future stop at? (a byte: 0 = not polled yet)",
                |a| a.movzx(x::eax, x::byte_ptr(x::r15 + header::STATE)),
            );
        } else {
            self.xe(
                "which await did the method stop at? (0 = not started)",
                |a| a.mov(x::rax, x::qword_ptr(x::r15 + header::STATE)),
            );
        }
        self.asm
            .lea_sym(Register::RCX, table)
            .explain("the state table: one code address per state");
        self.xr(
            "jumps to the code of the current state",
            Role::StateDispatch {
                through_table: true,
            },
            |a| a.jmp(x::qword_ptr(x::rcx + x::rax * 8)),
        );
        self.state_table.push((table.to_string(), states));
    }

    /// `[rbp - offset]`: this resume function's handler record.
    fn record(&self) -> i32 {
        -(self
            .function
            .handler_record
            .expect("a resume function has a handler record") as i32)
    }

    /// The handler record every resume function makes on entry (C# wraps
    /// MoveNext's body in a try/catch that faults the task): where to go if
    /// an exception leaves the body, with the registers as they are now.
    fn install_handler(&mut self) {
        if self.function.handler_record.is_none() {
            return;
        }
        let at = self.record();
        let handler = self.fault_label();
        self.link_record(
            at,
            &handler,
            "if an exception leaves this method, continue at its fault handler",
        );
    }

    /// `await Task.Yield()` once the state is stored: the method suspends by
    /// a tail call. Its epilogue runs here, then it jumps to rt_enqueue,
    /// whose `ret` returns straight to whoever ran the method: one call and
    /// one return fewer than calling rt_enqueue and then returning.
    fn yield_by_tail_call(&mut self, state: u32) {
        if self.data.lowering == Lowering::Stackful {
            self.xe(
                "Task.Yield(): this task goes to the back of the ready queue",
                |a| a.mov(x::rdi, x::r15),
            );
            self.call(runtime::ENQUEUE, "the event loop will resume it in turn");
            self.switch_stacks(state);
            return;
        }
        self.remove_handler();
        self.unlink_tries_to_suspend();
        self.xr(
            "Task.Yield(): this frame goes to the back of the ready queue; the method suspends",
            Role::Suspend,
            |a| a.mov(x::rdi, x::r15),
        );
        self.restore_callers_registers();
        self.asm.jmp(runtime::ENQUEUE).explain(
            "a tail call: rt_enqueue queues the frame, and its ret returns to the event loop (or to the caller on a hot start)",
        );
    }

    /// A suspension inside `try`s takes their records off the chain (the
    /// outermost's next outer one is the innermost again); resuming makes
    /// them again. An `async void` method's own record, outside them all,
    /// does it at the return label instead.
    fn unlink_tries_to_suspend(&mut self) {
        // A stackful task's records stay on its stack while it waits:
        // rt_fiber_resume keeps its whole chain in the frame.
        if self.function.handler_record.is_some() || self.data.lowering == Lowering::Stackful {
            return;
        }
        if let Some(&outermost) = self.tries.first() {
            let at = -(self.function.try_records[outermost as usize] as i32);
            self.unlink_record(
                at,
                "…is the innermost again: the method suspends inside its try",
            );
        }
    }

    /// On the way out (return or suspension): the handler record is done with.
    pub(super) fn remove_handler(&mut self) {
        if self.function.handler_record.is_none() {
            return;
        }
        let at = self.record();
        self.unlink_record(
            at,
            "…is the innermost again: this method's records are done with",
        );
    }

    fn fault_label(&self) -> String {
        ".L.fault".to_string()
    }

    /// Where an exception that leaves the body lands (registers as at entry,
    /// the exception in rax): it faults the task, and the method returns.
    pub(super) fn fault_handler(&mut self) {
        if self.function.handler_record.is_none() {
            return;
        }
        let label = self.fault_label();
        self.asm.label(&label);
        self.xe("the exception that left the method", |a| {
            a.mov(x::rsi, x::rax)
        });
        self.xe("the task it faults is this frame", |a| {
            a.mov(x::rdi, x::r15)
        });
        if self.program.methods[self.method_id().0 as usize].ret == Type::Void {
            self.call(
                runtime::FAULT_VOID,
                "async void: the exception is posted to the event loop, which rethrows it",
            );
        } else {
            self.call(
                runtime::FAULT,
                "the task keeps the exception; its awaiters wake and rethrow it",
            );
        }
        let out = self.return_label.clone();
        self.asm
            .jmp(&out)
            .explain("returns to whoever ran the method, as a suspension does");
    }

    /// The end of a resume function's body: `return` lands here.
    pub(super) fn complete(&mut self) {
        if !matches!(
            self.program.methods[self.method_id().0 as usize].ret,
            Type::Task | Type::Void
        ) {
            self.xe("stores the result in the promise header", |a| {
                a.mov(x::qword_ptr(x::r15 + header::RESULT), x::rax)
            });
        }
        self.xe("the task that completes is this frame", |a| {
            a.mov(x::rdi, x::r15)
        });
        if self.data.model == Model::Rust {
            self.call(
                runtime::READY,
                "marks the future done and returns 0: Ready, to whoever polled it",
            );
            return;
        }
        self.call(
            runtime::COMPLETE,
            "marks the task complete and queues whoever awaits it",
        );
    }

    fn method_id(&self) -> crate::typed::MethodId {
        self.frame().method
    }

    /// `dest = await task`: no suspension when the task is already complete.
    pub(super) fn await_stmt(
        &mut self,
        task: &Expr,
        dest: Option<LocalIndex>,
        state: u32,
        span: Span,
    ) {
        self.source_line(span);
        assert_eq!(self.depth, 0, "an await must find the machine stack empty");
        let is_yield = task.ty == Type::YieldAwaitable;
        if !is_yield {
            self.expr(task);
        }
        let ready = self.label_for("ready");
        if self.data.model == Model::Rust {
            self.await_by_polling(is_yield, state, span, &ready);
        } else if is_yield {
            self.store_state(state);
            self.yield_by_tail_call(state);
        } else {
            self.null_check(x::rax, span);
            self.xe(
                "remembers the awaited task (its result is read on resume)",
                |a| a.mov(x::qword_ptr(x::r15 + header::AWAITED), x::rax),
            );
            self.xe("has the task ended already (completed or faulted)?", |a| {
                a.cmp(x::qword_ptr(x::rax + header::STATUS), 0)
            });
            self.branch(Code::Jne_rel32_64, &ready);
            self.store_state(state);
            self.x(|a| a.mov(x::rdi, x::rax));
            self.xe("registers this frame as an awaiter of the task", |a| {
                a.mov(x::rsi, x::r15)
            });
            self.call(runtime::AWAIT, "adds this frame to the task's awaiters");
            if self.data.lowering == Lowering::Stackful {
                self.switch_stacks(state);
            } else {
                self.unlink_tries_to_suspend();
                let suspend = self.return_label.clone();
                self.asm
                    .jmp(&suspend)
                    .explain(
                        "suspends: returns to the event loop (or to the caller on a hot start)",
                    )
                    .role(Role::Suspend);
            }
        }
        // The locals live across the await are in the frame already (or,
        // stackful, on the task's stack): the state's code starts right at
        // its label. (A future's await has its label before its poll.)
        let polled_child = self.data.model == Model::Rust && !is_yield;
        if !polled_child {
            self.asm.label(&state_label(state));
            self.asm.set_state(Some(state));
            if self.data.lowering != Lowering::Stackful || self.data.model == Model::Rust {
                self.relink_tries();
            }
        }
        self.asm.label(&ready);
        // (A future's result is read only where it is used: it cannot fault.)
        let reads_task = !is_yield && (self.data.model != Model::Rust || dest.is_some());
        if reads_task {
            self.xe("the awaited task", |a| {
                a.mov(x::rax, x::qword_ptr(x::r15 + header::AWAITED))
            });
            // A future never faults: an exception in its poll goes up the
            // chain of polls, through this one, as in any call.
            if self.data.model != Model::Rust {
                self.xe("did it fault?", |a| {
                    a.cmp(x::qword_ptr(x::rax + header::STATUS), FAULTED as i32)
                });
                self.fail_if(Code::Je_rel32_64, Check::Faulted, span);
            }
        }
        if let Some(dest) = dest {
            let ty = self.function.locals[dest].ty.clone();
            self.load_mem_to_rax(x::rax + header::RESULT, &ty);
            self.store_local(dest);
        }
    }

    /// `--model rust`: `await` polls the child in place, with this poll's
    /// waker; Pending goes up to whoever polled this future (a return of 1,
    /// the child's own Pending in eax), and the next poll of this future
    /// comes back to the state's label and polls the child again. `await
    /// Task.Yield()` wakes its task and is Pending once. The state's label
    /// (the `jump` target of the next poll) comes before the child's poll,
    /// and is emitted by the caller for a yield; a `try` around the await is
    /// linked again only on that way in.
    fn await_by_polling(&mut self, is_yield: bool, state: u32, span: Span, ready: &str) {
        if is_yield {
            self.store_state(state);
            self.xe("Task.Yield(): the waker of this poll…", |a| {
                a.mov(x::rdi, x::qword_ptr(x::r15 + rt::R_WAKER as i32))
            });
            self.call(runtime::WAKE, "…queues its task again (wake_by_ref)");
            self.xe("1: Pending, once", |a| a.mov(x::eax, 1));
            self.pending();
            return;
        }
        self.null_check(x::rax, span);
        self.xe(
            "remembers the awaited future (its result is read once Ready)",
            |a| a.mov(x::qword_ptr(x::r15 + header::AWAITED), x::rax),
        );
        self.xe("is it done already (nothing to poll)?", |a| {
            a.cmp(x::qword_ptr(x::rax + header::STATUS), 0)
        });
        self.branch(Code::Jne_rel32_64, ready);
        self.store_state(state);
        let poll = self.label_for("poll");
        if !self.tries.is_empty() {
            self.asm
                .jmp(&poll)
                .explain("polls it now (its try is linked already)");
        }
        self.asm.label(&state_label(state));
        self.asm.set_state(Some(state));
        self.relink_tries();
        if !self.tries.is_empty() {
            self.asm.label(&poll);
        }
        self.xe("the awaited future…", |a| {
            a.mov(x::rdi, x::qword_ptr(x::r15 + header::AWAITED))
        });
        self.xe("…with this poll's waker", |a| {
            a.mov(x::rsi, x::qword_ptr(x::r15 + rt::R_WAKER as i32))
        });
        self.xr(
            "polls it in place: its poll function, as any call",
            Role::PollChild,
            |a| a.call(x::qword_ptr(x::rdi + header::CONTINUATION)),
        );
        self.xe("0: Ready", |a| a.test(x::eax, x::eax));
        self.branch(Code::Je_rel32_64, ready);
        self.pending();
    }

    /// Returns Pending (eax = 1) to whoever polled this future.
    fn pending(&mut self) {
        self.unlink_tries_to_suspend();
        let out = self.return_label.clone();
        self.asm
            .jmp(&out)
            .explain("Pending: returns 1 to whoever polled this future")
            .role(Role::Suspend);
    }

    /// `--lowering stackful`: the await suspends by switching to the stack
    /// of whoever resumed the task; when the task is resumed, the switch
    /// returns here, with every register and local as it was.
    fn switch_stacks(&mut self, state: u32) {
        self.xe(
            "where this task's stack pointer is kept while it waits",
            |a| a.lea(x::rdi, x::qword_ptr(x::r15 + rt::F_SP as i32)),
        );
        self.xe(
            "the stack of whoever resumed it (the event loop, or the caller on a hot start)",
            |a| a.lea(x::rsi, x::qword_ptr(x::r15 + rt::F_RESUMER as i32)),
        );
        // The call belongs to the state it leads to: the Suspend event says
        // which await the task stops at.
        self.asm.set_state(Some(state));
        self.asm
            .call(runtime::FIBER_SWITCH)
            .explain("suspends: switches stacks; the call returns when the task is resumed")
            .role(Role::Suspend);
    }

    fn store_state(&mut self, state: u32) {
        if self.data.model == Model::Rust {
            let explain = format!(
                "state {state} (a byte, as rustc's discriminant): where the next poll continues"
            );
            let role = Role::StateStore {
                state,
                as_address: false,
            };
            self.xr(&explain, role, |a| {
                a.mov(x::byte_ptr(x::r15 + header::STATE), state)
            });
            return;
        }
        match self.data.lowering {
            // No state: the task's stack says where it stopped.
            Lowering::Stackful => return,
            Lowering::Table => {}
            Lowering::Direct => {
                let resume = self.function.label.clone();
                self.store_state_address(Register::R15, &resume, state);
                return;
            }
        }
        let explain = format!("state {state}: where to continue when resumed");
        let role = Role::StateStore {
            state,
            as_address: false,
        };
        self.xr(&explain, role, |a| {
            a.mov(x::qword_ptr(x::r15 + header::STATE), state as i32)
        });
    }

    /// `--lowering direct`: the frame (in `frame`) keeps the address of
    /// state `state`'s code in `resume` (an absolute address: the image is
    /// not position-independent, so it fits the 32-bit immediate).
    fn store_state_address(&mut self, frame: Register, resume: &str, state: u32) {
        let target = format!("{resume}{}", state_label(state));
        let store = iced_x86::Instruction::with2(
            Code::Mov_rm64_imm32,
            iced_x86::MemoryOperand::with_base_displ(frame, i64::from(header::STATE)),
            0,
        )
        .expect("mov qword [reg + disp], imm32");
        let insn = self.asm.emit_sym(store, &target);
        match state {
            // The frame starts in state 0 (as a zeroed frame does under
            // `table`): no transition, no event.
            0 => insn.explain("the code to start at: the resume function's state 0"),
            n => insn
                .explain(&format!(
                    "state {n}: the address of the code to continue at when resumed"
                ))
                .role(Role::StateStore {
                    state,
                    as_address: true,
                }),
        };
    }

    /// The task built-ins (`Task.Delay`, `WhenAll`, `Result`, …).
    pub(super) fn task_builtin(&mut self, builtin: Builtin, args: &[Expr], e: &Expr) {
        match builtin {
            Builtin::TaskDelay => {
                self.expr(&args[0]);
                self.x(|a| a.movsxd(x::rdi, x::eax));
                match self.data.model {
                    Model::Rust => self.call_aligned(
                        runtime::POLL_DELAY,
                        "a timer in virtual time, as a future to poll",
                    ),
                    Model::Csharp => {
                        self.call_aligned(runtime::DELAY, "registers a timer in virtual time")
                    }
                }
            }
            Builtin::TaskYield => self.xe("Task.Yield() has no value of its own", |a| {
                a.xor(x::eax, x::eax)
            }),
            Builtin::TaskCompleted => {
                self.asm
                    .lea_sym(Register::RAX, runtime::COMPLETED_TASK)
                    .explain("Task.CompletedTask: a task that is done");
            }
            Builtin::TaskFromResult => {
                self.expr(&args[0]);
                self.x(|a| a.mov(x::rdi, x::rax));
                self.call_aligned(
                    runtime::FROM_RESULT,
                    "a task already completed with this value",
                );
            }
            Builtin::TaskWhenAll => {
                self.tasks_array(args);
                let elem = match &e.ty {
                    Type::TaskOf(t) => match t.as_ref() {
                        Type::Array(elem) => size_of(elem),
                        _ => 0,
                    },
                    _ => 0,
                };
                self.x(|a| a.mov(x::rdi, x::rax));
                self.x(|a| a.mov(x::esi, elem));
                match self.data.model {
                    Model::Rust => self.call_aligned(
                        runtime::POLL_JOIN,
                        "a join: a future whose poll polls each of them",
                    ),
                    Model::Csharp => self.call_aligned(
                        runtime::WHEN_ALL,
                        "a task that completes when all of them have",
                    ),
                }
            }
            Builtin::TaskWhenAny => {
                self.tasks_array(args);
                self.x(|a| a.mov(x::rdi, x::rax));
                match self.data.model {
                    Model::Rust => self.call_aligned(
                        runtime::POLL_SELECT,
                        "a select: a future Ready with the first of them done",
                    ),
                    Model::Csharp => self.call_aligned(
                        runtime::WHEN_ANY,
                        "a task whose result is the first of them to end",
                    ),
                }
            }
            Builtin::TaskIsCompleted => {
                self.expr(&args[0]);
                self.null_check(x::rax, e.span);
                self.xe(
                    "the status word: 0 while pending (1 done, 2 faulted)",
                    |a| a.cmp(x::qword_ptr(x::rax + header::STATUS), 0),
                );
                self.xe("IsCompleted: it has ended, either way", |a| a.setne(x::al));
                self.x(|a| a.movzx(x::eax, x::al));
            }
            Builtin::TaskResult => {
                self.expr(&args[0]);
                self.null_check(x::rax, e.span);
                self.xe("a faulted task has no result: .Result throws", |a| {
                    a.cmp(x::qword_ptr(x::rax + header::STATUS), FAULTED as i32)
                });
                self.fail_if(Code::Je_rel32_64, Check::Faulted, e.span);
                self.xe("only a completed task has a result", |a| {
                    a.cmp(x::qword_ptr(x::rax + header::STATUS), 1)
                });
                self.fail_if(Code::Jne_rel32_64, Check::Deadlock, e.span);
                self.load_mem_to_rax(x::rax + header::RESULT, &e.ty);
            }
            _ => unreachable!("not a task built-in"),
        }
    }

    /// The tasks of `Task.WhenAll(…)` / `Task.WhenAny(…)` as one array in
    /// rax: the array argument itself, or a new array of the arguments.
    fn tasks_array(&mut self, args: &[Expr]) {
        match args {
            [one] if matches!(one.ty, Type::Array(_)) => self.expr(one),
            _ => self.array_literal(&Type::Task, args),
        }
    }
}
