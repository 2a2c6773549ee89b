//! The runtime routines and symbols generated code calls (runtime/*.asm), in
//! one place, and the run-time checks with their failure routines.

use iced_x86::code_asm::{self as x};

/// Argument registers of the System V AMD64 ABI, in order.
pub const ARG_REGS: [x::AsmRegister64; 6] = [x::rdi, x::rsi, x::rdx, x::rcx, x::r8, x::r9];

/// `rt_alloc(rdi = bytes) → rax`: zeroed heap memory (out of memory: exit 6).
pub const ALLOC: &str = "rt_alloc";
/// `rt_args(rdi = argument block) → rax`: Main's `string[] args` (argv[1..]).
pub const ARGS: &str = "rt_args";
/// Where `_start` kept the kernel's argument block (rsp at entry).
pub const ARGV_BLOCK: &str = "rt_argv_block";
/// The lowest `rsp` a prologue accepts before reporting a stack overflow.
pub const STACK_LIMIT: &str = "rt_stack_limit";
/// `rt_concat(rdi = a, rsi = b) → rax`: a new string (null counts as empty).
pub const CONCAT: &str = "rt_str_concat";
/// `rt_fmod(rdi = x, rsi = y)`: the double `x % y` as C# computes it.
pub const FMOD: &str = "rt_fmod";
/// `rt_str_eq(rdi = a, rsi = b) → eax`: 1 when the contents are equal.
pub const STR_EQ: &str = "rt_str_eq";
/// `rt_int_to_str(rdi = i64) → rax`
pub const INT_TO_STR: &str = "rt_str_from_int";
/// `rt_char_to_str(edi = char) → rax`
pub const CHAR_TO_STR: &str = "rt_str_from_char";
/// `rt_bool_to_str(edi = 0/1) → rax`: "True" or "False".
pub const BOOL_TO_STR: &str = "rt_str_from_bool";
/// `rt_enum_name(rdi = value, rsi = the enum's member table)` → rax = string.
pub const ENUM_NAME: &str = "rt_enum_name";
/// The system library's `extern` methods and the runtime routines that
/// implement them (same arguments, System V order): lib/System.fs declares
/// `static extern string FromChars(char[] value, int start, int count);`
/// and a call to it is a call of `rt_str_from_chars`. (A string has a
/// char[]'s layout: `Slice` is the same routine on a string.)
pub const EXTERN_METHODS: [(&str, &str); 6] = [
    ("String.FromChars", "rt_str_from_chars"),
    ("String.Slice", "rt_str_from_chars"),
    ("Math.Sqrt", "rt_sqrt"),
    ("Math.PowerOfPositive", "rt_pow"),
    ("BitConverter.DoubleToInt64Bits", "rt_double_bits"),
    ("BitConverter.Int64BitsToDouble", "rt_double_bits"),
];

/// The runtime routine of an `extern` method `Class.Name`, if there is one.
pub fn extern_routine(class: &str, name: &str) -> Option<&'static str> {
    EXTERN_METHODS
        .iter()
        .find(|(method, _)| method.split_once('.') == Some((class, name)))
        .map(|&(_, routine)| routine)
}

/// `rt_print_str(rdi = string)`, `rt_print_int(rdi = i64)`, … write to stdout;
/// the `_ln` forms add a newline.
pub const PRINT_STR: [&str; 2] = ["rt_print_str", "rt_println_str"];
pub const PRINT_INT: [&str; 2] = ["rt_print_int", "rt_println_int"];
pub const PRINT_CHAR: [&str; 2] = ["rt_print_char", "rt_println_char"];
pub const PRINT_BOOL: [&str; 2] = ["rt_print_bool", "rt_println_bool"];
/// `rt_print_chars(rdi = char[] or null)`: the characters (Console.Write(char[])).
pub const PRINT_CHARS: [&str; 2] = ["rt_print_chars", "rt_println_chars"];
pub const PRINT_NEWLINE: &str = "rt_print_newline";

/// `rt_await(rdi = task, rsi = waiting frame)`
pub const AWAIT: &str = "rt_await";
/// `rt_complete(rdi = promise)`: completed; its awaiters go to the ready queue.
pub const COMPLETE: &str = "rt_complete";
/// `rt_fault(rdi = promise, rsi = exception)`: the task faulted.
pub const FAULT: &str = "rt_fault";
/// `rt_fault_void(rdi = frame, rsi = exception)`: an async void method's
/// exception, posted to the event loop.
pub const FAULT_VOID: &str = "rt_fault_void";
/// The innermost handler record (runtime/fail.asm).
pub const HANDLER: &str = "rt_handler";
/// `rt_start(rdi = frame)`: a hot start, with a handler record around it.
pub const START: &str = "rt_start";
/// `--model rust` (runtime/poll.asm): the executor, the waker, a future's
/// completion and the leaf futures.
pub const BLOCK_ON: &str = "rt_block_on";
pub const WAKE: &str = "rt_wake";
pub const READY: &str = "rt_ready";
pub const POLL_DELAY: &str = "rt_poll_delay";
pub const POLL_JOIN: &str = "rt_poll_join";
pub const POLL_SELECT: &str = "rt_poll_select";
/// `--lowering stackful`: a task's continuation, the switch to its stack.
pub const FIBER_RESUME: &str = "rt_fiber_resume";
/// `--lowering stackful`: the context switch (rdi = where to keep this
/// stack's rsp, rsi = where the other stack's is).
pub const FIBER_SWITCH: &str = "rt_fiber_switch";
/// `rt_enqueue(rdi = promise)`: to the back of the ready queue.
pub const ENQUEUE: &str = "rt_enqueue";
/// `rt_run_loop(rdi = Main's task or 0)`: the event loop.
pub const RUN_LOOP: &str = "rt_run_loop";
/// `rt_delay(rdi = ms) → rax`: Task.Delay.
pub const DELAY: &str = "rt_delay";
/// `rt_from_result(rdi = value) → rax`: Task.FromResult.
pub const FROM_RESULT: &str = "rt_from_result";
/// `rt_when_all(rdi = array of tasks, rsi = result element size) → rax`
pub const WHEN_ALL: &str = "rt_when_all";
/// `rt_when_any(rdi = array of tasks) → rax`
pub const WHEN_ANY: &str = "rt_when_any";
/// Task.CompletedTask (a promise in rodata).
pub const COMPLETED_TASK: &str = "rt_completed_task";

/// A run-time check of LANGUAGE.md §5.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Check {
    Null,
    Index,
    DivideByZero,
    Overflow,
    Stack,
    Cast,
    /// `t.Result` on a task that has not completed.
    Deadlock,
    /// `await t` or `t.Result` of a faulted task (rax = the task): its
    /// exception is thrown again here.
    Faulted,
}

impl Check {
    /// The runtime routine that reports it (edi = source line): `throw$…`
    /// throws the check's exception, `fail$…` ends the program at once.
    pub fn routine(self) -> &'static str {
        match self {
            Check::Null => "throw$null",
            Check::Index => "throw$index",
            Check::DivideByZero => "throw$divzero",
            Check::Overflow => "throw$overflow",
            Check::Stack => "fail$stack",
            Check::Cast => "throw$cast",
            Check::Deadlock => "fail$deadlock",
            Check::Faulted => "rt_rethrow",
        }
    }

    /// Used in stub labels: `.L.fail.null.3`.
    pub fn short_name(self) -> &'static str {
        match self {
            Check::Null => "null",
            Check::Index => "index",
            Check::DivideByZero => "divzero",
            Check::Overflow => "overflow",
            Check::Stack => "stack",
            Check::Cast => "cast",
            Check::Deadlock => "deadlock",
            Check::Faulted => "faulted",
        }
    }

    pub fn exception(self) -> &'static str {
        match self {
            Check::Null => "NullReferenceException",
            Check::Index => "IndexOutOfRangeException",
            Check::DivideByZero => "DivideByZeroException",
            Check::Overflow => "OverflowException",
            Check::Stack => "StackOverflowException",
            Check::Cast => "InvalidCastException",
            Check::Deadlock => "deadlock",
            Check::Faulted => "the task's exception",
        }
    }
}
