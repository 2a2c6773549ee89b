//! The runtime's data layout, in one place: the promise header, the fields
//! timer and `Task.WhenAll` promises add, and the sizes of the ready queue
//! and the timer heap.
//!
//! In: nothing (constants). Out: read by the code generator (the promise
//! header of `ir::header`), by the machine's inspectors (queue, timers) and
//! by the runtime's own assembly: the NASM reader (src/nasm.rs) defines every
//! [`EQUATES`] name before it reads a runtime file, so `runtime/async.asm`
//! writes `[rdi + P_CONT]` and never a number of its own. A test
//! (tests/runtime_constants.rs) checks that no runtime file defines these
//! names again and that each one is used.

/// A promise: 0 while pending, 1 once completed, 2 once faulted.
pub const P_STATUS: i64 = 0;
/// The value of a `Task<T>`; of a faulted task, its exception.
pub const P_RESULT: i64 = 8;
/// The status of a task an exception ended.
pub const FAULTED: i64 = 2;
/// The code the event loop calls to run the promise (`Twice$resume`).
pub const P_CONT: i64 = 16;
/// The first node of the list of who waits for this promise. (The event
/// loop passes the promise itself in rdi: a continuation needs no other
/// context word.)
pub const P_AWAITERS: i64 = 24;
/// A plain promise's size: timers, `WhenAll` and async frames add fields.
pub const P_SIZE: i64 = 32;
/// A timer promise: when it fires (virtual milliseconds).
pub const T_DEADLINE: i64 = P_SIZE;
/// A timer promise: its registration order (ties fire in that order).
pub const T_SEQUENCE: i64 = P_SIZE + 8;
pub const T_SIZE: i64 = P_SIZE + 16;
/// A `WhenAll` promise: the tasks still running.
pub const W_REMAINING: i64 = P_SIZE;
/// A `WhenAll` promise: the array of tasks.
pub const W_TASKS: i64 = P_SIZE + 8;
/// A `WhenAll` promise: each result's size in the result array (0: none).
pub const W_ELEM: i64 = P_SIZE + 16;
pub const W_SIZE: i64 = P_SIZE + 24;
/// `--lowering stackful`: an async method's frame continues the header with
/// what its own stack needs. The task's rsp while it is suspended (0: it has
/// not run yet), where the state word of a state machine is.
pub const F_SP: i64 = P_SIZE;
/// (P_SIZE + 8 is the awaited task, as in every async frame.)
/// The rsp of whoever resumed the task, while it runs.
pub const F_RESUMER: i64 = P_SIZE + 16;
/// The task's innermost handler record while it is suspended.
pub const F_CHAIN: i64 = P_SIZE + 24;
/// The task's stack: a block of FIBER_STACK bytes (its lowest address; 0
/// until the task first runs).
pub const F_STACK: i64 = P_SIZE + 32;
/// The code of the method's body, which runs on that stack.
pub const F_BODY: i64 = P_SIZE + 40;
/// Where a stackful frame's arguments begin.
pub const F_SIZE: i64 = P_SIZE + 48;
/// The bytes of one task's stack, its headroom included.
pub const FIBER_STACK: i64 = 8 * 1024;
/// The bottom of a task's stack kept free below its limit: the failure path
/// and the deepest a function may reach below its entry before it checks
/// (codegen's small extent under `stackful`), so a stack overflow is
/// caught inside the block, never in the memory below it.
pub const FIBER_HEADROOM: i64 = 2 * 1024;
/// How many tasks may run nested, each resumed (or started hot) from inside
/// the one before: in C# they all share the thread's one stack, which
/// overflows where flux-viz's 8 MiB stack would; each stackful task has a
/// stack of its own, so the runtime counts them instead, and a task nested
/// deeper gets no room at all (its first prologue check reports the
/// StackOverflowException C# would have had).
pub const FIBER_NESTING: i64 = 4096;
/// `--model rust`: an async method's future continues the header with its
/// state byte (P_SIZE) and the awaited future (P_SIZE + 8), as every async
/// frame, then the waker of its latest poll, for the awaits inside it…
pub const R_WAKER: i64 = P_SIZE + 16;
/// …and, for a top-level task, whether it is in the ready queue (1) now.
pub const R_QUEUED: i64 = P_SIZE + 24;
/// Where a future's arguments begin.
pub const R_SIZE: i64 = P_SIZE + 32;
/// An awaiter node's low bits say what its waiter is (0: a frame to resume).
/// 1: a `WhenAll` promise to count down.
pub const NODE_WHEN_ALL: i64 = 1;
/// 2: a `WhenAny` promise the task may complete.
pub const NODE_WHEN_ANY: i64 = 2;
/// Both kind bits (the rest of the word is the waiter's address; for the
/// stepping engine, which reads the nodes).
pub const NODE_KINDS: i64 = NODE_WHEN_ALL | NODE_WHEN_ANY;
/// The ready queue is a ring of this many slots (a power of two).
pub const QUEUE_SLOTS: i64 = 1 << 20;
/// The timer heap holds at most this many timers.
pub const TIMER_SLOTS: i64 = 1 << 20;

/// A handler record (16-byte aligned, in the machine stack frame of the code
/// that installed it): the next outer record, where to go, and the registers
/// to come back with (rsp, rbp, and the callee-saved rbx, r12–r15).
pub const H_PREV: i64 = 0;
pub const H_HANDLER: i64 = 8;
pub const H_RSP: i64 = 16;
pub const H_RBP: i64 = 24;
pub const H_RBX: i64 = 32;
pub const H_R12: i64 = 40;
pub const H_R13: i64 = 48;
pub const H_R14: i64 = 56;
pub const H_R15: i64 = 64;
pub const H_SIZE: i64 = 72;
/// The stack a record takes in the runtime's routines: H_SIZE, rounded up to
/// keep rsp 16-byte aligned.
pub const RECORD_ROOM: i64 = (H_SIZE + 15) & !15;
/// An exception is an object of a class deriving from lib/System.fs's
/// Exception: its vtable, its Message (a string), and the source line it
/// was thrown at (0: not thrown yet), Exception's two fields in order.
pub const E_VTABLE: i64 = 0;
pub const E_MESSAGE: i64 = 8;
pub const E_LINE: i64 = 16;
pub const E_SIZE: i64 = 24;
/// A vtable: `[class id][parent vtable][class name][methods…]`.
pub const V_PARENT: i64 = 8;
pub const V_NAME: i64 = 16;

/// The classes of lib/System.fs whose vtables the runtime refers to
/// (runtime/fail.asm: the checks' exceptions and the exit-code table).
pub const RUNTIME_CLASSES: [&str; 9] = [
    "NullReferenceException",
    "IndexOutOfRangeException",
    "DivideByZeroException",
    "OverflowException",
    "OutOfMemoryException",
    "StackOverflowException",
    "InvalidCastException",
    "ArgumentOutOfRangeException",
    "ArgumentException",
];

/// A name the runtime's assembly can use, with its value.
pub struct Equate {
    pub name: &'static str,
    pub value: i64,
}

macro_rules! equates {
    ($($name:ident),* $(,)?) => {
        [$(Equate { name: stringify!($name), value: $name }),*]
    };
}

/// Every layout name the runtime's assembly sees, as `NAME equ value`.
pub const EQUATES: [Equate; 42] = equates![
    P_STATUS,
    FAULTED,
    H_PREV,
    H_HANDLER,
    H_RSP,
    H_RBP,
    H_RBX,
    H_R12,
    H_R13,
    H_R14,
    H_R15,
    RECORD_ROOM,
    E_VTABLE,
    E_MESSAGE,
    E_LINE,
    E_SIZE,
    V_PARENT,
    V_NAME,
    P_RESULT,
    P_CONT,
    P_AWAITERS,
    P_SIZE,
    T_DEADLINE,
    T_SEQUENCE,
    T_SIZE,
    W_REMAINING,
    W_TASKS,
    W_ELEM,
    W_SIZE,
    NODE_WHEN_ALL,
    NODE_WHEN_ANY,
    QUEUE_SLOTS,
    TIMER_SLOTS,
    F_SP,
    F_RESUMER,
    F_CHAIN,
    F_STACK,
    F_BODY,
    FIBER_STACK,
    FIBER_HEADROOM,
    FIBER_NESTING,
    R_QUEUED,
];
