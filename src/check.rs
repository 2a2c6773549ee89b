//! The checker: AST → typed program, with C#'s rules.
//!
//! In: an [`ast::Program`] (all files, includes already spliced in). Out: a
//! [`typed::Program`] and every diagnostic, sorted by position.
//!
//! Passes, each over the whole program:
//! 1. `decls`: classes (names, bases, cycles), members (signatures, overload
//!    uniqueness), field layout, vtable slots, abstract/override rules, consts,
//!    the entry point.
//! 2. `stmt`/`expr`: every body (field initializers, constructors, methods) is
//!    typed; names resolve through `scope`, calls through `call`.
//! 3. `flow`: on each typed body, reachability ("not all code paths return a
//!    value") and definite assignment of locals.
//!
//! A failed expression gets [`Type::Error`], which converts to and from
//! everything, so one root cause gives one diagnostic.

mod call;
mod decls;
mod enums;
mod expr;
mod flow;
mod fold;
mod format;
mod generic_call;
mod initializer;
mod interfaces;
mod named;
mod null_conditional;
mod property;
mod qualified;
mod scope;
mod stmt;
mod types;
mod untyped;

use crate::ast;
use crate::diag::{self, Diagnostic};
use crate::source::Span;
use crate::typed::{self, ClassId, Const, CtorId, FieldId, MethodId, Type};
use std::collections::HashMap;

/// Checks a whole program. The typed program is complete only when the
/// diagnostics are empty; with errors it is a best effort (for `--emit` on
/// broken input), never to be lowered.
pub fn check(program: &ast::Program) -> (typed::Program, Vec<Diagnostic>) {
    let (typed, diags, _) = check_with_instances(program, MAX_GENERIC_ROUNDS);
    (typed, diags)
}

/// For a program nothing reported an error in (parsing included): an
/// internal error at an expression left without a type, which the code
/// generator must never see (see `untyped`).
pub fn leftover_error(program: &typed::Program) -> Option<Diagnostic> {
    untyped::leftover_error(program)
}

/// How many times the pipeline checks again for generic method instances
/// (a method whose instance calls an ever larger one never ends).
pub const MAX_GENERIC_ROUNDS: usize = 8;

/// [`check`], also listing the generic method instances the program calls
/// that do not exist yet (made by `generic`, then checked again). `round`
/// is how many times this has happened: in the last, a missing instance
/// is reported.
pub fn check_with_instances(
    program: &ast::Program,
    round: usize,
) -> (
    typed::Program,
    Vec<Diagnostic>,
    Vec<crate::generic::MethodRequest>,
) {
    let mut checker = Checker::new(program);
    checker.out.system_files = program.system_files.clone();
    checker.last_round = round >= MAX_GENERIC_ROUNDS;
    checker.declare_all();
    checker.check_qualified_types();
    checker.check_bodies();
    let mut diags = std::mem::take(&mut checker.diags);
    diag::sort(&mut diags);
    (checker.out, diags, checker.requests)
}

/// A class member name, as seen by lookup.
#[derive(Debug, Clone)]
enum Member {
    Field(FieldId),
    /// All overloads declared in this class under one name.
    Methods(Vec<MethodId>),
    /// A property: an index into `Checker::props`.
    Property(usize),
}

/// A declared property; its accessors are methods of `class`.
struct PropInfo<'a> {
    decl: &'a ast::PropertyDecl,
    class: ClassId,
}

/// What the checker knows about a class beyond its typed form.
struct ClassInfo<'a> {
    decl: &'a ast::ClassDecl,
    /// Own members by name (inherited ones are found through `parent`).
    members: HashMap<String, Member>,
    is_sealed: bool,
    /// `static class`: no instances, only static members.
    is_static: bool,
    /// Set once its base chain is known to be acyclic.
    resolved: bool,
}

/// What the checker knows about a method beyond its typed form.
struct MethodInfo<'a> {
    decl: &'a ast::MethodDecl,
    access: ast::Access,
    is_static: bool,
    is_override: bool,
}

struct FieldInfo<'a> {
    var: &'a ast::VarDecl,
    access: ast::Access,
    is_readonly: bool,
}

struct CtorInfo<'a> {
    /// `None` for an implicit default constructor.
    decl: Option<&'a ast::CtorDecl>,
    access: ast::Access,
}

/// Lazy evaluation state of a `const` field (consts may refer to later ones).
#[derive(Debug, Clone)]
enum ConstState {
    Pending,
    InProgress,
    Done(Option<Const>),
}

/// The checker's tables; `out` grows into the typed program.
pub(crate) struct Checker<'a> {
    ast: &'a ast::Program,
    out: typed::Program,
    diags: Vec<Diagnostic>,
    class_ids: HashMap<String, ClassId>,
    enum_ids: HashMap<String, typed::EnumId>,
    classes: Vec<ClassInfo<'a>>,
    methods: Vec<MethodInfo<'a>>,
    fields: Vec<FieldInfo<'a>>,
    ctors: Vec<CtorInfo<'a>>,
    props: Vec<PropInfo<'a>>,
    /// FluxSharp top-level functions by name.
    functions: HashMap<String, Vec<MethodId>>,
    /// Extension methods (`static … M(this T x, …)`) by name.
    extensions: HashMap<String, Vec<MethodId>>,
    /// `Pick<int>(…)`: the explicit type arguments of the call being
    /// resolved, from when its arguments are checked until `generic_call`
    /// takes them (what is left was given to a method that is not generic).
    explicit_type_args: Option<Vec<Type>>,
    /// The names of the call's arguments when some are named (`None` for
    /// a positional one), kept the same way until overload resolution
    /// takes them.
    arg_names: Option<Vec<Option<ast::Ident>>>,
    consts: HashMap<FieldId, ConstState>,
    /// Classes with parents before children (those in a base cycle left out).
    order: Vec<ClassId>,
    /// lib/System.fs's Exception, found once the classes are declared.
    exception: Option<ClassId>,
    /// Generic method instances called but not made yet.
    requests: Vec<crate::generic::MethodRequest>,
    /// No more rounds: a missing generic method instance is an error.
    last_round: bool,
    /// Where each type is declared, for qualified names (made on first use).
    type_names: std::cell::OnceCell<qualified::TypeNames<'a>>,
}

impl<'a> Checker<'a> {
    fn new(ast: &'a ast::Program) -> Checker<'a> {
        Checker {
            ast,
            out: typed::Program::default(),
            diags: Vec::new(),
            class_ids: HashMap::new(),
            enum_ids: HashMap::new(),
            classes: Vec::new(),
            methods: Vec::new(),
            fields: Vec::new(),
            ctors: Vec::new(),
            props: Vec::new(),
            functions: HashMap::new(),
            extensions: HashMap::new(),
            explicit_type_args: None,
            arg_names: None,
            consts: HashMap::new(),
            order: Vec::new(),
            exception: None,
            requests: Vec::new(),
            last_round: false,
            type_names: std::cell::OnceCell::new(),
        }
    }

    /// Reports an error with a short label under the span.
    fn error(&mut self, span: Span, message: impl Into<String>, label: impl Into<String>) {
        self.diags
            .push(Diagnostic::error(span, message).with_label(label));
    }

    fn class(&self, id: ClassId) -> &typed::Class {
        &self.out.classes[id.0 as usize]
    }

    fn field(&self, id: FieldId) -> &typed::Field {
        &self.out.fields[id.0 as usize]
    }

    /// Whether two methods take the same parameters: the same types, each
    /// passed the same way (an override or an implementation must match
    /// both: a `ref` slot called by value would take a number for an address).
    fn same_params(&self, a: MethodId, b: MethodId) -> bool {
        let (a, b) = (self.method(a), self.method(b));
        a.param_types == b.param_types && a.param_modes == b.param_modes
    }

    fn method(&self, id: MethodId) -> &typed::Method {
        &self.out.methods[id.0 as usize]
    }

    fn ctor(&self, id: CtorId) -> &typed::Ctor {
        &self.out.ctors[id.0 as usize]
    }

    fn class_name(&self, id: ClassId) -> &str {
        &self.class(id).name
    }

    /// A type as C# writes it, for messages.
    fn ty(&self, ty: &Type) -> String {
        self.out.type_name(ty)
    }

    /// `A.F(int, long)` for messages.
    fn method_sig(&self, id: MethodId) -> String {
        let m = self.method(id);
        let params: Vec<String> = m
            .param_types
            .iter()
            .zip(&m.param_modes)
            .map(|(t, mode)| match mode {
                typed::PassMode::Value => self.ty(t),
                _ => format!("{} {}", mode.word(), self.ty(t)),
            })
            .collect();
        format!("{}({})", self.out.method_name(id), params.join(", "))
    }

    fn field_display(&self, id: FieldId) -> String {
        let f = self.field(id);
        format!("{}.{}", self.class_name(f.class), f.name)
    }

    /// True if `class` is `ancestor` or derives from it.
    fn derives_from(&self, class: ClassId, ancestor: ClassId) -> bool {
        let mut cur = Some(class);
        // A base cycle is reported and cut in `decls`, so this terminates; the
        // bound is a second guard.
        for _ in 0..=self.out.classes.len() {
            match cur {
                Some(c) if c == ancestor => return true,
                Some(c) => cur = self.class(c).parent,
                None => return false,
            }
        }
        false
    }
}
