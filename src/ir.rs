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
    /// `flux$main`: runs the static initializers, then calls the entry point.
    Entry,
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
}

/// A statement. Expressions inside are await-free.
pub enum Stmt {
    Expr(Expr),
    /// `local = value` for a declaration with an initializer.
    Init { local: LocalIndex, value: Expr, span: Span },
    If { cond: Expr, then: Vec<Stmt>, otherwise: Vec<Stmt>, span: Span },
    /// Every loop: `while`, `do … while` (`test_first: false`) and `for`
    /// (`step` runs after the body and after `continue`).
    Loop { cond: Option<Expr>, test_first: bool, body: Vec<Stmt>, step: Vec<Stmt>, span: Span },
    Break(Span),
    Continue(Span),
    Return(Option<Expr>, Span),
    /// A nested block (kept for the source map: its statements' lines).
    Block(Vec<Stmt>),
}
