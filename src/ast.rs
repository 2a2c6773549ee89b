//! The syntax tree of a Flux# program.
//!
//! In: produced by `parse` from pest pairs. Out: read by `check`, which resolves
//! names and types into the typed program. Every node carries a [`Span`], so any
//! later stage can point back at the source. FluxSharp forms that are only
//! syntax (`int[10] a;`, `print(x)`, `s.length()`) are desugared by the parser or
//! resolved by the checker; the tree keeps only what Flux# itself has.

use crate::source::Span;

pub mod dump;
pub mod walk;

/// A whole program: the main file and every file it includes, in order.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Program {
    pub items: Vec<Item>,
    /// The system library's files (lib/System.fs, lib/Collections.fs)
    /// parsed with every program: their classes are .NET's.
    pub system_files: Vec<crate::source::FileId>,
    /// Generic methods, taken out of their classes by `generic`: the checker
    /// infers their type arguments at each call and asks for the instances.
    pub generic_methods: Vec<GenericMethod>,
    /// A file of the program writes `double`, a double literal, `Math`,
    /// `BitConverter` or `Double`: lib/Double.fs (a double's text) joins it.
    pub needs_double: bool,
    /// Type names written with a qualifier (`Outer.Inner`, `Zoo.Animal`):
    /// the type is its last name (Flux#'s names are one flat space), and
    /// the checker makes sure the qualifier says where it is declared.
    pub qualified_types: Vec<QualifiedType>,
}

/// `Zoo.Outer.Inner`: the qualifier (`Zoo`, `Outer`) and the type's name.
#[derive(Debug, Clone, PartialEq)]
pub struct QualifiedType {
    pub qualifier: Vec<Ident>,
    pub name: Ident,
}

/// A generic method template and where it was declared.
#[derive(Debug, Clone, PartialEq)]
pub struct GenericMethod {
    /// The class it belongs to (`None`: a FluxSharp top-level function).
    pub owner: Option<String>,
    pub decl: MethodDecl,
    /// The owner's own type arguments when the owner is an instance of a
    /// generic class (`T` of `Box<T>` is `int` in `Box<int>`'s methods).
    pub owner_subst: Vec<(String, TypeExpr)>,
    /// Instances not made because their type arguments break a constraint
    /// (reported at the call once).
    pub refused: Vec<String>,
    /// Instances made of this template. Overloads of one name share their
    /// instances' names (`Sort<int>`), so a name that exists does not say
    /// that this template's instance does.
    pub made: Vec<String>,
}

/// .NET's full name of a class (what an object of it prints as):
/// `Zoo.Outer+Inner` for `Inner` nested in `Outer` in namespace `Zoo`; the
/// system library's classes are `System`'s.
pub fn dotnet_name(
    namespace: Option<&str>,
    outer: Option<&str>,
    name: &str,
    in_system: bool,
) -> String {
    let namespace = match (namespace, in_system) {
        (Some(ns), _) => format!("{ns}."),
        (None, true) => "System.".to_string(),
        (None, false) => String::new(),
    };
    let outer = outer.map_or(String::new(), |o| format!("{o}+"));
    format!("{namespace}{outer}{name}")
}

impl Program {
    /// Whether `file` is one of the system library's.
    pub fn is_system(&self, file: crate::source::FileId) -> bool {
        self.system_files.contains(&file)
    }
}

#[derive(Debug, Clone, PartialEq)]
pub enum Item {
    Class(ClassDecl),
    /// A FluxSharp function at the top level of a file (a static function).
    Function(MethodDecl),
    Enum(EnumDecl),
}

/// `enum Color { Red, Green = 5, Blue }` (nested ones are hoisted to the top).
#[derive(Debug, Clone, PartialEq)]
pub struct EnumDecl {
    pub modifiers: Modifiers,
    pub name: Ident,
    /// `: int` (the only underlying type Flux# has for enums).
    pub underlying: Option<TypeExpr>,
    pub members: Vec<EnumMember>,
    /// The classes it is declared in, as [`ClassDecl::outer`].
    pub outer: Option<String>,
    /// The namespace it is declared in, as [`ClassDecl::namespace`].
    pub namespace: Option<String>,
    pub span: Span,
}

#[derive(Debug, Clone, PartialEq)]
pub struct EnumMember {
    pub name: Ident,
    pub value: Option<Expr>,
    pub span: Span,
}

#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Ident {
    pub name: String,
    pub span: Span,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Access {
    Public,
    Private,
    Protected,
}

/// The modifiers written before a declaration, each with where it was written.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Modifiers {
    pub access: Option<(Access, Span)>,
    pub is_static: Option<Span>,
    pub is_virtual: Option<Span>,
    pub is_override: Option<Span>,
    pub is_abstract: Option<Span>,
    pub is_async: Option<Span>,
    pub is_const: Option<Span>,
    pub is_sealed: Option<Span>,
    pub is_readonly: Option<Span>,
    /// `static extern string FromChars(…);`: implemented by the runtime
    /// (allowed in the system library only).
    pub is_extern: Option<Span>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct ClassDecl {
    pub modifiers: Modifiers,
    pub name: Ident,
    /// The namespace it is declared in (`Lessons.Async`), if any. Flux#
    /// names are one flat space; the namespace shows where C# shows it: in
    /// the type name an object prints as.
    pub namespace: Option<String>,
    /// The classes it is declared in, outermost first and joined by `+`
    /// as .NET names them (`Outer` for `Outer.Inner`, `A+B` for `A.B.C`).
    /// Nested classes are hoisted to the top level; this keeps what
    /// `Outer.Inner` means and what an object of it prints.
    pub outer: Option<String>,
    /// `class Box<T> where T : Animal`: the type parameters of a generic
    /// class (a template: `generic` makes one class per type arguments).
    pub type_params: Vec<TypeParam>,
    /// The first type after `:` (a class, or an interface: the checker tells).
    pub base: Option<Ident>,
    /// The base's type arguments (`class IntBox : Box<int>`), until `generic`
    /// names the instance in `base`.
    pub base_args: Vec<TypeExpr>,
    /// The name .NET prints for an object of a generic instance
    /// (``System.Collections.Generic.List`1[System.Int32]``), set by `generic`.
    pub runtime_name: Option<String>,
    /// The template and type arguments an instance was made from
    /// (`List` and `int` for `List<int>`), for inferring a generic
    /// method's type arguments from it.
    pub generic_origin: Option<GenericType>,
    /// The types after it (interfaces).
    pub interfaces: Vec<Ident>,
    /// Each interface's type arguments (`IComparable<Person>`; empty for
    /// one that is not generic), until `generic` names the instance in
    /// `interfaces`.
    pub interface_args: Vec<Vec<TypeExpr>>,
    /// `interface I { … }`: its methods and properties are abstract and public.
    pub is_interface: bool,
    pub members: Vec<Member>,
    pub span: Span,
}

/// A type parameter and its `where` constraints.
#[derive(Debug, Clone, PartialEq)]
pub struct TypeParam {
    pub name: Ident,
    pub constraints: Vec<Constraint>,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Constraint {
    /// `where T : class`
    Class(Span),
    /// `where T : struct`
    Struct(Span),
    /// `where T : new()`
    New(Span),
    /// `where T : Animal` (a class or an interface)
    Type(TypeExpr),
}

#[derive(Debug, Clone, PartialEq)]
pub enum Member {
    Field(FieldDecl),
    Method(MethodDecl),
    Ctor(CtorDecl),
    /// A property. Its accessors are members of their own, as C# compiles
    /// them: methods `get_X` and `set_X`, and for an auto-implemented
    /// property a private field `<X>k__BackingField`.
    Property(PropertyDecl),
}

/// `int X { get; private set; }`, `int X => e;`: what the checker needs to
/// turn `obj.X` into a call of `get_X` and `obj.X = v` into one of `set_X`.
#[derive(Debug, Clone, PartialEq)]
pub struct PropertyDecl {
    pub modifiers: Modifiers,
    pub ty: TypeExpr,
    pub name: Ident,
    /// Where the `get` accessor is written (the name's span for `=> e`).
    pub getter: Option<Span>,
    pub setter: Option<Span>,
    /// The backing field of an auto-implemented property.
    pub backing: Option<String>,
    /// An indexer's parameters (`this[int index]`: the property `Item`).
    pub params: Vec<Param>,
    pub span: Span,
}

impl PropertyDecl {
    pub fn getter_name(&self) -> String {
        format!("get_{}", self.name.name)
    }

    pub fn setter_name(&self) -> String {
        format!("set_{}", self.name.name)
    }
}

/// `static int a = 1, b;` — one declaration may declare several fields.
#[derive(Debug, Clone, PartialEq)]
pub struct FieldDecl {
    pub modifiers: Modifiers,
    pub ty: TypeExpr,
    pub vars: Vec<VarDecl>,
    pub span: Span,
}

/// One declared name with its optional initializer (fields and locals).
#[derive(Debug, Clone, PartialEq)]
pub struct VarDecl {
    pub name: Ident,
    pub init: Option<Expr>,
    pub span: Span,
}

#[derive(Debug, Clone, PartialEq)]
pub struct MethodDecl {
    pub modifiers: Modifiers,
    pub ret: TypeExpr,
    pub name: Ident,
    /// `static T Max<T>(T a, T b)`: a generic method's type parameters (a
    /// template: `generic` makes one method per type arguments inferred).
    pub type_params: Vec<TypeParam>,
    pub params: Vec<Param>,
    /// `None` for an abstract method (`;` instead of a body).
    pub body: Option<Block>,
    pub span: Span,
}

#[derive(Debug, Clone, PartialEq)]
pub struct CtorDecl {
    pub modifiers: Modifiers,
    pub name: Ident,
    pub params: Vec<Param>,
    pub init: Option<CtorInit>,
    pub body: Block,
    pub span: Span,
}

/// `: base(args)` or `: this(args)` before a constructor body.
#[derive(Debug, Clone, PartialEq)]
pub struct CtorInit {
    pub kind: CtorInitKind,
    pub args: Vec<Expr>,
    pub span: Span,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CtorInitKind {
    Base,
    This,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Param {
    pub ty: TypeExpr,
    pub name: Ident,
    /// `int y = 2`: an optional parameter's default value.
    pub default: Option<Expr>,
    /// `params int[] xs`: a call may pass the elements one by one.
    pub is_params: bool,
    /// `this string s` on the first parameter: an extension method.
    pub is_this: bool,
    /// `ref int x`, `out int x`: passed by reference.
    pub mode: PassMode,
    pub span: Span,
}

/// How an argument is passed: by value, or by reference (`ref`, `out`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum PassMode {
    #[default]
    Value,
    Ref,
    Out,
}

impl PassMode {
    pub fn word(self) -> &'static str {
        match self {
            PassMode::Value => "",
            PassMode::Ref => "ref",
            PassMode::Out => "out",
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct TypeExpr {
    pub kind: TypeExprKind,
    pub span: Span,
}

#[derive(Debug, Clone, PartialEq)]
pub enum TypeExprKind {
    Int,
    Long,
    Double,
    Bool,
    Char,
    String,
    Void,
    /// `var` (only for locals with an initializer).
    Var,
    /// `Task`
    Task,
    /// `Task<T>`
    TaskOf(Box<TypeExpr>),
    /// `T[]`
    Array(Box<TypeExpr>),
    /// A class name.
    Named(Ident),
    /// `List<int>`: a generic class with its type arguments (until
    /// `generic` replaces it by the instance's name).
    Generic(Box<GenericType>),
    /// A type already reported (a C# keyword such as `byte`).
    Error,
}

/// `Dictionary<string, int>`: a generic class and its type arguments
/// (boxed: most types are not generic, and every type is this large).
#[derive(Debug, Clone, PartialEq)]
pub struct GenericType {
    pub name: Ident,
    pub args: Vec<TypeExpr>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Block {
    pub stmts: Vec<Stmt>,
    pub span: Span,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Stmt {
    pub kind: StmtKind,
    pub span: Span,
}

#[derive(Debug, Clone, PartialEq)]
pub enum StmtKind {
    Block(Block),
    /// `int a = 1, b;`, `var x = …;`, `const int N = 3;` (`is_const`).
    Local {
        is_const: bool,
        ty: TypeExpr,
        vars: Vec<VarDecl>,
    },
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
    For {
        /// A local declaration or expression statements.
        init: Vec<Stmt>,
        cond: Option<Expr>,
        step: Vec<Expr>,
        body: Box<Stmt>,
    },
    /// `switch (value) { case c: … default: … }`.
    Switch {
        value: Expr,
        sections: Vec<SwitchSection>,
    },
    /// `foreach (T x in collection) body` (arrays and strings).
    Foreach {
        ty: TypeExpr,
        var: Ident,
        collection: Expr,
        body: Box<Stmt>,
    },
    Break,
    Continue,
    Return(Option<Expr>),
    /// `throw e;`, or `throw;` (rethrow, inside a catch).
    Throw(Option<Expr>),
    /// `try { … } catch (T e) { … } … finally { … }`.
    Try {
        body: Block,
        catches: Vec<CatchClause>,
        finally: Option<Block>,
    },
    /// A lone `;`.
    Empty,
    /// A statement that was already reported (e.g. an unsupported construct).
    Error,
}

/// The labels of one switch section and its statements.
#[derive(Debug, Clone, PartialEq)]
pub struct SwitchSection {
    /// `case value:` (Some) or `default:` (None), with the label's span.
    pub labels: Vec<(Option<Expr>, Span)>,
    pub body: Vec<Stmt>,
    pub span: Span,
}

/// `catch (T e) { … }`, `catch (T) { … }` or `catch { … }`.
#[derive(Debug, Clone, PartialEq)]
pub struct CatchClause {
    /// `None` for a bare `catch` (everything).
    pub ty: Option<TypeExpr>,
    pub var: Option<Ident>,
    pub body: Block,
    pub span: Span,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Expr {
    pub kind: ExprKind,
    pub span: Span,
}

#[derive(Debug, Clone, PartialEq)]
pub enum ExprKind {
    /// An integer literal; `long_suffix` for `L`. The value is unsigned: the
    /// checker decides the type (`2147483648` only fits as the operand of `-`).
    Int {
        value: u64,
        long_suffix: bool,
    },
    /// A `double` literal (`1.5`, `1e3`, `2d`), already read as C# reads it
    /// (the nearest double).
    Double(f64),
    Bool(bool),
    Char(u16),
    Str(String),
    Null,
    /// `$"a {x} b"`
    Interpolated(Vec<InterpPart>),
    /// A simple name: a local, parameter, field, method, class, or a built-in
    /// such as `Console`, `Task`.
    Name(Ident),
    /// A predefined type used as an expression, as in `int.MaxValue`.
    TypeRef(Box<TypeExpr>),
    This,
    /// `base`, only as the target of a member access (`base.M()`).
    Base,
    Member {
        target: Box<Expr>,
        name: Ident,
    },
    /// `target?.name`: null when target is null (a call's callee when
    /// `target?.name(args)`).
    NullMember {
        target: Box<Expr>,
        name: Ident,
    },
    Index {
        target: Box<Expr>,
        index: Box<Expr>,
    },
    Call {
        callee: Box<Expr>,
        args: Vec<Expr>,
        /// `Pick<int>(…)`: explicit type arguments of a generic method.
        type_args: Vec<TypeExpr>,
    },
    /// `ref x`, `out x`: an argument passed by reference (only in a call's
    /// argument list).
    RefArg {
        mode: PassMode,
        target: Box<Expr>,
    },
    /// `default(T)`; `None` for the `default` literal, whose type is the
    /// one its place asks for (`int x = default;`).
    Default(Option<Box<TypeExpr>>),
    /// `name: value` as a call's argument.
    NamedArg {
        name: Ident,
        value: Box<Expr>,
    },
    /// `out int n`, `out var n` (`ty: None`): declares `n` in the enclosing
    /// block and passes it by reference.
    OutVar {
        ty: Option<Box<TypeExpr>>,
        name: Ident,
    },
    /// `new C(args)`, `new List<int>()`: the class is a
    /// [`TypeExprKind::Named`] or, until `generic` names the instance, a
    /// [`TypeExprKind::Generic`].
    New {
        class: Box<TypeExpr>,
        args: Vec<Expr>,
        /// `new List<int> { 1, 2 }`, `new Person { Name = "Ann" }`.
        init: Option<Box<Vec<InitElement>>>,
    },
    /// `new T[len]`, `new T[] { … }`, `new T[len] { … }`
    NewArray {
        elem: Box<TypeExpr>,
        len: Option<Box<Expr>>,
        init: Option<Vec<Expr>>,
    },
    Unary {
        op: UnaryOp,
        operand: Box<Expr>,
    },
    Binary {
        op: BinaryOp,
        lhs: Box<Expr>,
        rhs: Box<Expr>,
    },
    /// `target = value`, or a compound assignment `target op= value`.
    Assign {
        op: Option<BinaryOp>,
        target: Box<Expr>,
        value: Box<Expr>,
    },
    /// `++x`, `x++`, `--x`, `x--`.
    IncDec {
        prefix: bool,
        increment: bool,
        target: Box<Expr>,
    },
    Conditional {
        cond: Box<Expr>,
        then: Box<Expr>,
        otherwise: Box<Expr>,
    },
    Cast {
        ty: Box<TypeExpr>,
        operand: Box<Expr>,
    },
    /// `x is T`, or the pattern `x is T name` (`binding`).
    Is {
        operand: Box<Expr>,
        ty: Box<TypeExpr>,
        binding: Option<Ident>,
    },
    As {
        operand: Box<Expr>,
        ty: Box<TypeExpr>,
    },
    Await(Box<Expr>),
    /// An expression that was already reported (e.g. a lambda).
    Error,
}

/// One element of an object or collection initializer.
#[derive(Debug, Clone, PartialEq)]
pub enum InitElement {
    /// `1` (the argument of one `Add`), or `Name = value` (a member set).
    Value(Expr),
    /// `{ "a", 1 }`: the arguments of one `Add`.
    Values(Vec<Expr>, crate::source::Span),
    /// `["a"] = 1`: an indexer set.
    Index {
        index: Expr,
        value: Expr,
        span: crate::source::Span,
    },
}

#[derive(Debug, Clone, PartialEq)]
pub enum InterpPart {
    Text(String),
    Hole(Expr, HoleFormat),
}

/// `{x,5:D4}`: how an interpolation hole (or a `string.Format` item) is
/// formatted: its alignment and its format string.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct HoleFormat {
    /// The width to pad to: on the left when positive, on the right when negative.
    pub align: Option<i32>,
    /// The format string after `:` (`D4`, `X`, `N2`).
    pub format: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum UnaryOp {
    Neg,
    Plus,
    Not,
    BitNot,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum BinaryOp {
    Add,
    Sub,
    Mul,
    Div,
    Rem,
    Shl,
    Shr,
    Lt,
    Le,
    Gt,
    Ge,
    Eq,
    Ne,
    BitAnd,
    BitXor,
    BitOr,
    And,
    Or,
    /// `??`
    Coalesce,
}

impl BinaryOp {
    /// The operator as written in source.
    pub fn symbol(self) -> &'static str {
        use BinaryOp::*;
        match self {
            Add => "+",
            Sub => "-",
            Mul => "*",
            Div => "/",
            Rem => "%",
            Shl => "<<",
            Shr => ">>",
            Lt => "<",
            Le => "<=",
            Gt => ">",
            Ge => ">=",
            Eq => "==",
            Ne => "!=",
            BitAnd => "&",
            BitXor => "^",
            BitOr => "|",
            And => "&&",
            Or => "||",
            Coalesce => "??",
        }
    }
}

impl UnaryOp {
    pub fn symbol(self) -> &'static str {
        match self {
            UnaryOp::Neg => "-",
            UnaryOp::Plus => "+",
            UnaryOp::Not => "!",
            UnaryOp::BitNot => "~",
        }
    }
}
