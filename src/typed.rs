//! The typed program: the output of `check`, the input of lowering and codegen.
//!
//! In: built by `check` from the AST. Out: read by `lower` / `codegen`.
//! Everything a code generator must decide is decided here: every name is
//! resolved to an id (class, field, method, constructor, local), every
//! expression carries its [`Type`], implicit conversions are explicit
//! [`ExprKind::Convert`] nodes, constants are folded, and semantic distinctions
//! that C# hides behind one syntax get their own node (string `+` is
//! [`ExprKind::Concat`], string `==` is [`ExprKind::StringEq`], a call is
//! static, direct or virtual, `&&` is not `&`). Every node keeps its [`Span`].
//!
//! Ids index the vectors of [`Program`]: `program.classes[ClassId.0]` and so on.

pub use crate::ast::PassMode;
use crate::source::Span;
use std::fmt;

/// Index into [`Program::classes`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct ClassId(pub u32);
/// Index into [`Program::fields`] (instance and static fields alike).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct FieldId(pub u32);
/// Index into [`Program::methods`] (class methods and top-level functions).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct MethodId(pub u32);
/// Index into [`Program::ctors`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct CtorId(pub u32);
/// Index into [`Program::enums`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct EnumId(pub u32);
/// Index into the [`Body::locals`] of the enclosing method or constructor.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct LocalId(pub u32);

/// A Flux# type.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Type {
    Int,
    Long,
    /// `double`: an IEEE 754 binary64. Its 64 bits travel in the general
    /// registers and 8-byte slots as a `long` does; arithmetic moves them
    /// into xmm0/xmm1 (SSE2) for the one instruction that computes.
    Double,
    Bool,
    Char,
    String,
    Void,
    /// The type of the `null` literal (converts to every reference type).
    Null,
    /// `Task` (also what `async void` methods return internally).
    Task,
    /// `Task<T>`.
    TaskOf(Box<Type>),
    /// What `Task.Yield()` returns: awaitable, but not a `Task` (as in C#).
    YieldAwaitable,
    /// `T[]`.
    Array(Box<Type>),
    Class(ClassId),
    /// An enum: an `int` in every register and memory slot; the type only
    /// decides which operators apply and how a value prints (its member's
    /// name).
    Enum(EnumId),
    /// The type of an expression that already failed to check; it converts to
    /// and from everything so one mistake gives one diagnostic.
    Error,
}

impl Type {
    /// Strings, arrays, class objects, tasks and `null`: 64-bit pointers.
    pub fn is_reference(&self) -> bool {
        matches!(
            self,
            Type::String
                | Type::Null
                | Type::Task
                | Type::TaskOf(_)
                | Type::Array(_)
                | Type::Class(_)
        )
    }

    /// `int`, `long` and `char`.
    pub fn is_integral(&self) -> bool {
        matches!(self, Type::Int | Type::Long | Type::Char)
    }
}

/// A compile-time constant (C# constant folding already applied).
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Const {
    Int(i32),
    Long(i64),
    /// A `double`, as its bits (so constants compare and hash exactly:
    /// `-0.0` and `0.0` stay two constants, and a NaN equals itself here).
    Double(u64),
    Bool(bool),
    Char(u16),
    Str(String),
    Null,
}

impl Const {
    pub fn double(v: f64) -> Const {
        Const::Double(v.to_bits())
    }
}

/// The whole checked program.
#[derive(Debug, Clone, Default)]
pub struct Program {
    pub classes: Vec<Class>,
    pub fields: Vec<Field>,
    pub methods: Vec<Method>,
    pub ctors: Vec<Ctor>,
    pub enums: Vec<EnumDef>,
    /// Static field initializers of all classes, in declaration order (files in
    /// include order, classes and fields top to bottom). C# runs a class's
    /// static initializers before its first use; flux-viz runs all of them once
    /// at program start, before `Main` — the same output for any program whose
    /// static initializers have no visible side effects (they cannot call
    /// `Console` in a way a lesson would rely on ordering for).
    pub static_inits: Vec<FieldInit>,
    /// `None` only when checking failed.
    pub entry: Option<Entry>,
    /// The system library's files (lib/*.fs): a position in one of them is
    /// passed to the runtime with its file (`Codegen::position_of`).
    pub system_files: Vec<crate::source::FileId>,
}

/// An enum and its members' values, in declaration order.
#[derive(Debug, Clone, PartialEq)]
pub struct EnumDef {
    pub name: String,
    pub members: Vec<(String, i32)>,
    pub span: Span,
}

/// How the program starts.
#[derive(Debug, Clone, PartialEq)]
pub enum Entry {
    /// `static void Main()`, `static async Task Main()` (in a class or at the
    /// top level). `takes_args`: declared as `Main(string[] args)`; pass an
    /// empty array.
    Static { method: MethodId, takes_args: bool },
    /// FluxSharp: `class Main { void main() {…} }` — create one `Main` with
    /// `ctor`, then call `method` on it.
    MainClass {
        class: ClassId,
        ctor: CtorId,
        method: MethodId,
    },
}

/// A class with its resolved layout and vtable.
#[derive(Debug, Clone)]
pub struct Class {
    pub id: ClassId,
    pub name: String,
    /// Where C# puts it (`Lessons.Async`): part of the name it prints as.
    pub namespace: Option<String>,
    /// The classes it is nested in (`ast::ClassDecl::outer`).
    pub outer: Option<String>,
    pub is_interface: bool,
    /// The interfaces it declares it implements (not its base class's).
    pub interfaces: Vec<ClassId>,
    /// For every interface it implements (its base class's included): the
    /// method each of the interface's methods runs, in the interface's
    /// order (the most derived override for a virtual one).
    pub itables: Vec<(ClassId, Vec<MethodId>)>,
    /// The vtable slot of `ToString()` when the class or a base overrides
    /// it: printing and concatenation call it (else they print the name).
    pub to_string_slot: Option<usize>,
    pub span: Span,
    pub parent: Option<ClassId>,
    pub is_abstract: bool,
    /// Declared in flux-viz's system library (lib/System.fs): its run-time
    /// name is `System.` + name, as .NET spells it.
    pub is_system: bool,
    /// An instance of a generic class: its .NET name
    /// (``System.Collections.Generic.List`1[System.Int32]``).
    pub generic_runtime_name: Option<String>,
    /// Instance fields in layout order: the parent's (recursively) first, then
    /// this class's own in declaration order. Object layout is
    /// `[vtable pointer][fields in this order]`.
    pub instance_fields: Vec<FieldId>,
    /// This class's own static fields (consts excluded: they are folded).
    pub static_fields: Vec<FieldId>,
    /// Vtable slot `i` holds the implementation this class uses for slot `i`
    /// (the parent's slots first, same indices). An abstract slot with no
    /// implementation yet holds the abstract method itself (no body).
    pub vtable: Vec<MethodId>,
    /// Own methods and constructors, in declaration order.
    pub methods: Vec<MethodId>,
    pub ctors: Vec<CtorId>,
    /// Instance field initializers of this class only, in declaration order;
    /// a constructor runs them when its `chain` is [`CtorChain::Base`] (before
    /// the base constructor call, as C# does).
    pub field_inits: Vec<FieldInit>,
}

impl Class {
    /// The name the program sees at run time (printing an object, an
    /// uncaught exception): .NET's full name.
    pub fn runtime_name(&self) -> String {
        if let Some(name) = &self.generic_runtime_name {
            return name.clone();
        }
        crate::ast::dotnet_name(
            self.namespace.as_deref(),
            self.outer.as_deref(),
            &self.name,
            self.is_system,
        )
    }
}

/// `field = value` run by a constructor or at program start.
#[derive(Debug, Clone)]
pub struct FieldInit {
    pub field: FieldId,
    /// Already converted to the field's type.
    pub value: Expr,
    pub span: Span,
}

/// A field (instance or static).
#[derive(Debug, Clone)]
pub struct Field {
    pub id: FieldId,
    pub class: ClassId,
    pub name: String,
    pub ty: Type,
    pub is_static: bool,
    /// `const` fields: the folded value; every use is already a
    /// [`ExprKind::Const`], so no storage is needed.
    pub constant: Option<Const>,
    /// For instance fields: the index in the owner's `instance_fields`.
    pub index: usize,
    pub span: Span,
}

/// Whether and how a method is async.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum AsyncKind {
    NotAsync,
    /// `async Task`
    Task,
    /// `async Task<T>`: `return` gives a T.
    TaskOf(Type),
    /// `async void`: a fire-and-forget task; callers get nothing.
    Void,
}

/// How calls to a method are dispatched.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Dispatch {
    Static,
    /// Instance method, not virtual: a direct call with `this`.
    Direct,
    /// `virtual`, `abstract` or `override`: through vtable slot `slot`.
    Virtual {
        slot: usize,
    },
    /// A method of an interface: entry `slot` of the interface's method
    /// table in the object's class ([`Class::itables`]).
    Interface {
        slot: usize,
    },
}

/// A method or a top-level function.
#[derive(Debug, Clone)]
pub struct Method {
    pub id: MethodId,
    /// `None` for a FluxSharp top-level function.
    pub class: Option<ClassId>,
    pub name: String,
    pub span: Span,
    pub dispatch: Dispatch,
    pub is_abstract: bool,
    pub async_kind: AsyncKind,
    /// The declared return type (`Task<int>` for `async Task<int>`, `void` for
    /// `async void`).
    pub ret: Type,
    pub param_types: Vec<Type>,
    /// How each parameter is passed (`ref int x`: by reference).
    pub param_modes: Vec<PassMode>,
    /// `None` for abstract and `extern` methods.
    pub body: Option<Body>,
    /// An `extern` method of the system library: the runtime routine that
    /// implements it (a call of the method calls the routine).
    pub runtime: Option<&'static str>,
    /// `static string Shout(this string s)`: callable as `s.Shout()`.
    pub is_extension: bool,
}

/// A constructor (declared, or the implicit default one).
#[derive(Debug, Clone)]
pub struct Ctor {
    pub id: CtorId,
    pub class: ClassId,
    pub span: Span,
    pub param_types: Vec<Type>,
    /// True for the parameterless constructor C# adds when a class declares none.
    pub implicit: bool,
    pub chain: CtorChain,
    pub body: Body,
}

/// What a constructor runs before its body.
#[derive(Debug, Clone)]
pub enum CtorChain {
    /// Run this class's `field_inits`, then call the base constructor (`None`
    /// for a root class: nothing to call). Both `: base(…)` and the implicit
    /// `base()` take this form.
    Base {
        ctor: Option<CtorId>,
        args: Vec<Expr>,
    },
    /// `: this(…)`: call another constructor of the same class, which runs the
    /// field initializers itself; this one does not.
    This { ctor: CtorId, args: Vec<Expr> },
}

/// Parameters, locals and statements of a method or constructor.
#[derive(Debug, Clone, Default)]
pub struct Body {
    /// Parameters first (`LocalId(0..params)`), then locals in declaration order.
    pub locals: Vec<Local>,
    pub params: usize,
    pub block: Block,
}

/// A parameter or local variable.
#[derive(Debug, Clone)]
pub struct Local {
    pub id: LocalId,
    pub name: String,
    pub ty: Type,
    pub span: Span,
    pub is_param: bool,
    /// `ref` / `out` parameters hold the address of a variable of type `ty`.
    pub pass: PassMode,
}

#[derive(Debug, Clone, Default)]
pub struct Block {
    pub stmts: Vec<Stmt>,
    pub span: Span,
}

#[derive(Debug, Clone)]
pub struct Stmt {
    pub kind: StmtKind,
    pub span: Span,
}

/// A statement. Const locals and empty statements leave nothing behind.
#[derive(Debug, Clone)]
pub enum StmtKind {
    Block(Block),
    /// `int a = 1, b;` — one entry per declared name.
    Local(Vec<LocalInit>),
    Expr(Expr),
    If {
        cond: Expr,
        then: Box<Stmt>,
        otherwise: Option<Box<Stmt>>,
    },
    While {
        cond: Expr,
        body: Box<Stmt>,
    },
    DoWhile {
        body: Box<Stmt>,
        cond: Expr,
    },
    /// `cond: None` loops forever (until `break`/`return`).
    For {
        init: Vec<Stmt>,
        cond: Option<Expr>,
        step: Vec<Expr>,
        body: Box<Stmt>,
    },
    Break,
    Continue,
    /// In an `async Task<T>` method the value is the task's result (a T).
    Return(Option<Expr>),
    /// `throw e;`: e is an exception object (a class deriving from Exception).
    Throw(Expr),
    /// `throw;` in a catch: the exception it caught (held in this hidden
    /// local), thrown again as it is.
    Rethrow(LocalId),
    /// `try`/`catch`/`finally`. `caught` is a hidden local the exception is
    /// kept in while the catch clauses test it (and for `throw;`).
    Try {
        body: Block,
        catches: Vec<Catch>,
        finally: Option<Block>,
        caught: LocalId,
    },
}

/// One catch clause: the class it catches (`Exception` for a bare `catch`).
#[derive(Debug, Clone)]
pub struct Catch {
    pub class: ClassId,
    /// The `e` of `catch (T e)`.
    pub var: Option<LocalId>,
    pub body: Block,
    pub span: Span,
}

/// One declared local with its initializer (already converted to its type).
#[derive(Debug, Clone)]
pub struct LocalInit {
    pub local: LocalId,
    pub init: Option<Expr>,
    pub span: Span,
}

/// A typed expression.
#[derive(Debug, Clone)]
pub struct Expr {
    pub kind: ExprKind,
    pub ty: Type,
    pub span: Span,
}

/// Something that can be assigned: the target of `=`, `op=`, `++`, `--`.
#[derive(Debug, Clone)]
pub enum Place {
    Local(LocalId),
    /// The variable a `ref` or `out` parameter refers to.
    Deref(LocalId),
    Field {
        obj: Box<Expr>,
        field: FieldId,
    },
    Static(FieldId),
    /// An array element (strings are read-only).
    Index {
        array: Box<Expr>,
        index: Box<Expr>,
    },
}

/// The type arithmetic or comparison operates on, after C#'s binary numeric
/// promotion (`char` is promoted to `int`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OpKind {
    Int,
    Long,
    /// IEEE arithmetic and comparisons (SSE2 on xmm0 and xmm1).
    Double,
    /// `& | ^ == !=` on bools (not short-circuit).
    Bool,
    /// `== !=` on references by identity (classes, arrays, tasks, null).
    Ref,
}

/// Arithmetic, bitwise and comparison operators (`&&`, `||`, `??`, string `+`
/// and string `==` have their own nodes).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum BinOp {
    Add,
    Sub,
    Mul,
    Div,
    Rem,
    /// The count is an `int`, masked as C# does (`& 31` or `& 63`).
    Shl,
    Shr,
    Lt,
    Le,
    Gt,
    Ge,
    Eq,
    Ne,
    And,
    Xor,
    Or,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum UnOp {
    /// `-x` on int or long (wrapping), or on a double (its sign bit flipped).
    Neg,
    /// `!b`
    Not,
    /// `~x` on int or long.
    BitNot,
}

/// The operation of a compound assignment `target op= value`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CompoundOp {
    /// `target = (T)(target op value)` computed in `kind`; the result is
    /// narrowed back to the target's type (e.g. `char c; c += 'a';`).
    Arith { op: BinOp, kind: OpKind },
    /// `s += x` on a string: `s = s + x` (formatting `value` by its type).
    Concat,
}

/// A numeric conversion; int → long and char → int/long are implicit
/// widenings, the others come from explicit casts (truncating, unchecked).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Conv {
    IntToLong,
    CharToInt,
    CharToLong,
    LongToInt,
    IntToChar,
    LongToChar,
    /// To `double`: implicit from int, long and char (the nearest double).
    IntToDouble,
    LongToDouble,
    CharToDouble,
    /// From `double`: explicit casts that truncate toward zero; a NaN or a
    /// value out of range gives what `cvttsd2si` gives (the lowest value),
    /// as .NET on x64 does before .NET 9 and as mono does.
    DoubleToInt,
    DoubleToLong,
    DoubleToChar,
}

/// Built-in operations that look like calls or members in source.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Builtin {
    /// `Console.WriteLine(x)` / `print(x)`; 0 or 1 argument, formatted by the
    /// argument's static type (class objects print their runtime class name).
    WriteLine,
    Write,
    /// `Task.Delay(ms)`: one `int`; gives a `Task`.
    TaskDelay,
    /// `Task.Yield()`: gives a [`Type::YieldAwaitable`].
    TaskYield,
    /// `Task.WhenAll(t…)`: gives `Task`, or `Task<T[]>` when every argument is a
    /// `Task<T>` of the same T (C#'s generic overload), whose result is the
    /// array of results in argument order. One argument of array type
    /// (`Task.WhenAll(tasks)`) passes the tasks as an array.
    TaskWhenAll,
    /// `Task.WhenAny(t…)`: gives `Task<Task>`, or `Task<Task<T>>` when every
    /// argument is a `Task<T>` of the same T; its result is the first task
    /// to end. One argument of array type passes the tasks as an array.
    TaskWhenAny,
    /// `Task.FromResult(v)`: `Task<T>` already completed with v.
    TaskFromResult,
    /// `Task.CompletedTask`: no arguments.
    TaskCompleted,
    /// `t.IsCompleted`: argument 0 is the task.
    TaskIsCompleted,
    /// `t.Result`: argument 0 is the task; deadlock failure if not complete.
    TaskResult,
    /// `s.Length` / `s.length()`: argument 0 is the string.
    StringLength,
    /// The text C# prints for an enum value (argument 0): its member's name,
    /// or the number when no member has that value.
    EnumName,
}

/// A typed expression's shape.
#[derive(Debug, Clone)]
pub enum ExprKind {
    Const(Const),
    Local(LocalId),
    /// The variable a `ref` or `out` parameter refers to: the parameter
    /// holds its address, and this reads through it.
    Deref(LocalId),
    /// `ref x` / `out x` as an argument: the address of the variable (the
    /// expression's type is the variable's).
    AddressOf {
        place: Box<Place>,
        mode: PassMode,
    },
    This,
    /// `obj.field` (null-checked).
    Field {
        obj: Box<Expr>,
        field: FieldId,
    },
    Static(FieldId),
    /// `a[i]` (array element) or `s[i]` (a char of a string): bounds-checked.
    Index {
        target: Box<Expr>,
        index: Box<Expr>,
    },
    ArrayLength(Box<Expr>),
    /// `target = value`; `value` is converted to the target's type, the
    /// expression's value is the assigned value.
    Assign {
        target: Place,
        value: Box<Expr>,
    },
    /// `target op= value`; the target is evaluated once.
    CompoundAssign {
        target: Place,
        op: CompoundOp,
        value: Box<Expr>,
    },
    /// `++x`, `x--`, … on int, long or char places.
    IncDec {
        target: Place,
        prefix: bool,
        increment: bool,
    },
    /// A static method or top-level function.
    CallStatic {
        method: MethodId,
        args: Vec<Expr>,
    },
    /// A non-virtual call of exactly `method` on `obj` (a non-virtual instance
    /// method, or `base.M()`). `obj` is null-checked.
    CallDirect {
        obj: Box<Expr>,
        method: MethodId,
        args: Vec<Expr>,
    },
    /// A call through vtable slot `slot` of `obj`'s class, or (`interface`
    /// given) through entry `slot` of the class's method table for that
    /// interface; `method` is the declaration the call resolved to (for its
    /// signature).
    CallVirtual {
        obj: Box<Expr>,
        method: MethodId,
        slot: usize,
        interface: Option<ClassId>,
        args: Vec<Expr>,
    },
    Builtin {
        builtin: Builtin,
        args: Vec<Expr>,
    },
    /// `new C(args)`.
    New {
        class: ClassId,
        ctor: CtorId,
        args: Vec<Expr>,
    },
    /// `new T[len]` (zeroed elements); `len` is an int.
    NewArray {
        elem: Type,
        len: Box<Expr>,
    },
    /// `new T[] { items }`.
    ArrayLit {
        elem: Type,
        items: Vec<Expr>,
    },
    Convert {
        conv: Conv,
        operand: Box<Expr>,
    },
    Unary {
        op: UnOp,
        operand: Box<Expr>,
    },
    /// Both operands already have the type `kind` says (or int for a shift count).
    Binary {
        op: BinOp,
        kind: OpKind,
        lhs: Box<Expr>,
        rhs: Box<Expr>,
    },
    /// Short-circuit `&&`.
    LogicalAnd(Box<Expr>, Box<Expr>),
    /// Short-circuit `||`.
    LogicalOr(Box<Expr>, Box<Expr>),
    /// String `+` and interpolation: each part is formatted by its own type
    /// (bool `True`/`False`, char as a character, null as empty) and joined.
    Concat(Vec<Expr>),
    /// `==` (or `!=` when `negated`) on strings, by content.
    StringEq {
        lhs: Box<Expr>,
        rhs: Box<Expr>,
        negated: bool,
    },
    Conditional {
        cond: Box<Expr>,
        then: Box<Expr>,
        otherwise: Box<Expr>,
    },
    /// `lhs ?? rhs` on references.
    Coalesce {
        lhs: Box<Expr>,
        rhs: Box<Expr>,
    },
    /// `x is C`: non-null and of class C or a subclass.
    Is {
        operand: Box<Expr>,
        class: ClassId,
    },
    /// `x as C`: x if `x is C`, else null.
    As {
        operand: Box<Expr>,
        class: ClassId,
    },
    /// `(C)x` downcast: checked at run time (InvalidCastException); null passes.
    /// Upcasts need no node.
    CastClass {
        operand: Box<Expr>,
        class: ClassId,
    },
    /// `await task`: `ty` is the result type (`void` for `Task` and `Task.Yield()`).
    Await(Box<Expr>),
    /// Already reported; never reaches codegen (checking failed).
    Error,
}

impl Expr {
    /// The constant value, if this expression is one.
    pub fn as_const(&self) -> Option<&Const> {
        match &self.kind {
            ExprKind::Const(c) => Some(c),
            _ => None,
        }
    }
}

// ---------------------------------------------------------------------------
// Readable dump (for tests and `--emit typed`-style debugging).

impl Program {
    /// A type as C# writes it (`int`, `Task<long>`, `Counter[]`).
    pub fn type_name(&self, ty: &Type) -> String {
        match ty {
            Type::Int => "int".into(),
            Type::Long => "long".into(),
            Type::Double => "double".into(),
            Type::Bool => "bool".into(),
            Type::Char => "char".into(),
            Type::String => "string".into(),
            Type::Void => "void".into(),
            Type::Null => "null".into(),
            Type::Task => "Task".into(),
            Type::TaskOf(t) => format!("Task<{}>", self.type_name(t)),
            Type::YieldAwaitable => "YieldAwaitable".into(),
            Type::Array(t) => format!("{}[]", self.type_name(t)),
            Type::Class(c) => self
                .classes
                .get(c.0 as usize)
                .map_or("?".into(), |c| c.name.clone()),
            Type::Enum(e) => self
                .enums
                .get(e.0 as usize)
                .map_or("?".into(), |e| e.name.clone()),
            Type::Error => "{error}".into(),
        }
    }

    /// `Class.Name` or `Name` for a top-level function.
    pub fn method_name(&self, id: MethodId) -> String {
        let m = &self.methods[id.0 as usize];
        match m.class {
            Some(c) => format!("{}.{}", self.classes[c.0 as usize].name, m.name),
            None => m.name.clone(),
        }
    }

    fn field_name(&self, id: FieldId) -> String {
        let f = &self.fields[id.0 as usize];
        format!("{}.{}", self.classes[f.class.0 as usize].name, f.name)
    }
}

impl fmt::Display for Program {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut d = Dumper {
            p: self,
            out: String::new(),
            locals: &[],
        };
        d.program();
        f.write_str(&d.out)
    }
}

/// Writes the typed program as indented S-expressions, one statement a line.
struct Dumper<'a> {
    p: &'a Program,
    out: String,
    locals: &'a [Local],
}

impl<'a> Dumper<'a> {
    fn line(&mut self, depth: usize, text: &str) {
        for _ in 0..depth {
            self.out.push_str("  ");
        }
        self.out.push_str(text);
        self.out.push('\n');
    }

    fn program(&mut self) {
        let p = self.p;
        // lib/System.fs is the same for every program: one line says it is there.
        let system =
            |class: Option<ClassId>| class.is_some_and(|c| p.classes[c.0 as usize].is_system);
        let library = p.classes.iter().filter(|c| c.is_system).count();
        if library > 0 {
            self.line(0, &format!("system library: {library} classes (lib/*.fs)"));
        }
        for c in p.classes.iter().filter(|c| !c.is_system) {
            let parent = c.parent.map_or(String::new(), |id| {
                format!(" : {}", p.classes[id.0 as usize].name)
            });
            let abs = if c.is_abstract { "abstract " } else { "" };
            self.line(0, &format!("{abs}class {}#{}{parent}", c.name, c.id.0));
            let fields: Vec<String> = c
                .instance_fields
                .iter()
                .map(|&f| self.p.field_name(f))
                .collect();
            self.line(1, &format!("fields [{}]", fields.join(", ")));
            for &f in &c.static_fields {
                let field = &p.fields[f.0 as usize];
                self.line(
                    1,
                    &format!("static {} {}", p.type_name(&field.ty), field.name),
                );
            }
            let slots: Vec<String> = c.vtable.iter().map(|&m| p.method_name(m)).collect();
            self.line(1, &format!("vtable [{}]", slots.join(", ")));
            for init in &c.field_inits {
                let value = self.expr(&init.value);
                self.line(1, &format!("init {} = {value}", p.field_name(init.field)));
            }
        }
        for init in &p.static_inits {
            let value = self.expr(&init.value);
            self.line(
                0,
                &format!("static init {} = {value}", p.field_name(init.field)),
            );
        }
        for ctor in p.ctors.iter().filter(|c| !system(Some(c.class))) {
            self.ctor(ctor);
        }
        for m in p.methods.iter().filter(|m| !system(m.class)) {
            self.method(m);
        }
        match &p.entry {
            Some(Entry::Static { method, .. }) => {
                let text = format!("entry {}", p.method_name(*method));
                self.line(0, &text)
            }
            Some(Entry::MainClass { method, .. }) => {
                let text = format!("entry new Main().{}", p.method_name(*method));
                self.line(0, &text)
            }
            None => self.line(0, "entry none"),
        }
    }

    fn params(&self, body: &Body) -> String {
        let ps: Vec<String> = body.locals[..body.params]
            .iter()
            .map(|l| format!("{} {}", self.p.type_name(&l.ty), l.name))
            .collect();
        ps.join(", ")
    }

    fn ctor(&mut self, ctor: &'a Ctor) {
        let class = &self.p.classes[ctor.class.0 as usize].name;
        let implicit = if ctor.implicit { " (implicit)" } else { "" };
        self.locals = &ctor.body.locals;
        let head = format!(
            "ctor {class}#{}({}){implicit}",
            ctor.id.0,
            self.params(&ctor.body)
        );
        self.line(0, &head);
        let chain = match &ctor.chain {
            CtorChain::Base { ctor: None, .. } => "field inits; no base".to_string(),
            CtorChain::Base {
                ctor: Some(id),
                args,
            } => format!("field inits; base ctor#{}({})", id.0, self.args(args)),
            CtorChain::This { ctor: id, args } => {
                format!("this ctor#{}({})", id.0, self.args(args))
            }
        };
        self.line(1, &chain);
        self.block(1, &ctor.body.block);
    }

    fn method(&mut self, m: &'a Method) {
        let dispatch = match m.dispatch {
            Dispatch::Static => "static".to_string(),
            Dispatch::Direct => "instance".to_string(),
            Dispatch::Virtual { slot } => format!("virtual slot {slot}"),
            Dispatch::Interface { slot } => format!("interface slot {slot}"),
        };
        let asyncness = match &m.async_kind {
            AsyncKind::NotAsync => "",
            _ => "async ",
        };
        let ret = self.p.type_name(&m.ret);
        let name = self.p.method_name(m.id);
        let Some(body) = &m.body else {
            let types: Vec<String> = m.param_types.iter().map(|t| self.p.type_name(t)).collect();
            self.line(
                0,
                &format!("abstract {dispatch} {ret} {name}({})", types.join(", ")),
            );
            return;
        };
        self.locals = &body.locals;
        let head = format!("{dispatch} {asyncness}{ret} {name}({})", self.params(body));
        self.line(0, &head);
        for l in &body.locals[body.params..] {
            let text = format!("local {} {}: {}", l.id.0, l.name, self.p.type_name(&l.ty));
            self.line(1, &text);
        }
        self.block(1, &body.block);
    }

    fn block(&mut self, depth: usize, block: &Block) {
        for s in &block.stmts {
            self.stmt(depth, s);
        }
    }

    fn stmt(&mut self, depth: usize, s: &Stmt) {
        match &s.kind {
            StmtKind::Block(b) => {
                self.line(depth, "{");
                self.block(depth + 1, b);
                self.line(depth, "}");
            }
            StmtKind::Local(decls) => {
                for d in decls {
                    let init = d
                        .init
                        .as_ref()
                        .map_or(String::new(), |e| format!(" = {}", self.expr(e)));
                    let text = format!("let {}{init}", self.local(d.local));
                    self.line(depth, &text);
                }
            }
            StmtKind::Expr(e) => {
                let text = self.expr(e);
                self.line(depth, &text);
            }
            StmtKind::If {
                cond,
                then,
                otherwise,
            } => {
                let text = format!("if {}", self.expr(cond));
                self.line(depth, &text);
                self.stmt(depth + 1, then);
                if let Some(o) = otherwise {
                    self.line(depth, "else");
                    self.stmt(depth + 1, o);
                }
            }
            StmtKind::While { cond, body } => {
                let text = format!("while {}", self.expr(cond));
                self.line(depth, &text);
                self.stmt(depth + 1, body);
            }
            StmtKind::DoWhile { body, cond } => {
                self.line(depth, "do");
                self.stmt(depth + 1, body);
                let text = format!("while {}", self.expr(cond));
                self.line(depth, &text);
            }
            StmtKind::For {
                init,
                cond,
                step,
                body,
            } => {
                self.line(depth, "for");
                for s in init {
                    self.stmt(depth + 2, s);
                }
                let cond = cond
                    .as_ref()
                    .map_or("forever".to_string(), |c| self.expr(c));
                self.line(depth + 1, &format!("cond {cond}"));
                let steps: Vec<String> = step.iter().map(|e| self.expr(e)).collect();
                self.line(depth + 1, &format!("step [{}]", steps.join(", ")));
                self.stmt(depth + 1, body);
            }
            StmtKind::Throw(e) => {
                let text = format!("throw {}", self.expr(e));
                self.line(depth, &text);
            }
            StmtKind::Rethrow(caught) => {
                let text = format!("rethrow {}", self.local(*caught));
                self.line(depth, &text);
            }
            StmtKind::Try {
                body,
                catches,
                finally,
                caught,
            } => {
                self.line(depth, &format!("try (caught in {})", self.local(*caught)));
                self.block(depth + 1, body);
                for c in catches {
                    let var = c
                        .var
                        .map_or(String::new(), |v| format!(" {}", self.local(v)));
                    let class = &self.p.classes[c.class.0 as usize].name;
                    self.line(depth, &format!("catch {class}{var}"));
                    self.block(depth + 1, &c.body);
                }
                if let Some(f) = finally {
                    self.line(depth, "finally");
                    self.block(depth + 1, f);
                }
            }
            StmtKind::Break => self.line(depth, "break"),
            StmtKind::Continue => self.line(depth, "continue"),
            StmtKind::Return(v) => {
                let text = v
                    .as_ref()
                    .map_or("return".to_string(), |e| format!("return {}", self.expr(e)));
                self.line(depth, &text);
            }
        }
    }

    fn local(&self, id: LocalId) -> String {
        self.locals
            .get(id.0 as usize)
            .map_or(format!("${}", id.0), |l| format!("{}${}", l.name, id.0))
    }

    fn args(&self, args: &[Expr]) -> String {
        let parts: Vec<String> = args.iter().map(|a| self.expr(a)).collect();
        parts.join(", ")
    }

    fn place(&self, place: &Place) -> String {
        match place {
            Place::Local(id) => self.local(*id),
            Place::Deref(id) => format!("*{}", self.local(*id)),
            Place::Field { obj, field } => format!(
                "{}.{}",
                self.expr(obj),
                self.p.fields[field.0 as usize].name
            ),
            Place::Static(f) => self.p.field_name(*f),
            Place::Index { array, index } => format!("{}[{}]", self.expr(array), self.expr(index)),
        }
    }

    /// One expression on one line: `(kind operands…): type`.
    fn expr(&self, e: &Expr) -> String {
        let p = self.p;
        let text = match &e.kind {
            ExprKind::Const(c) => match c {
                Const::Int(v) => v.to_string(),
                Const::Long(v) => format!("{v}L"),
                Const::Double(bits) => format!("{:?}d", f64::from_bits(*bits)),
                Const::Bool(v) => v.to_string(),
                Const::Char(v) => format!("{:?}", char::from_u32(u32::from(*v)).unwrap_or('?')),
                Const::Str(s) => format!("{s:?}"),
                Const::Null => "null".into(),
            },
            ExprKind::Local(id) => self.local(*id),
            ExprKind::Deref(id) => format!("*{}", self.local(*id)),
            ExprKind::AddressOf { place, mode } => {
                format!("({} {})", mode.word(), self.place(place))
            }
            ExprKind::This => "this".into(),
            ExprKind::Field { obj, field } => {
                format!("{}.{}", self.expr(obj), p.fields[field.0 as usize].name)
            }
            ExprKind::Static(f) => p.field_name(*f),
            ExprKind::Index { target, index } => {
                format!("{}[{}]", self.expr(target), self.expr(index))
            }
            ExprKind::ArrayLength(a) => format!("(length {})", self.expr(a)),
            ExprKind::Assign { target, value } => {
                format!("({} = {})", self.place(target), self.expr(value))
            }
            ExprKind::CompoundAssign { target, op, value } => {
                let op = match op {
                    CompoundOp::Arith { op, kind } => format!("{op:?}.{kind:?}"),
                    CompoundOp::Concat => "Concat".into(),
                };
                format!("({} {op}= {})", self.place(target), self.expr(value))
            }
            ExprKind::IncDec {
                target,
                prefix,
                increment,
            } => {
                let op = if *increment { "++" } else { "--" };
                if *prefix {
                    format!("({op}{})", self.place(target))
                } else {
                    format!("({}{op})", self.place(target))
                }
            }
            ExprKind::CallStatic { method, args } => {
                format!("(call {} {})", p.method_name(*method), self.args(args))
            }
            ExprKind::CallDirect { obj, method, args } => {
                format!(
                    "(call-direct {} {} {})",
                    self.expr(obj),
                    p.method_name(*method),
                    self.args(args)
                )
            }
            ExprKind::CallVirtual {
                obj,
                method,
                slot,
                args,
                ..
            } => {
                format!(
                    "(call-virtual {} slot {slot} {} {})",
                    self.expr(obj),
                    p.method_name(*method),
                    self.args(args)
                )
            }
            ExprKind::Builtin { builtin, args } => format!("({builtin:?} {})", self.args(args)),
            ExprKind::New { class, ctor, args } => {
                format!(
                    "(new {}#{} {})",
                    p.classes[class.0 as usize].name,
                    ctor.0,
                    self.args(args)
                )
            }
            ExprKind::NewArray { elem, len } => {
                format!("(new-array {} {})", p.type_name(elem), self.expr(len))
            }
            ExprKind::ArrayLit { elem, items } => {
                format!("(array {} {})", p.type_name(elem), self.args(items))
            }
            ExprKind::Convert { conv, operand } => format!("({conv:?} {})", self.expr(operand)),
            ExprKind::Unary { op, operand } => format!("({op:?} {})", self.expr(operand)),
            ExprKind::Binary { op, kind, lhs, rhs } => {
                format!("({op:?}.{kind:?} {} {})", self.expr(lhs), self.expr(rhs))
            }
            ExprKind::LogicalAnd(a, b) => format!("(&& {} {})", self.expr(a), self.expr(b)),
            ExprKind::LogicalOr(a, b) => format!("(|| {} {})", self.expr(a), self.expr(b)),
            ExprKind::Concat(parts) => format!("(concat {})", self.args(parts)),
            ExprKind::StringEq { lhs, rhs, negated } => {
                let op = if *negated { "str!=" } else { "str==" };
                format!("({op} {} {})", self.expr(lhs), self.expr(rhs))
            }
            ExprKind::Conditional {
                cond,
                then,
                otherwise,
            } => {
                format!(
                    "(? {} {} {})",
                    self.expr(cond),
                    self.expr(then),
                    self.expr(otherwise)
                )
            }
            ExprKind::Coalesce { lhs, rhs } => {
                format!("(?? {} {})", self.expr(lhs), self.expr(rhs))
            }
            ExprKind::Is { operand, class } => format!(
                "(is {} {})",
                self.expr(operand),
                p.classes[class.0 as usize].name
            ),
            ExprKind::As { operand, class } => format!(
                "(as {} {})",
                self.expr(operand),
                p.classes[class.0 as usize].name
            ),
            ExprKind::CastClass { operand, class } => {
                format!(
                    "(cast {} {})",
                    self.expr(operand),
                    p.classes[class.0 as usize].name
                )
            }
            ExprKind::Await(t) => format!("(await {})", self.expr(t)),
            ExprKind::Error => "{error}".into(),
        };
        format!("{text}: {}", p.type_name(&e.ty))
    }
}
