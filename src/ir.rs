//! The IR: the typed program cut into functions the code generator can emit
//! one by one.
//!
//! In: built by `lower` from the typed program. Out: read by `codegen`.
//! Expressions stay [`typed::Expr`] trees (the code generator walks them);
//! what lowering adds is per function: its label, the storage of every local
//! (a callee-saved register, a stack slot, or a field of an async frame), a
//! `this` slot, and statements in which loops have one shape. An async method
//! is one more kind of function: its body is the same statement list in which
//! every `await` stands alone as an [`Stmt::Await`] (earlier operands spilled
//! into temporaries), so one code generator emits both.

use crate::source::Span;
use crate::typed::{self, Expr, Type};

/// All functions of a program plus the typed program they refer to.
pub struct Module<'p> {
    pub program: &'p typed::Program,
    pub functions: Vec<Function>,
    /// By class: its vtable is emitted (the system library's only where used).
    pub vtables: Vec<bool>,
    /// By field: the kept code reads or writes this static field (the
    /// system library's statics are emitted only then).
    pub statics: Vec<bool>,
    /// The label of each method (`None` for abstract ones), by `MethodId`.
    pub method_labels: Vec<Option<String>>,
    /// The label of each constructor, by `CtorId`.
    pub ctor_labels: Vec<String>,
}

/// What a function is, for labels, prologues and the source map.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FunctionKind {
    Method(typed::MethodId),
    Ctor(typed::CtorId),
    /// `flux$main`: runs the static initializers, then calls the entry point,
    /// then the event loop.
    Entry,
    /// The callable part of an async method (`Twice`): allocates the frame,
    /// stores the arguments in it, runs `Twice$resume` up to the first real
    /// suspension (a hot start, as C#), and returns the frame (the task).
    AsyncStart(typed::MethodId),
    /// The body of an async method as a state machine (`Twice$resume`):
    /// takes the frame in rdi, jumps to the code of its current state.
    AsyncResume(typed::MethodId),
}

/// One emitted function.
pub struct Function {
    /// The assembly label, e.g. `Counter.Next` or `Counter.ctor$int`.
    pub label: String,
    pub kind: FunctionKind,
    pub span: Span,
    /// The first `params` locals are the parameters, in order.
    pub params: usize,
    /// Which local holds `this` (instance methods and constructors).
    pub this: Option<LocalIndex>,
    pub locals: Vec<Local>,
    pub body: Vec<Stmt>,
    /// The callee-saved registers the function's locals use, in save order.
    pub saved_regs: Vec<Reg>,
    /// Bytes of stack slots below the saved registers (a multiple of 16
    /// together with the saves, so calls see an aligned stack).
    pub stack_size: u32,
    /// Where a resume function keeps its handler record: `[rbp - offset]`
    /// (runtime/fail.asm; its handler faults the task).
    pub handler_record: Option<u32>,
    /// `push rbp; mov rbp, rsp` on entry. A resume function with nothing on
    /// the stack (no slots, no handler record) needs no frame pointer: its
    /// locals live in the frame, at r15 (the Stack pane follows rsp).
    pub frame_pointer: bool,
    /// Where each `try`'s handler record is: `[rbp - offset]`, by [`Stmt::Try::record`].
    pub try_records: Vec<u32>,
    /// For [`FunctionKind::AsyncStart`] and [`FunctionKind::AsyncResume`].
    pub frame: Option<Frame>,
}

/// The heap frame of an async method: the promise header, the state, the
/// arguments, and a save slot for every local that lives across an `await`.
#[derive(Debug, Clone)]
pub struct Frame {
    pub method: typed::MethodId,
    /// Bytes, a multiple of 8.
    pub size: u32,
    /// Every field in offset order, header included, for `--emit sm`.
    pub fields: Vec<FrameField>,
    /// Where the starter stores each argument (`this` first), by local.
    pub params: Vec<(LocalIndex, u32)>,
    /// The save slot of each local that lives across an await.
    pub saves: Vec<(LocalIndex, u32)>,
    /// One entry per suspension point, in state order (state 0 is the start).
    pub states: Vec<State>,
    /// For state 0 and each state after it: what can come next, in order.
    pub successors: Vec<Vec<Next>>,
    /// `--lowering stackful`: the body runs on the task's own stack, and
    /// the frame keeps that stack (runtime/fiber.asm) rather than a state.
    pub stackful: bool,
    /// `--model rust`: a lazy future, polled by whoever awaits it.
    pub future: bool,
}

/// What a state's code can run into next.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Next {
    /// The await that leads to this state (it suspends unless its task is done).
    Await(u32),
    /// The method returns: the task completes.
    Complete,
}

#[derive(Debug, Clone)]
pub struct FrameField {
    pub name: String,
    pub offset: u32,
    pub size: u32,
    /// Why it is in the frame, in plain words.
    pub why: String,
}

/// A suspension point: the `await` that leaves state `id - 1`'s code and
/// whose continuation is state `id`.
#[derive(Debug, Clone)]
pub struct State {
    pub id: u32,
    /// The `await` expression.
    pub span: Span,
    /// Locals restored on resume (they are read after the await).
    pub live: Vec<LocalIndex>,
    /// The subset saved before suspending: arguments the method never
    /// assigns are already in their frame slots and need no save.
    pub save: Vec<LocalIndex>,
    /// `Task.Yield()`: re-queues itself instead of waiting for a task.
    pub is_yield: bool,
    /// The await's value is used (read from the task's result on resume).
    pub has_result: bool,
    /// The `try` regions the await stands in, outermost first: resuming in
    /// a try block makes its handler record again.
    pub regions: Vec<Region>,
}

/// Where an await stands with respect to a `try` statement (`span`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Region {
    /// In the try block, protected by handler record `record` (whose
    /// handler runs catch clauses, or the `finally`: `for_finally`).
    Try {
        record: u32,
        for_finally: bool,
        span: Span,
    },
    /// In the handler of record `record`: a catch clause (or the exception
    /// path of a `finally`).
    Handler {
        record: u32,
        for_finally: bool,
        span: Span,
    },
    /// In a copy of a `finally` block.
    Finally { span: Span },
}

/// The promise header every task starts with (runtime/async.asm relies on it).
pub mod header {
    use crate::runtime_layout as rt;
    /// 0 while pending, 1 once completed.
    pub const STATUS: i32 = rt::P_STATUS as i32;
    /// The value of a `Task<T>`.
    pub const RESULT: i32 = rt::P_RESULT as i32;
    /// The code the event loop calls to run this promise (`Twice$resume`).
    pub const CONTINUATION: i32 = rt::P_CONT as i32;
    /// The first of the nodes listing who waits for this task.
    pub const AWAITERS: i32 = rt::P_AWAITERS as i32;
    /// The state index of an async method's frame: its own fields start
    /// where a plain promise ends.
    pub const STATE: i32 = rt::P_SIZE as i32;
    /// The task this frame is waiting for (to read its result on resume).
    pub const AWAITED: i32 = STATE + 8;
    /// Where the arguments and save slots begin.
    pub const SIZE: u32 = AWAITED as u32 + 8;
}

/// Index into [`Function::locals`] (the typed program's `LocalId`s keep their
/// numbers; `this` and temporaries come after them).
pub type LocalIndex = usize;

pub struct Local {
    pub name: String,
    pub ty: Type,
    pub storage: Storage,
    pub span: Span,
}

/// The callee-saved registers locals may live in, in the order they are handed out.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Reg {
    Rbx,
    R12,
    R13,
    R14,
    R15,
}

pub const LOCAL_REGS: [Reg; 5] = [Reg::Rbx, Reg::R12, Reg::R13, Reg::R14, Reg::R15];

impl Reg {
    pub fn name(self) -> &'static str {
        match self {
            Reg::Rbx => "rbx",
            Reg::R12 => "r12",
            Reg::R13 => "r13",
            Reg::R14 => "r14",
            Reg::R15 => "r15",
        }
    }
}

/// Where a local lives while its function runs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Storage {
    Reg(Reg),
    /// `[rbp - offset]`.
    Stack(u32),
    /// `[r15 + offset]`: a field of an async method's heap frame. A local
    /// that lives across an await lives there for the whole method (as
    /// Roslyn hoists it into a field of the state machine), so suspending
    /// and resuming move nothing.
    Frame(u32),
}

/// A statement. Expressions inside are await-free.
pub enum Stmt {
    Expr(Expr),
    /// `local = value` for a declaration with an initializer.
    Init {
        local: LocalIndex,
        value: Expr,
        span: Span,
    },
    If {
        cond: Expr,
        then: Vec<Stmt>,
        otherwise: Vec<Stmt>,
        span: Span,
    },
    /// Every loop: `while`, `do … while` (`test_first: false`) and `for`
    /// (`step` runs after the body and after `continue`).
    Loop {
        cond: Option<Expr>,
        test_first: bool,
        body: Vec<Stmt>,
        step: Vec<Stmt>,
        span: Span,
    },
    Break(Span),
    Continue(Span),
    Return(Option<Expr>, Span),
    /// A nested block (kept for the source map: its statements' lines).
    Block(Vec<Stmt>),
    /// `try`: handler record `record` (runtime/fail.asm) is on the handler
    /// chain while `body` runs; an exception thrown inside continues at
    /// `handler` with the exception in `caught`. A normal end of `body`
    /// takes the record off again. Catch clauses are `handler`'s `if`s;
    /// `finally` is copied to every way out (see [`Stmt::Finally`]).
    Try {
        record: u32,
        body: Vec<Stmt>,
        caught: LocalIndex,
        handler: Vec<Stmt>,
        /// The handler runs a `finally` and throws on (not catch clauses).
        for_finally: bool,
        span: Span,
    },
    /// Takes handler record `record`, and every record inside it, off the
    /// chain: a `break`, `continue` or `return` that leaves its `try`.
    Unlink {
        record: u32,
    },
    /// A copy of a `finally` block on one way out of its `try` (`span` is
    /// the `try` statement's).
    Finally {
        body: Vec<Stmt>,
        exit: crate::asm::FinallyExit,
        span: Span,
    },
    /// `throw value;`; `rethrow`: `throw;` (where it was first thrown stays).
    Throw {
        value: Expr,
        rethrow: bool,
        span: Span,
    },
    /// `dest = await task` (async methods only). Suspends unless the task is
    /// already complete; `state` indexes [`Frame::states`].
    Await {
        task: Expr,
        dest: Option<LocalIndex>,
        state: u32,
        span: Span,
    },
}

/// Calls `f` on every statement, nested ones included.
pub fn walk_stmts<'s>(stmts: &'s [Stmt], f: &mut impl FnMut(&'s Stmt)) {
    for stmt in stmts {
        f(stmt);
        match stmt {
            Stmt::If {
                then, otherwise, ..
            } => {
                walk_stmts(then, f);
                walk_stmts(otherwise, f);
            }
            Stmt::Loop { body, step, .. } => {
                walk_stmts(body, f);
                walk_stmts(step, f);
            }
            Stmt::Try { body, handler, .. } => {
                walk_stmts(body, f);
                walk_stmts(handler, f);
            }
            Stmt::Block(stmts) | Stmt::Finally { body: stmts, .. } => walk_stmts(stmts, f),
            Stmt::Expr(_)
            | Stmt::Init { .. }
            | Stmt::Break(_)
            | Stmt::Continue(_)
            | Stmt::Return(..)
            | Stmt::Unlink { .. }
            | Stmt::Throw { .. }
            | Stmt::Await { .. } => {}
        }
    }
}

/// Calls `f` on every expression of the statements, sub-expressions included.
pub fn walk_exprs(stmts: &[Stmt], f: &mut impl FnMut(&Expr)) {
    fn expr(e: &Expr, f: &mut impl FnMut(&Expr)) {
        f(e);
        crate::lower::for_each_child(e, &mut |child| expr(child, f));
    }
    walk_stmts(stmts, &mut |stmt| match stmt {
        Stmt::Expr(e) | Stmt::Return(Some(e), _) | Stmt::Throw { value: e, .. } => expr(e, f),
        Stmt::Init { value, .. } => expr(value, f),
        Stmt::If { cond, .. } => expr(cond, f),
        Stmt::Loop { cond: Some(c), .. } => expr(c, f),
        Stmt::Await { task, .. } => expr(task, f),
        _ => {}
    });
}
