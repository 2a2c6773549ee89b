//! Roles: the typed fact of what an instruction is *for*, attached by the
//! stage that knows it.
//!
//! In: set by the code generator as it emits an instruction (`.role(…)`,
//! beside `.explain(…)`), and by the NASM reader from the runtime's
//! annotations (`; @poll …`, see [`Role::from_annotation`]). Out: carried in
//! every instruction's [`super::Origin`] into the image's source map, where
//! the stepping engine finds its events (src/machine/sites.rs). Events never
//! depend on the wording of an explanation or on instruction text.

use iced_x86::Register;
use std::sync::Arc;

/// What an instruction does for the program, where that is worth an event.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Role {
    /// A prologue's `push` of a callee-saved register (System V: rbx, rbp,
    /// r12–r15 must come back unchanged).
    SaveCallee(Register),
    /// An epilogue's `pop` that gives it back.
    RestoreCallee(Register),
    /// `mov rbp, rsp`: from here until `pop rbp` the function's frame (its
    /// canonical frame address, rbp + 16) is known from rbp.
    FrameSetup,
    /// Before an await: `mov [r15 + offset], reg` keeps local `local` in the
    /// async frame (it is live after the await).
    SaveToFrame {
        local: Arc<str>,
        reg: Register,
        offset: u32,
    },
    /// After a resume: the local comes back, into a register from
    /// `[r15 + offset]` (`slot` None) or into its stack slot `[rbp - slot]`
    /// through `reg`.
    RestoreFromFrame {
        local: Arc<str>,
        reg: Register,
        offset: u32,
        slot: Option<u32>,
    },
    /// `mov qword [r15 + 32], state`: where the method continues when resumed.
    /// (`as_address`: `--lowering direct` stores the address of the
    /// state's code instead of its number.)
    StateStore { state: u32, as_address: bool },
    /// The resume function's jump to its state's code: `jmp [rcx + rax*8]`
    /// through its state table, or (`--lowering direct`, `through_table`
    /// false) `jmp [r15 + 32]` to the address its frame keeps.
    StateDispatch { through_table: bool },
    /// The jump out of the method at an await that must wait (under
    /// `--lowering stackful`: its `call rt_fiber_switch`).
    Suspend,
    /// `--lowering stackful`: rt_fiber_entry's call of the method's body,
    /// on the task's own stack (the first time the task runs).
    StackEnter,
    /// `--lowering stackful`: rt_fiber_switch's jump to the return address
    /// it popped from the stack it switched to: back into a body after its
    /// await, or back to whoever resumed the task.
    StackReturn,
    /// The event loop's `call [rcx + P_CONT]`: a continuation jump (under
    /// `--model rust`: the executor's poll of the top-level task).
    Poll,
    /// `--model rust`: a future polls the one it awaits (`call [rdi +
    /// P_CONT]`), in place, with its own waker; a join or a select polls
    /// its children.
    PollChild,
    /// `rt_complete`'s `call [rcx + P_CONT]`: the awaiter of a completing
    /// task resumes inline, inside the completion (C# on one thread).
    Resume,
    /// The entry of `rt_complete`: a promise completes.
    Complete,
    /// The entry of `rt_fault`: a task ends with an exception.
    Faulted,
    /// The entry of `rt_throw`: an exception is thrown (rdi).
    Throw,
    /// `rt_throw`'s jump to the innermost handler (rax = the exception).
    Catch,
    /// The entry of `rt_rethrow…`: an exception is thrown again (`throw;`,
    /// or `await` of a faulted task).
    Rethrow,
    /// The first instruction of a copy of a `finally` block: the one for
    /// the `try` at `try_line`, on the way out by `exit`.
    Finally { try_line: u32, exit: FinallyExit },
    /// The entry of `rt_uncaught`: no handler; the program ends.
    Uncaught,
    /// The entry of `rt_enqueue`: a promise joins the ready queue.
    Wake,
    /// Virtual time jumps to the earliest timer's deadline.
    TimerAdvance,
    /// A due timer completes.
    TimerFire,
    /// A new timer's deadline is stored.
    TimerSet,
    /// A `call` that never returns (a failed check's call of its `fail$…`
    /// routine): the code after it is not reached from it, so the frame
    /// table does not carry this point's stack into that code.
    NoReturn,
    /// `lea rax, [rel handler]` as a handler record is made: the code at
    /// the handler runs with this instruction's stack (rt_throw puts rsp
    /// and rbp back), which the frame table carries there.
    HandlerAddress,
    /// The instruction right after the `call rt_alloc` that made a promise
    /// (its address in rax).
    PromiseMade(Made),
    /// `mov [rax], rcx` after `new C(…)`'s `rt_alloc`: the object (in rax)
    /// of this class (its Flux# name) gets its vtable pointer.
    ObjectMade(Arc<str>),
    /// `mov [rax], …` after a `new T[n]` or an array literal's `rt_alloc`:
    /// the array (in rax) gets its length; its elements are `size` bytes
    /// each, shown as `elem`.
    ArrayMade {
        elem: crate::machine::layout::ValueKind,
        size: u32,
    },
    /// A runtime routine's instruction right after the `rt_alloc` of a
    /// string it builds (in rax): concatenation, `ToString`, `Substring`…
    StringMade,
    /// `rt_fail`'s instruction once the exception object it made (in rax)
    /// holds its class's vtable and its message: the object's class is the
    /// one its vtable names.
    ExceptionMade,
}

/// Which way out of a `try` a copy of its `finally` block is on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FinallyExit {
    /// The try block (or a catch) ended normally.
    End,
    Return,
    Break,
    Continue,
    /// An exception: the finally runs, then the exception goes on.
    Exception,
}

impl FinallyExit {
    /// "by return", as the events say it.
    pub fn words(self) -> &'static str {
        match self {
            FinallyExit::End => "at the end of the try",
            FinallyExit::Return => "on the way out by return",
            FinallyExit::Break => "on the way out by break",
            FinallyExit::Continue => "on the way out by continue",
            FinallyExit::Exception => "on the way out of an exception, which goes on after it",
        }
    }
}

/// What kind of promise a [`Role::PromiseMade`] makes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Made {
    /// The frame of the async method the instruction belongs to.
    Frame,
    Timer,
    WhenAll,
    WhenAny,
    FromResult,
    /// `Task.Delay(-1)`: pending forever.
    Never,
}

impl Role {
    /// Reads a runtime annotation: a comment that starts with `@name` or
    /// `@name(argument)`, e.g. `; @made(timer) a fresh timer`. Returns the
    /// role and the rest of the comment (the explanation), or `Err` with a
    /// message for an unknown name. The names are the kebab-case of the
    /// variants the runtime uses: `poll`, `poll-child`, `resume`, `enter`, `switched`, `complete`, `faulted`,
    /// `throw`, `catch`, `rethrow`, `uncaught`, `wake`,
    /// `timer-advance`, `timer-fire`, `timer-set`, `made(timer | when-all |
    /// when-any | from-result | never)` for promises and `made(string |
    /// string-array | exception)` for the other blocks the runtime makes.
    pub fn from_annotation(comment: &str) -> Option<Result<(Role, &str), String>> {
        let rest = comment.strip_prefix('@')?;
        let end = rest.find(|c: char| c.is_whitespace()).unwrap_or(rest.len());
        let (word, explain) = (&rest[..end], rest[end..].trim_start());
        let (name, argument) = match word.split_once('(') {
            Some((name, arg)) => (name, arg.strip_suffix(')')),
            None => (word, None),
        };
        let role = match (name, argument) {
            ("poll", None) => Role::Poll,
            ("poll-child", None) => Role::PollChild,
            ("resume", None) => Role::Resume,
            ("enter", None) => Role::StackEnter,
            ("switched", None) => Role::StackReturn,
            ("complete", None) => Role::Complete,
            ("faulted", None) => Role::Faulted,
            ("throw", None) => Role::Throw,
            ("catch", None) => Role::Catch,
            ("rethrow", None) => Role::Rethrow,
            ("uncaught", None) => Role::Uncaught,
            ("wake", None) => Role::Wake,
            ("timer-advance", None) => Role::TimerAdvance,
            ("timer-fire", None) => Role::TimerFire,
            ("timer-set", None) => Role::TimerSet,
            ("no-return", None) => Role::NoReturn,
            ("made", Some("timer")) => Role::PromiseMade(Made::Timer),
            ("made", Some("when-all")) => Role::PromiseMade(Made::WhenAll),
            ("made", Some("when-any")) => Role::PromiseMade(Made::WhenAny),
            ("made", Some("from-result")) => Role::PromiseMade(Made::FromResult),
            ("made", Some("never")) => Role::PromiseMade(Made::Never),
            ("made", Some("string")) => Role::StringMade,
            ("made", Some("exception")) => Role::ExceptionMade,
            ("made", Some("string-array")) => Role::ArrayMade {
                elem: crate::machine::layout::ValueKind::Str,
                size: 8,
            },
            _ => return Some(Err(format!("unknown role annotation `@{word}`"))),
        };
        Some(Ok((role, explain)))
    }
}
