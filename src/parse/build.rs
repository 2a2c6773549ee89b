//! Pest pairs → AST.
//!
//! In: the pairs of one file that matched `file` in grammar/flux.pest. Out: the
//! file's top-level entries (classes, functions, and `using "…";` includes
//! for the caller to expand) and diagnostics for the constructs LANGUAGE.md §8
//! rules out. Each such construct is reported at its own position and replaced
//! (an `Error` statement, expression or type, or a dropped member) so that the
//! checker can go on; its insides are still built and discarded, so the
//! constructs nested in it are reported too.
//!
//! Depth: the builder counts two things as it goes. *Nesting* is what a reader
//! sees as nested: a statement inside a statement, an operand of a prefix
//! operator or inside brackets; it is limited to [`MAX_NESTING`]. *Tree depth*
//! adds the chains the grammar keeps flat but the tree stores as deep as they
//! are long (`a + b + …`, `else if …`, `a.b.c`, `f().g()`): a 300-term sum is
//! not nested, but every later stage recurses once per term, so the tree depth
//! is limited too, by [`MAX_TREE_DEPTH`], which the front-end stack
//! (pipeline.rs) is sized for. Whatever goes past either limit is replaced
//! with an error.

use super::grammar::Rule;
use super::literal::{self, LiteralError};
use crate::ast::*;
use crate::collect::CollectExact;
use crate::diag::Diagnostic;
use crate::source::{FileId, Span};
use pest::iterators::{Pair, Pairs};
use pest::pratt_parser::{Assoc, Op, PrattParser};
use std::sync::LazyLock;

/// The deepest nesting of statements and expressions accepted (and of brackets,
/// see `prescan`).
pub const MAX_NESTING: usize = 256;

/// The deepest syntax tree accepted, chains included: far beyond any program
/// written by hand (131,072: a 100,000-term sum fits), and half of what the
/// big stack of the deepest-recursing stage was measured to take (a sum or an
/// `else if` chain of 200,000 links compiles on it in a release build).
pub const MAX_TREE_DEPTH: usize = 1 << 17;

/// C#'s reserved keywords, sorted. None is a name in Flux#, as in C#. The
/// grammar already rejects those Flux# has constructs for (or reports as
/// unsupported); the others parse as names and are reported by the builder.
/// Contextual keywords (`var`, `async`, `value`, `yield`, …) are not here.
const CSHARP_KEYWORDS: [&str; 77] = [
    "abstract",
    "as",
    "base",
    "bool",
    "break",
    "byte",
    "case",
    "catch",
    "char",
    "checked",
    "class",
    "const",
    "continue",
    "decimal",
    "default",
    "delegate",
    "do",
    "double",
    "else",
    "enum",
    "event",
    "explicit",
    "extern",
    "false",
    "finally",
    "fixed",
    "float",
    "for",
    "foreach",
    "goto",
    "if",
    "implicit",
    "in",
    "int",
    "interface",
    "internal",
    "is",
    "lock",
    "long",
    "namespace",
    "new",
    "null",
    "object",
    "operator",
    "out",
    "override",
    "params",
    "private",
    "protected",
    "public",
    "readonly",
    "ref",
    "return",
    "sbyte",
    "sealed",
    "short",
    "sizeof",
    "stackalloc",
    "static",
    "string",
    "struct",
    "switch",
    "this",
    "throw",
    "true",
    "try",
    "typeof",
    "uint",
    "ulong",
    "unchecked",
    "unsafe",
    "ushort",
    "using",
    "virtual",
    "void",
    "volatile",
    "while",
];

pub(super) fn is_csharp_keyword(name: &str) -> bool {
    CSHARP_KEYWORDS.binary_search(&name).is_ok()
}

/// The message for a C# keyword where a name should be.
pub(super) fn keyword_as_name_message(name: &str) -> String {
    format!("`{name}` is a C# keyword and cannot be a name")
}

/// The C# keywords that name types Flux# does not have (`float`, `double`
/// and `decimal` are reported as floating point by the grammar's rules).
const UNSUPPORTED_TYPE_KEYWORDS: [&str; 7] = [
    "byte", "object", "sbyte", "short", "uint", "ulong", "ushort",
];

/// One top-level entry of a file, in source order.
// Entries live only until the driver moves their items into the program.
#[allow(clippy::large_enum_variant)]
pub enum Entry {
    Item(Item),
    /// The file needs lib/Double.fs ([`Builder::mentions_double`]).
    NeedsDouble,
    /// A type name written with a qualifier ([`Program::qualified_types`]).
    Qualified(QualifiedType),
    /// `using "path";`: the path as written and the span of the directive.
    Include {
        path: String,
        span: Span,
    },
}

/// A class being built: its declaration so far, and the classes nested in
/// it (hoisted to the top level after it).
pub struct OpenClass {
    start: usize,
    decl: ClassDecl,
    nested: Vec<Item>,
}

impl OpenClass {
    /// The class, its span ending at `end`, followed by its nested classes.
    pub fn close(mut self, end: usize, file: FileId) -> impl Iterator<Item = Item> {
        self.decl.span = Span::new(file, self.start, end);
        std::iter::once(Item::Class(self.decl)).chain(self.nested)
    }

    /// How a type nested directly in this class names it: its own name
    /// after the classes it is nested in (`Outer`, `Outer+Middle`).
    fn prefix(&self) -> String {
        match &self.decl.outer {
            Some(outer) => format!("{outer}+{}", self.decl.name.name),
            None => self.decl.name.name.clone(),
        }
    }

    /// Adds a class or enum nested in this one (with the types nested in
    /// it), each told the classes it is nested in.
    pub fn nest(&mut self, items: impl Iterator<Item = Item>) {
        let here = self.prefix();
        let inside = |outer: &mut Option<String>| {
            *outer = Some(match outer.take() {
                Some(deeper) => format!("{here}+{deeper}"),
                None => here.clone(),
            });
        };
        for mut item in items {
            match &mut item {
                Item::Class(c) => inside(&mut c.outer),
                Item::Enum(e) => inside(&mut e.outer),
                _ => {}
            }
            self.nested.push(item);
        }
    }
}

/// A class header, and the class body when it came with it.
struct ClassHeader<'i> {
    class: OpenClass,
    body: Option<P<'i>>,
}

/// C# binary operator precedence, lowest first.
static PRATT: LazyLock<PrattParser<Rule>> = LazyLock::new(|| {
    PrattParser::new()
        .op(Op::infix(Rule::op_coalesce, Assoc::Right))
        .op(Op::infix(Rule::op_or, Assoc::Left))
        .op(Op::infix(Rule::op_and, Assoc::Left))
        .op(Op::infix(Rule::op_bitor, Assoc::Left))
        .op(Op::infix(Rule::op_xor, Assoc::Left))
        .op(Op::infix(Rule::op_bitand, Assoc::Left))
        .op(Op::infix(Rule::op_eq, Assoc::Left) | Op::infix(Rule::op_ne, Assoc::Left))
        .op(Op::infix(Rule::op_lt, Assoc::Left)
            | Op::infix(Rule::op_gt, Assoc::Left)
            | Op::infix(Rule::op_le, Assoc::Left)
            | Op::infix(Rule::op_ge, Assoc::Left)
            | Op::postfix(Rule::is_test)
            | Op::postfix(Rule::as_test))
        .op(Op::infix(Rule::op_shl, Assoc::Left) | Op::infix(Rule::op_shr, Assoc::Left))
        .op(Op::infix(Rule::op_add, Assoc::Left) | Op::infix(Rule::op_sub, Assoc::Left))
        .op(Op::infix(Rule::op_mul, Assoc::Left)
            | Op::infix(Rule::op_div, Assoc::Left)
            | Op::infix(Rule::op_rem, Assoc::Left))
});

pub struct Builder {
    file: FileId,
    /// Where in the file the text being built starts (pest's positions are
    /// relative to the piece it parsed: see `parse/pieces.rs`).
    base: usize,
    pub diags: Vec<Diagnostic>,
    /// Nesting of what is being built (see the module comment).
    nesting: usize,
    /// Tree depth of what is being built: nesting plus chain lengths.
    depth: usize,
    /// Each limit is reported once per file.
    reported_too_deep: bool,
    reported_too_long: bool,
    /// Keywords used as names, each reported once per file.
    reported_keywords: std::collections::HashSet<String>,
    /// The namespaces open around what is being built, outermost first
    /// (a file-scoped `namespace N;` stays open to the end of the file).
    namespaces: Vec<String>,
    /// `Pick<int>` or `.Pick<int>` just built: the type arguments of the
    /// call that follows it (the grammar makes sure one does).
    pending_type_args: Vec<TypeExpr>,
    /// The file writes `double`, a double literal, or the name of a class
    /// whose members give doubles (`Math`, `BitConverter`, `Double`): the
    /// program needs lib/Double.fs.
    pub mentions_double: bool,
    /// `Outer.Inner` and the like, for [`Entry::Qualified`].
    qualified: Vec<QualifiedType>,
}

/// The names that make a file need lib/Double.fs (see [`Builder::mentions_double`]).
const DOUBLE_NAMES: [&str; 3] = ["Math", "BitConverter", "Double"];

/// What building one construct adds to the nesting and to the tree depth.
#[derive(Clone, Copy)]
struct Levels {
    nesting: usize,
    depth: usize,
}

impl Levels {
    /// Nested constructs add as much to both.
    const fn nested(n: usize) -> Levels {
        Levels {
            nesting: n,
            depth: n,
        }
    }

    /// A chain of `n` links deepens the tree only.
    const fn chain(n: usize) -> Levels {
        Levels {
            nesting: 0,
            depth: n,
        }
    }
}

type P<'i> = Pair<'i, Rule>;

impl Builder {
    pub fn new(file: FileId) -> Builder {
        Builder {
            file,
            base: 0,
            diags: Vec::new(),
            nesting: 0,
            depth: 0,
            reported_too_deep: false,
            reported_too_long: false,
            reported_keywords: Default::default(),
            namespaces: Vec::new(),
            pending_type_args: Vec::new(),
            mentions_double: false,
            qualified: Vec::new(),
        }
    }

    /// What the whole file adds after its items: that it needs lib/Double.fs.
    pub fn finish(&mut self, entries: &mut Vec<Entry>) {
        if self.mentions_double {
            entries.push(Entry::NeedsDouble);
        }
        entries.extend(self.qualified.drain(..).map(Entry::Qualified));
    }

    // ───────────────────────── helpers

    /// Pairs built from now on come from a piece of text starting at `base`.
    pub fn set_base(&mut self, base: usize) {
        self.base = base;
    }

    /// Where `pair` starts in the file.
    fn start(&self, pair: &P) -> usize {
        self.base + pair.as_span().start()
    }

    fn span(&self, pair: &P) -> Span {
        Span::new(
            self.file,
            self.start(pair),
            self.base + pair.as_span().end(),
        )
    }

    /// The span of a keyword of `len` bytes at the start of `pair`.
    fn keyword_span(&self, pair: &P, len: usize) -> Span {
        let start = self.start(pair);
        Span::new(self.file, start, start + len)
    }

    fn error(&mut self, span: Span, message: impl Into<String>, label: &str) {
        self.diags
            .push(Diagnostic::error(span, message).with_label(label));
    }

    /// Reports a LANGUAGE.md §8 construct.
    fn unsupported(&mut self, span: Span, construct: &str) {
        self.error(
            span,
            format!("{construct} is not supported by Flux#"),
            "not supported",
        );
    }

    /// A name; a C# keyword is reported (and kept, so that the uses of what
    /// it declares resolve and report nothing more).
    fn ident(&mut self, pair: P) -> Ident {
        let ident = Ident {
            name: pair.as_str().to_string(),
            span: self.span(&pair),
        };
        self.is_keyword(&ident, false);
        ident
    }

    /// Whether a name is a C# keyword; reports it the first time in the file
    /// (in a type's place, as an unsupported type where Flux# lacks the type
    /// it names).
    fn is_keyword(&mut self, ident: &Ident, as_type: bool) -> bool {
        let name = ident.name.as_str();
        if !is_csharp_keyword(name) {
            return false;
        }
        if self.reported_keywords.insert(ident.name.clone()) {
            if as_type && UNSUPPORTED_TYPE_KEYWORDS.contains(&name) {
                self.unsupported(ident.span, &format!("the type `{name}`"));
            } else {
                self.error(ident.span, keyword_as_name_message(name), "a keyword");
            }
        }
        true
    }

    fn literal_error(&mut self, pair: &P, e: LiteralError) {
        let start = self.start(pair) + e.offset;
        self.error(
            Span::new(self.file, start, start + e.len),
            e.message,
            "here",
        );
    }

    /// Enters `levels` more levels, unless that goes past a limit.
    fn enter(&mut self, levels: Levels, span: Span) -> bool {
        if self.nesting + levels.nesting > MAX_NESTING {
            if !self.reported_too_deep {
                self.reported_too_deep = true;
                let message = format!("nesting too deep (more than {MAX_NESTING} levels)");
                self.error(span, message, "too deep");
            }
            return false;
        }
        if self.depth + levels.depth > MAX_TREE_DEPTH {
            if !self.reported_too_long {
                self.reported_too_long = true;
                let message = format!(
                    "chain too long: the syntax tree would be more than {MAX_TREE_DEPTH} levels deep"
                );
                self.error(span, message, "too long");
            }
            return false;
        }
        self.nesting += levels.nesting;
        self.depth += levels.depth;
        true
    }

    fn leave(&mut self, levels: Levels) {
        self.nesting -= levels.nesting;
        self.depth -= levels.depth;
    }

    fn error_expr(span: Span) -> Expr {
        Expr {
            kind: ExprKind::Error,
            span,
        }
    }

    // ───────────────────────── file and declarations

    pub fn file(&mut self, file: P) -> Vec<Entry> {
        let mut entries = Vec::new();
        for pair in file.into_inner() {
            self.top_item(pair, &mut entries);
        }
        entries
    }

    /// One top-level entry (also one inside a namespace).
    pub fn top_item(&mut self, pair: P, out: &mut Vec<Entry>) {
        match pair.as_rule() {
            Rule::include_directive => {
                let span = self.span(&pair);
                let lit = pair.into_inner().next().expect("grammar: string literal");
                match literal::string(lit.as_str()) {
                    Ok(path) => out.push(Entry::Include { path, span }),
                    Err(e) => self.literal_error(&lit, e),
                }
            }
            Rule::namespace_decl => {
                let file_scoped = pair.as_str().trim_end().ends_with(';');
                self.namespace_open(&pair);
                for inner in pair.into_inner().skip(1) {
                    self.top_item(inner, out);
                }
                if !file_scoped {
                    self.namespace_close();
                }
            }
            Rule::top_decl => {
                let (modifiers, span, decl) = self.declaration(pair);
                match decl.as_rule() {
                    Rule::class_decl | Rule::interface_decl | Rule::struct_decl => {
                        self.report_struct(&decl);
                        let mut items = Vec::new();
                        self.class(modifiers, span, decl, &mut items);
                        out.extend(items.into_iter().map(Entry::Item));
                    }
                    Rule::method_decl => {
                        let function = self.method(modifiers, span, decl);
                        out.extend(function.map(|m| Entry::Item(Item::Function(m))));
                    }
                    Rule::enum_decl => out.push(Entry::Item(Item::Enum(
                        self.enum_decl(modifiers, span, decl),
                    ))),
                    _ => self.unsupported_type(decl),
                }
            }
            // `using System;` and the end of input.
            _ => {}
        }
    }

    /// A declaration with modifiers: the modifiers, the span of the whole,
    /// and the declaration proper (`class_decl`, `method_decl`, …).
    fn declaration<'i>(&mut self, pair: P<'i>) -> (Modifiers, Span, P<'i>) {
        let span = self.span(&pair);
        let mut inner = pair.into_inner();
        let modifiers = self.modifiers(inner.next().expect("grammar: modifiers"));
        (modifiers, span, inner.next().expect("grammar: declaration"))
    }

    /// `namespace N {` (closed by [`Builder::namespace_close`]) or the
    /// file-scoped `namespace N;`: the classes declared from here on are in N.
    pub fn namespace_open(&mut self, pair: &P) {
        let name = pair
            .clone()
            .into_inner()
            .find(|p| p.as_rule() == Rule::qualified_name)
            .map(|p| p.as_str().split_whitespace().collect::<String>())
            .unwrap_or_default();
        self.namespaces.push(name);
    }

    /// The `}` of a `namespace N { … }`.
    pub fn namespace_close(&mut self) {
        self.namespaces.pop();
    }

    /// The full name of the namespace open here.
    fn namespace(&self) -> Option<String> {
        (!self.namespaces.is_empty()).then(|| self.namespaces.join("."))
    }

    /// A class, and the classes nested in it, hoisted to the top level.
    fn class(&mut self, modifiers: Modifiers, span: Span, pair: P, out: &mut Vec<Item>) {
        let is_interface = pair.as_rule() == Rule::interface_decl;
        let mut open = self.class_header(modifiers, span.start as usize, pair.into_inner());
        open.class.decl.is_interface = is_interface;
        if let Some(body) = open.body.take() {
            for member in body.into_inner() {
                self.member(member, &mut open.class);
            }
        }
        out.extend(open.class.close(span.end as usize, self.file));
    }

    /// A class's name and base from the pairs after its modifiers (those of
    /// `class_decl`, or of `class_open` when parsing in pieces); the body too
    /// when it is among them.
    fn class_header<'i>(
        &mut self,
        modifiers: Modifiers,
        start: usize,
        mut inner: Pairs<'i, Rule>,
    ) -> ClassHeader<'i> {
        let name = self.ident(inner.next().expect("grammar: class name"));
        let mut base = None;
        let mut base_args = Vec::new();
        let mut interfaces = Vec::new();
        let mut interface_args = Vec::new();
        let mut body = None;
        let mut type_params = Vec::new();
        for part in inner {
            match part.as_rule() {
                Rule::type_params => type_params = self.type_params(part),
                Rule::where_clause => self.where_clause(part, &mut type_params),
                Rule::base_list => {
                    (base, base_args, (interfaces, interface_args)) = self.base_list(part)
                }
                Rule::class_body => body = Some(part),
                _ => {}
            }
        }
        let class = OpenClass {
            start,
            decl: ClassDecl {
                modifiers,
                name,
                namespace: self.namespace(),
                outer: None,
                type_params,
                base,
                base_args,
                runtime_name: None,
                generic_origin: None,
                interfaces,
                interface_args,
                is_interface: false,
                members: Vec::new(),
                span: Span::new(self.file, start, start),
            },
            nested: Vec::new(),
        };
        ClassHeader { class, body }
    }

    /// `class C : B {` (a `class_open` piece): the class, to be filled member
    /// by member.
    pub fn class_open(&mut self, pair: P) -> OpenClass {
        let start = self.start(&pair);
        let mut inner = pair.into_inner();
        let modifiers = self.modifiers(inner.next().expect("grammar: modifiers"));
        self.class_header(modifiers, start, inner).class
    }

    /// Where a `class_close` piece ends in the file.
    pub fn end(&self, pair: &P) -> usize {
        self.base + pair.as_span().end()
    }

    /// `<K, V>` of a generic class: names without constraints yet.
    fn type_params(&mut self, pair: P) -> Vec<TypeParam> {
        pair.into_inner()
            .map(|p| TypeParam {
                name: self.ident(p),
                constraints: Vec::new(),
            })
            .collect()
    }

    /// `where T : class, Animal, new()`: constraints of one of `params`.
    fn where_clause(&mut self, pair: P, params: &mut [TypeParam]) {
        let mut inner = pair.into_inner();
        let name = self.ident(inner.next().expect("grammar: constrained name"));
        let mut constraints = Vec::new();
        for c in inner {
            let c = c.into_inner().next().expect("grammar: constraint");
            let span = self.span(&c);
            constraints.push(match c.as_rule() {
                Rule::constraint_class => Constraint::Class(span),
                Rule::constraint_struct => Constraint::Struct(span),
                Rule::constraint_new => Constraint::New(span),
                _ => match self.ty(c) {
                    Some(ty) => Constraint::Type(ty),
                    None => continue,
                },
            });
        }
        match params.iter_mut().find(|p| p.name.name == name.name) {
            Some(param) => param.constraints.extend(constraints),
            None => self.error(
                name.span,
                format!("`{}` is not a type parameter here", name.name),
                "no type parameter of this name",
            ),
        }
    }

    /// `: A, I, J<int>`: the first type (a base class or an interface: the
    /// checker tells) and the others (interfaces), each with its type
    /// arguments when generic.
    #[allow(clippy::type_complexity)]
    fn base_list(
        &mut self,
        pair: P,
    ) -> (
        Option<Ident>,
        Vec<TypeExpr>,
        (Vec<Ident>, Vec<Vec<TypeExpr>>),
    ) {
        let mut types = pair.into_inner();
        let first = types.next().expect("grammar: base type");
        let span = self.span(&first);
        let first = self.ty(first);
        let (first, first_args) = match self.base_type(first, span) {
            Some((name, args)) => (Some(name), args),
            None => (None, Vec::new()),
        };
        let rest = types
            .filter_map(|t| {
                let span = self.span(&t);
                let ty = self.ty(t);
                self.base_type(ty, span)
            })
            .unzip();
        (first, first_args, rest)
    }

    /// A base type's name and type arguments.
    fn base_type(&mut self, ty: Option<TypeExpr>, span: Span) -> Option<(Ident, Vec<TypeExpr>)> {
        match ty?.kind {
            TypeExprKind::Named(name) => Some((name, Vec::new())),
            TypeExprKind::Generic(g) => Some((g.name, g.args)),
            TypeExprKind::Task => Some((
                Ident {
                    name: "Task".into(),
                    span,
                },
                Vec::new(),
            )),
            _ => {
                self.error(
                    span,
                    "a class can only derive from a class or implement interfaces",
                    "not a class or interface",
                );
                None
            }
        }
    }

    /// One member (`member_decl`) of a class.
    pub fn member(&mut self, member: P, class: &mut OpenClass) {
        let (mut modifiers, span, decl) = self.declaration(member);
        if class.decl.is_interface && is_bodiless_member(&decl) {
            // C#: an interface's methods and properties are public and
            // abstract (one with a body, a default implementation, is
            // reported by the checker).
            modifiers.access = modifiers.access.or(Some((Access::Public, span)));
            modifiers.is_abstract = Some(span);
        }
        let members = &mut class.decl.members;
        match decl.as_rule() {
            // A member whose type was reported as unsupported is dropped.
            Rule::field_decl => {
                members.extend(self.field(modifiers, span, decl).map(Member::Field))
            }
            Rule::method_decl => {
                members.extend(self.method(modifiers, span, decl).map(Member::Method))
            }
            Rule::ctor_decl => members.extend(self.ctor(modifiers, span, decl).map(Member::Ctor)),
            Rule::class_decl | Rule::interface_decl | Rule::struct_decl => {
                self.report_struct(&decl);
                let mut items = Vec::new();
                self.class(modifiers, span, decl, &mut items);
                class.nest(items.into_iter());
            }
            Rule::enum_decl => {
                let decl = self.enum_decl(modifiers, span, decl);
                class.nest(std::iter::once(Item::Enum(decl)));
            }
            Rule::property_decl => {
                if let Some(parts) = self.property(modifiers, span, decl) {
                    members.extend(parts);
                }
            }
            _ => self.unsupported_type(decl),
        }
    }

    /// A struct is reported, then built as a class: its uses report nothing
    /// more (the program does not compile either way).
    fn report_struct(&mut self, pair: &P) {
        if pair.as_rule() == Rule::struct_decl {
            let span = self.keyword_span(pair, "struct".len());
            self.unsupported(span, "a `struct`");
        }
    }

    /// A delegate declaration: reported and dropped.
    fn unsupported_type(&mut self, pair: P) {
        let span = self.keyword_span(&pair, "delegate".len());
        self.unsupported(span, "a delegate");
    }

    /// `int X { get; set; } = 1;`, `int X { get { … } private set { … } }`,
    /// `int X => e;`: the property and its accessors as C# compiles them
    /// (see [`Member::Property`]).
    fn property(&mut self, modifiers: Modifiers, span: Span, pair: P) -> Option<Vec<Member>> {
        let mut inner = pair.into_inner();
        let ty = self.ty(inner.next().expect("grammar: property type"));
        let name_pair = inner.next().expect("grammar: property name");
        // An indexer is the property `Item` with parameters, as C# compiles it.
        let (name, params) = if name_pair.as_rule() == Rule::indexer_name {
            let mut parts = name_pair.into_inner();
            let this = parts.next().expect("grammar: this");
            let name = Ident {
                name: "Item".into(),
                span: self.span(&this),
            };
            let list = parts.next().expect("grammar: indexer parameters");
            (name, self.params(list)?)
        } else {
            (self.ident(name_pair), Vec::new())
        };
        let mut getter: Option<(Modifiers, Span, Option<Block>)> = None;
        let mut setter: Option<(Modifiers, Span, Option<Block>)> = None;
        let mut init = None;
        let mut arrow = None;
        for part in inner {
            match part.as_rule() {
                Rule::accessor => {
                    let accessor_span = self.span(&part);
                    let mut parts = part.into_inner();
                    let access = self.modifiers(parts.next().expect("grammar: modifiers"));
                    let kw = parts.next().expect("grammar: accessor keyword");
                    let kw_span = self.span(&kw);
                    let body = parts.next().and_then(|b| match b.as_rule() {
                        Rule::block => Some(self.block(b)),
                        Rule::expr_body => Some(self.expr_body(b, kw.as_str() != "get")),
                        _ => None,
                    });
                    let slot = match kw.as_str() {
                        "get" => &mut getter,
                        "set" => &mut setter,
                        _ => {
                            self.unsupported(kw_span, "an `init` accessor");
                            continue;
                        }
                    };
                    if slot.is_some() {
                        self.error(
                            accessor_span,
                            "property accessor already defined",
                            "a second one",
                        );
                    } else {
                        *slot = Some((access, kw_span, body));
                    }
                }
                Rule::expr_body => arrow = Some(self.expr_body(part, false)),
                Rule::expr | Rule::array_initializer => {
                    init = Some(self.var_init(part, ty.as_ref()))
                }
                _ => {}
            }
        }
        if let Some(body) = arrow {
            getter = Some((Modifiers::default(), name.span, Some(body)));
        }
        let ty = ty?;
        if getter.is_none() && setter.is_none() {
            self.error(
                name.span,
                format!("property `{}` must have at least one accessor", name.name),
                "no get or set",
            );
            return None;
        }
        let bodiless = [&getter, &setter]
            .into_iter()
            .flatten()
            .all(|(_, _, body)| body.is_none());
        let auto = bodiless && modifiers.is_abstract.is_none();
        if auto && !params.is_empty() {
            self.error(
                name.span,
                "an indexer's accessors must have bodies",
                "no body",
            );
            return None;
        }
        if let (Some(init), false) = (&init, auto) {
            self.error(
                init.span,
                "only auto-implemented properties can have initializers",
                "not an auto-property",
            );
        }
        if auto && getter.is_none() {
            self.error(
                name.span,
                "auto-implemented properties must have get accessors",
                "no get",
            );
            return None;
        }
        let backing = auto.then(|| format!("<{}>k__BackingField", name.name));
        let decl = PropertyDecl {
            modifiers: modifiers.clone(),
            ty: ty.clone(),
            name: name.clone(),
            getter: getter.as_ref().map(|g| g.1),
            setter: setter.as_ref().map(|s| s.1),
            backing: backing.clone(),
            params: params.clone(),
            span,
        };
        let mut out = Vec::new();
        if let Some(field) = &backing {
            out.push(Member::Field(backing_field(
                &modifiers,
                &ty,
                field,
                init,
                setter.is_none(),
                name.span,
            )));
        }
        let backing_ref = |span| Expr {
            kind: ExprKind::Name(Ident {
                name: backing.clone().unwrap_or_default(),
                span,
            }),
            span,
        };
        if let Some((access, at, body)) = getter {
            let body = body
                .or_else(|| auto.then(|| one_stmt(StmtKind::Return(Some(backing_ref(at))), at)));
            out.push(Member::Method(MethodDecl {
                type_params: Vec::new(),
                modifiers: accessor_modifiers(&modifiers, access),
                ret: ty.clone(),
                name: Ident {
                    name: decl.getter_name(),
                    span: name.span,
                },
                params: params.clone(),
                body,
                span,
            }));
        }
        if let Some((access, at, body)) = setter {
            let value = |span| Expr {
                kind: ExprKind::Name(Ident {
                    name: "value".into(),
                    span,
                }),
                span,
            };
            let body = body.or_else(|| {
                auto.then(|| {
                    let assign = ExprKind::Assign {
                        op: None,
                        target: Box::new(backing_ref(at)),
                        value: Box::new(value(at)),
                    };
                    one_stmt(
                        StmtKind::Expr(Expr {
                            kind: assign,
                            span: at,
                        }),
                        at,
                    )
                })
            });
            out.push(Member::Method(MethodDecl {
                type_params: Vec::new(),
                modifiers: accessor_modifiers(&modifiers, access),
                ret: TypeExpr {
                    kind: TypeExprKind::Void,
                    span: at,
                },
                name: Ident {
                    name: decl.setter_name(),
                    span: name.span,
                },
                params: params
                    .iter()
                    .cloned()
                    .chain([Param {
                        default: None,
                        is_params: false,
                        is_this: false,
                        mode: PassMode::Value,
                        ty: ty.clone(),
                        name: Ident {
                            name: "value".into(),
                            span: at,
                        },
                        span: at,
                    }])
                    .collect(),
                body,
                span,
            }));
        }
        out.push(Member::Property(decl));
        Some(out)
    }

    /// `enum E : int { A, B = 5, C }`.
    fn enum_decl(&mut self, modifiers: Modifiers, span: Span, pair: P) -> EnumDecl {
        let mut inner = pair.into_inner();
        let name = self.ident(inner.next().expect("grammar: enum name"));
        let mut underlying = None;
        let mut members = Vec::new();
        for part in inner {
            match part.as_rule() {
                Rule::ty => underlying = self.ty(part),
                Rule::enum_member => {
                    let member_span = self.span(&part);
                    let mut parts = part.into_inner();
                    let name = self.ident(parts.next().expect("grammar: member name"));
                    let value = parts.next().map(|v| self.expr(v));
                    members.push(EnumMember {
                        name,
                        value,
                        span: member_span,
                    });
                }
                _ => {}
            }
        }
        EnumDecl {
            outer: None,
            namespace: self.namespace(),
            modifiers,
            name,
            underlying,
            members,
            span,
        }
    }

    fn modifiers(&mut self, pair: P) -> Modifiers {
        let mut m = Modifiers::default();
        for modifier in pair.into_inner() {
            let span = self.span(&modifier);
            let word = modifier.as_str();
            // `internal` is `public` in a program of one assembly.
            let access = match word {
                "public" | "internal" => Some(Access::Public),
                "private" => Some(Access::Private),
                "protected" => Some(Access::Protected),
                _ => None,
            };
            if let Some(access) = access {
                if m.access.is_some() {
                    self.error(
                        span,
                        "more than one access modifier",
                        "second access modifier",
                    );
                } else {
                    m.access = Some((access, span));
                }
                continue;
            }
            let slot = match word {
                "static" => &mut m.is_static,
                "abstract" => &mut m.is_abstract,
                "sealed" => &mut m.is_sealed,
                "virtual" => &mut m.is_virtual,
                "override" => &mut m.is_override,
                "async" => &mut m.is_async,
                "readonly" => &mut m.is_readonly,
                "const" => &mut m.is_const,
                "extern" => &mut m.is_extern,
                _ => {
                    self.unsupported(span, "unsafe code");
                    continue;
                }
            };
            if slot.is_some() {
                self.error(span, format!("duplicate modifier `{word}`"), "repeated");
            } else {
                *slot = Some(span);
            }
        }
        m
    }

    fn field(&mut self, modifiers: Modifiers, span: Span, pair: P) -> Option<FieldDecl> {
        let mut inner = pair.into_inner();
        let ty = self.ty(inner.next().expect("grammar: field type"));
        let vars = inner
            .map(|v| self.var_declarator(v, ty.as_ref()))
            .collect_exact();
        Some(FieldDecl {
            modifiers,
            ty: ty?,
            vars,
            span,
        })
    }

    /// `ty` is `None` when the declared type was reported.
    fn var_declarator(&mut self, pair: P, ty: Option<&TypeExpr>) -> VarDecl {
        let span = self.span(&pair);
        let mut inner = pair.into_inner();
        let name = self.ident(inner.next().expect("grammar: variable name"));
        let init = inner.next().map(|init| self.var_init(init, ty));
        VarDecl { name, init, span }
    }

    /// An initializer; `{ 1, 2 }` stands for `new T[] { 1, 2 }` when the declared type is `T[]`.
    fn var_init(&mut self, pair: P, ty: Option<&TypeExpr>) -> Expr {
        if pair.as_rule() != Rule::array_initializer {
            return self.expr(pair);
        }
        let span = self.span(&pair);
        let elements = self.array_initializer(pair);
        match (ty.map(|t| &t.kind), elements) {
            (Some(TypeExprKind::Array(elem)), Some(init)) => {
                let kind = ExprKind::NewArray {
                    elem: elem.clone(),
                    len: None,
                    init: Some(init),
                };
                Expr { kind, span }
            }
            (None, _) | (_, None) => Self::error_expr(span),
            _ => {
                self.error(
                    span,
                    "an array initializer needs an array type",
                    "not an array",
                );
                Self::error_expr(span)
            }
        }
    }

    /// The elements of `{ a, b }`; `None` (after a report) for nested braces.
    fn array_initializer(&mut self, pair: P) -> Option<Vec<Expr>> {
        let mut elements = Vec::new();
        let mut ok = true;
        for element in pair.into_inner() {
            if element.as_rule() == Rule::array_initializer {
                if ok {
                    self.unsupported(self.span(&element), "a multi-dimensional array");
                }
                ok = false;
                self.array_initializer(element);
            } else {
                elements.push(self.expr(element));
            }
        }
        ok.then_some(elements)
    }

    /// `None` if a parameter type was reported (all are still built).
    fn params(&mut self, pair: P) -> Option<Vec<Param>> {
        let params: Vec<Option<Param>> = pair
            .into_inner()
            .map(|param| {
                let span = self.span(&param);
                let mut inner = param.into_inner().peekable();
                let mut modifier = inner.next_if(|p| p.as_rule() == Rule::param_modifier);
                let word = modifier.as_ref().map(|m| m.as_str());
                let (is_params, is_this) = (word == Some("params"), word == Some("this"));
                let mode = match word {
                    Some("ref") => PassMode::Ref,
                    Some("out") => PassMode::Out,
                    _ => PassMode::Value,
                };
                if is_params || is_this || mode != PassMode::Value {
                    modifier = None;
                }
                if let Some(modifier) = &modifier {
                    self.unsupported(self.span(modifier), "an `in` parameter");
                }
                let mut ty = self.ty(inner.next().expect("grammar: parameter type"));
                if let (Some(_), Some(t)) = (&modifier, &mut ty) {
                    // Reported: an error type keeps its uses and calls quiet.
                    t.kind = TypeExprKind::Error;
                }
                let name = self.ident(inner.next().expect("grammar: parameter name"));
                let default = inner.next().map(|d| self.expr(d));
                Some(Param {
                    ty: ty?,
                    name,
                    default,
                    is_params,
                    is_this,
                    mode,
                    span,
                })
            })
            .collect();
        params.into_iter().collect()
    }

    /// `None` (after building the body for its reports) when the signature
    /// has something unsupported.
    fn method(&mut self, modifiers: Modifiers, span: Span, pair: P) -> Option<MethodDecl> {
        let mut inner = pair.into_inner();
        let ret = self.ty(inner.next().expect("grammar: return type"));
        let name = self.ident(inner.next().expect("grammar: method name"));
        let mut params = Some(Vec::new());
        let mut body = None;
        let mut type_params = Vec::new();
        for part in inner {
            match part.as_rule() {
                Rule::type_params => type_params = self.type_params(part),
                Rule::where_clause => self.where_clause(part, &mut type_params),
                Rule::param_list => params = self.params(part),
                Rule::block => body = Some(self.block(part)),
                Rule::expr_body => {
                    let nothing = ret
                        .as_ref()
                        .is_none_or(|ret| returns_nothing(&modifiers, ret));
                    body = Some(self.expr_body(part, nothing));
                }
                _ => {}
            }
        }
        let method = MethodDecl {
            type_params,
            modifiers,
            ret: ret?,
            name,
            params: params?,
            body,
            span,
        };
        Some(method)
    }

    /// `=> e;` as a block: `{ e; }` when nothing is returned, else `{ return e; }`.
    fn expr_body(&mut self, pair: P, returns_nothing: bool) -> Block {
        let span = self.span(&pair);
        let expr = self.expr(pair.into_inner().next().expect("grammar: expression"));
        let kind = if returns_nothing {
            StmtKind::Expr(expr)
        } else {
            StmtKind::Return(Some(expr))
        };
        Block {
            stmts: vec![Stmt { kind, span }],
            span,
        }
    }

    fn ctor(&mut self, modifiers: Modifiers, span: Span, pair: P) -> Option<CtorDecl> {
        let mut inner = pair.into_inner();
        let name = self.ident(inner.next().expect("grammar: constructor name"));
        let mut params = Some(Vec::new());
        let mut init = None;
        let mut body = Block {
            stmts: Vec::new(),
            span,
        };
        for part in inner {
            match part.as_rule() {
                Rule::param_list => params = self.params(part),
                Rule::ctor_init => init = Some(self.ctor_init(part)),
                Rule::block => body = self.block(part),
                Rule::expr_body => body = self.expr_body(part, true),
                _ => {}
            }
        }
        Some(CtorDecl {
            modifiers,
            name,
            params: params?,
            init,
            body,
            span,
        })
    }

    fn ctor_init(&mut self, pair: P) -> CtorInit {
        let span = self.span(&pair);
        let mut inner = pair.into_inner();
        let kind = match inner.next().expect("grammar: base or this").as_str() {
            "base" => CtorInitKind::Base,
            _ => CtorInitKind::This,
        };
        let args = inner.map(|arg| self.call_arg(arg)).collect_exact();
        CtorInit { kind, args, span }
    }

    // ───────────────────────── types

    /// `T?`: for a reference type C# 8's nullable annotation, the same
    /// type; for a value type `Nullable<T>`, a struct Flux# does not have.
    fn nullable(&mut self, ty: TypeExpr, mark_span: Span) -> Option<TypeExpr> {
        if !self.is_value_type(&ty) {
            return Some(ty);
        }
        let name = crate::ast::dump::type_name(&ty);
        let at = ty.span.to(mark_span);
        self.unsupported(at, &format!("the nullable value type `{name}?`"));
        None
    }

    /// A written type; `None` once reported as unsupported (the caller then
    /// drops or replaces the construct that uses it).
    fn ty(&mut self, pair: P) -> Option<TypeExpr> {
        let span = self.span(&pair);
        let mut inner = pair.into_inner();
        let mut ty = self.type_atom(inner.next().expect("grammar: type"))?;
        if let Some(mark) = inner.peek().filter(|p| p.as_rule() == Rule::nullable_mark) {
            let mark_span = self.span(&mark);
            inner.next();
            ty = self.nullable(ty, mark_span)?;
        }
        for rank in inner {
            let rank_span = self.span(&rank);
            if rank.into_inner().next().is_some() {
                self.unsupported(rank_span, "a multi-dimensional array");
                return None;
            }
            ty = TypeExpr {
                kind: TypeExprKind::Array(Box::new(ty)),
                span: span.to(rank_span),
            };
        }
        ty.span = span;
        Some(ty)
    }

    /// The predefined value types (an enum or struct name is not known here:
    /// its `?` is taken as an annotation, and `null` for it is reported by
    /// the checker).
    fn is_value_type(&self, ty: &TypeExpr) -> bool {
        matches!(
            ty.kind,
            TypeExprKind::Int
                | TypeExprKind::Long
                | TypeExprKind::Double
                | TypeExprKind::Bool
                | TypeExprKind::Char
        )
    }

    fn type_atom(&mut self, pair: P) -> Option<TypeExpr> {
        let span = self.span(&pair);
        let kind = match pair.as_rule() {
            Rule::predefined_type => match pair.as_str() {
                "int" => TypeExprKind::Int,
                "long" => TypeExprKind::Long,
                "double" => {
                    self.mentions_double = true;
                    TypeExprKind::Double
                }
                "bool" => TypeExprKind::Bool,
                "char" => TypeExprKind::Char,
                "string" => TypeExprKind::String,
                "void" => TypeExprKind::Void,
                "var" => TypeExprKind::Var,
                other => {
                    // `float` and `decimal`: only `double` is Flux#'s.
                    self.unsupported(span, &format!("`{other}`"));
                    TypeExprKind::Error
                }
            },
            _ => self.class_type(pair)?,
        };
        Some(TypeExpr { kind, span })
    }

    /// A class name, `Task`, `Task<T>`, or a generic class with its arguments.
    fn class_type(&mut self, pair: P) -> Option<TypeExprKind> {
        let mut inner = pair.into_inner().peekable();
        let mut names = Vec::new();
        while let Some(name_pair) = inner.next_if(|p| p.as_rule() == Rule::ident) {
            names.push(Ident {
                name: name_pair.as_str().to_string(),
                span: self.span(&name_pair),
            });
        }
        let name = names.pop().expect("grammar: type name");
        if !names.is_empty() {
            self.qualified.push(QualifiedType {
                qualifier: names,
                name: name.clone(),
            });
        }
        if self.is_keyword(&name, true) {
            // An error type keeps the rest quiet.
            return Some(TypeExprKind::Error);
        }
        let Some(type_args) = inner.next() else {
            return Some(if name.name == "Task" {
                TypeExprKind::Task
            } else {
                TypeExprKind::Named(name)
            });
        };
        let args: Vec<Option<TypeExpr>> = type_args.into_inner().map(|arg| self.ty(arg)).collect();
        let args: Option<Vec<TypeExpr>> = args.into_iter().collect();
        // An argument already reported makes the whole type an error type.
        let Some(mut args) = args else {
            return Some(TypeExprKind::Error);
        };
        if name.name == "Task" && args.len() == 1 {
            return Some(TypeExprKind::TaskOf(Box::new(args.remove(0))));
        }
        Some(TypeExprKind::Generic(Box::new(GenericType { name, args })))
    }

    /// `<int, string>` at a call (a type already reported is an error type).
    fn type_arg_list(&mut self, pair: P) -> Vec<TypeExpr> {
        let span = self.span(&pair);
        pair.into_inner()
            .map(|arg| {
                self.ty(arg).unwrap_or(TypeExpr {
                    kind: TypeExprKind::Error,
                    span,
                })
            })
            .collect()
    }

    // ───────────────────────── statements

    fn block(&mut self, pair: P) -> Block {
        let span = self.span(&pair);
        let stmts = pair.into_inner().map(|s| self.stmt(s)).collect_exact();
        Block { stmts, span }
    }

    fn stmt(&mut self, pair: P) -> Stmt {
        let span = self.span(&pair);
        if !self.enter(Levels::nested(1), span) {
            return Stmt {
                kind: StmtKind::Error,
                span,
            };
        }
        let kind = self.stmt_kind(pair, span);
        self.leave(Levels::nested(1));
        Stmt { kind, span }
    }

    fn stmt_kind(&mut self, pair: P, span: Span) -> StmtKind {
        let rule = pair.as_rule();
        let mut inner = pair.clone().into_inner();
        let mut next = move || inner.next().expect("grammar: statement part");
        match rule {
            Rule::block => StmtKind::Block(self.block(pair)),
            Rule::local_stmt => self.local(next(), false),
            Rule::const_stmt => self.local(next(), true),
            Rule::fixed_array_stmt => self.fixed_array(pair, span),
            Rule::expr_stmt => StmtKind::Expr(self.expr(next())),
            Rule::if_stmt => self.if_chain(pair, span),
            Rule::while_stmt => {
                let cond = self.expr(next());
                StmtKind::While {
                    cond,
                    body: Box::new(self.stmt(next())),
                }
            }
            Rule::do_stmt => {
                let body = Box::new(self.stmt(next()));
                StmtKind::DoWhile {
                    body,
                    cond: self.expr(next()),
                }
            }
            Rule::for_stmt => self.for_stmt(pair),
            Rule::return_stmt => StmtKind::Return(pair.into_inner().next().map(|e| self.expr(e))),
            Rule::throw_stmt => StmtKind::Throw(pair.into_inner().next().map(|e| self.expr(e))),
            Rule::try_stmt => self.try_stmt(pair),
            Rule::foreach_stmt => self.foreach_stmt(pair),
            Rule::switch_stmt => self.switch_stmt(pair),
            Rule::break_stmt => StmtKind::Break,
            Rule::continue_stmt => StmtKind::Continue,
            Rule::empty_stmt => StmtKind::Empty,
            Rule::labeled_stmt => {
                self.unsupported(self.span(&next()), "`goto`");
                self.stmt(next()).kind
            }
            _ => self.unsupported_stmt(pair),
        }
    }

    /// `foreach (T x in e) body`; a type that is not Flux#'s was reported.
    fn foreach_stmt(&mut self, pair: P) -> StmtKind {
        let mut parts = pair.into_inner();
        let ty = self.ty(parts.next().expect("grammar: foreach type"));
        let var = self.ident(parts.next().expect("grammar: foreach variable"));
        let collection = self.expr(parts.next().expect("grammar: foreach collection"));
        let body = Box::new(self.stmt(parts.next().expect("grammar: foreach body")));
        match ty {
            Some(ty) => StmtKind::Foreach {
                ty,
                var,
                collection,
                body,
            },
            None => StmtKind::Error,
        }
    }

    /// `switch (e) { sections }`.
    fn switch_stmt(&mut self, pair: P) -> StmtKind {
        let mut parts = pair.into_inner();
        let value = self.expr(parts.next().expect("grammar: switch value"));
        let sections = parts.map(|section| self.switch_section(section)).collect();
        StmtKind::Switch { value, sections }
    }

    fn switch_section(&mut self, pair: P) -> SwitchSection {
        let span = self.span(&pair);
        let (mut labels, mut body) = (Vec::new(), Vec::new());
        for part in pair.into_inner() {
            match part.as_rule() {
                Rule::switch_label => {
                    let at = self.span(&part);
                    let value = part.into_inner().next().map(|e| self.expr(e));
                    labels.push((value, at));
                }
                _ => body.push(self.stmt(part)),
            }
        }
        SwitchSection { labels, body, span }
    }

    /// `try` block, its catch clauses, then the `finally` block if any.
    fn try_stmt(&mut self, pair: P) -> StmtKind {
        let mut parts = pair.into_inner();
        let body = self.block(parts.next().expect("grammar: try block"));
        let mut catches = Vec::new();
        let mut finally = None;
        for part in parts {
            match part.as_rule() {
                Rule::catch_clause => catches.push(self.catch_clause(part)),
                _ => finally = Some(self.block(part)),
            }
        }
        StmtKind::Try {
            body,
            catches,
            finally,
        }
    }

    fn catch_clause(&mut self, pair: P) -> CatchClause {
        let span = self.span(&pair);
        let (mut ty, mut var, mut body) = (None, None, None);
        for part in pair.into_inner() {
            match part.as_rule() {
                Rule::block => body = Some(self.block(part)),
                Rule::ident => var = Some(self.ident(part)),
                _ => ty = self.ty(part),
            }
        }
        CatchClause {
            ty,
            var,
            body: body.expect("grammar: catch block"),
            span,
        }
    }

    /// `if … else if … else …`. The grammar lists the `else if` branches flat;
    /// the nested `If` statements are built here from the last branch up, so
    /// a long chain neither nests nor recurses (it only deepens the tree).
    /// Each nested `If` spans from its `if` to the end of the chain.
    fn if_chain(&mut self, pair: P, span: Span) -> StmtKind {
        let parts: Vec<P> = pair.into_inner().collect();
        let links = parts
            .iter()
            .filter(|p| p.as_rule() == Rule::else_if)
            .count();
        if !self.enter(Levels::chain(links), span) {
            return StmtKind::Error;
        }
        let mut parts = parts.into_iter();
        let cond = self.expr(parts.next().expect("grammar: condition"));
        let then = self.stmt(parts.next().expect("grammar: then"));
        let mut branches = Vec::with_capacity(links);
        let mut otherwise = None;
        for part in parts {
            let rule = part.as_rule();
            let mut inner = part.into_inner();
            if rule == Rule::else_clause {
                otherwise = Some(Box::new(self.stmt(inner.next().expect("grammar: else"))));
                continue;
            }
            let start = self.start(&inner.next().expect("grammar: `if`"));
            let cond = self.expr(inner.next().expect("grammar: condition"));
            let then = self.stmt(inner.next().expect("grammar: then"));
            branches.push((start, cond, then));
        }
        self.leave(Levels::chain(links));
        for (start, cond, then) in branches.into_iter().rev() {
            let kind = StmtKind::If {
                cond,
                then: Box::new(then),
                otherwise,
            };
            let span = Span::new(self.file, start, span.end as usize);
            otherwise = Some(Box::new(Stmt { kind, span }));
        }
        StmtKind::If {
            cond,
            then: Box::new(then),
            otherwise,
        }
    }

    /// `int a = 1, b;` (`is_const` for `const int N = 3;`).
    fn local(&mut self, decl: P, is_const: bool) -> StmtKind {
        let mut inner = decl.into_inner();
        let ty = self.ty(inner.next().expect("grammar: local type"));
        let vars = inner
            .map(|v| self.var_declarator(v, ty.as_ref()))
            .collect_exact();
        match ty {
            Some(ty) => StmtKind::Local { is_const, ty, vars },
            None => StmtKind::Error,
        }
    }

    /// FluxSharp `int[10] a;` is `int[] a = new int[10];`.
    fn fixed_array(&mut self, pair: P, span: Span) -> StmtKind {
        let mut inner = pair.into_inner();
        let elem = self.type_atom(inner.next().expect("grammar: element type"));
        let len = self.expr(inner.next().expect("grammar: length"));
        let name = self.ident(inner.next().expect("grammar: name"));
        let Some(elem) = elem else {
            return StmtKind::Error;
        };
        let array_span = elem.span.to(len.span);
        let init = Expr {
            kind: ExprKind::NewArray {
                elem: Box::new(elem.clone()),
                len: Some(Box::new(len)),
                init: None,
            },
            span: array_span,
        };
        let ty = TypeExpr {
            kind: TypeExprKind::Array(Box::new(elem)),
            span: array_span,
        };
        let var = VarDecl {
            name,
            init: Some(init),
            span,
        };
        StmtKind::Local {
            is_const: false,
            ty,
            vars: vec![var],
        }
    }

    fn for_stmt(&mut self, pair: P) -> StmtKind {
        let (mut init, mut cond, mut step) = (Vec::new(), None, Vec::new());
        let mut body = None;
        for part in pair.into_inner() {
            match part.as_rule() {
                Rule::for_init => init = self.for_init(part),
                Rule::for_cond => {
                    cond = Some(self.expr(part.into_inner().next().expect("grammar: condition")))
                }
                Rule::for_step => step = part.into_inner().map(|e| self.expr(e)).collect_exact(),
                _ => body = Some(self.stmt(part)),
            }
        }
        let body = Box::new(body.expect("grammar: for body"));
        StmtKind::For {
            init,
            cond,
            step,
            body,
        }
    }

    fn for_init(&mut self, pair: P) -> Vec<Stmt> {
        let mut stmts = Vec::new();
        for part in pair.into_inner() {
            let span = self.span(&part);
            let kind = match part.as_rule() {
                Rule::local_decl => self.local(part, false),
                _ => StmtKind::Expr(self.expr(part)),
            };
            stmts.push(Stmt { kind, span });
        }
        stmts
    }

    /// foreach, switch, try, throw, goto, unsafe: reported at the keyword; the
    /// parts are built (for the constructs nested in them) and dropped.
    fn unsupported_stmt(&mut self, pair: P) -> StmtKind {
        let (keyword, construct) = match pair.as_rule() {
            Rule::goto_stmt => ("goto", "`goto`"),
            _ => ("unsafe", "unsafe code"),
        };
        self.unsupported(self.keyword_span(&pair, keyword.len()), construct);
        self.build_and_drop(pair);
        StmtKind::Error
    }

    /// Builds every statement, expression and type below `pair`, for their reports only.
    fn build_and_drop(&mut self, pair: P) {
        for part in pair.into_inner() {
            match part.as_rule() {
                Rule::expr => drop(self.expr(part)),
                Rule::ty => drop(self.ty(part)),
                Rule::ident => {}
                Rule::switch_section | Rule::switch_label | Rule::catch_clause => {
                    self.build_and_drop(part)
                }
                _ => drop(self.stmt(part)),
            }
        }
    }

    // ───────────────────────── expressions

    pub fn expr(&mut self, pair: P) -> Expr {
        let span = self.span(&pair);
        let mut inner = pair.into_inner();
        let first = inner.next().expect("grammar: expression");
        let second = inner.next();
        if first.as_rule() == Rule::lambda
            || second
                .as_ref()
                .is_some_and(|p| p.as_rule() == Rule::lambda_arrow)
        {
            self.unsupported(span, "a lambda expression");
            self.build_and_drop_lambda(second.unwrap_or(first));
            return Self::error_expr(span);
        }
        let Some(op) = second else {
            return self.conditional(first);
        };
        // `a = b = c` nests to the right: one level per assignment.
        if !self.enter(Levels::nested(1), span) {
            return Self::error_expr(span);
        }
        let target = self.conditional(first);
        let value = self.expr(inner.next().expect("grammar: assigned value"));
        self.leave(Levels::nested(1));
        let op = assign_op(op.as_str());
        if !is_assignable(&target) {
            let message =
                "the left side of an assignment must be a variable, a field or an array element";
            self.error(target.span, message, "not assignable");
            return Self::error_expr(span);
        }
        let kind = ExprKind::Assign {
            op,
            target: Box::new(target),
            value: Box::new(value),
        };
        Expr { kind, span }
    }

    fn build_and_drop_lambda(&mut self, lambda: P) {
        for part in lambda.into_inner() {
            match part.as_rule() {
                Rule::block => drop(self.block(part)),
                Rule::expr => drop(self.expr(part)),
                Rule::ty => drop(self.ty(part)),
                _ => {}
            }
        }
    }

    fn conditional(&mut self, pair: P) -> Expr {
        let span = self.span(&pair);
        let mut inner = pair.into_inner();
        let first = inner.next().expect("grammar: condition");
        let Some(then) = inner.next() else {
            return self.binary(first);
        };
        if !self.enter(Levels::nested(1), span) {
            return Self::error_expr(span);
        }
        let cond = Box::new(self.binary(first));
        let then = Box::new(self.expr(then));
        let otherwise = Box::new(self.expr(inner.next().expect("grammar: else branch")));
        self.leave(Levels::nested(1));
        Expr {
            kind: ExprKind::Conditional {
                cond,
                then,
                otherwise,
            },
            span,
        }
    }

    /// Operands and `is`/`as` types are built first; the Pratt parser then only
    /// arranges them by precedence.
    fn binary(&mut self, pair: P) -> Expr {
        let span = self.span(&pair);
        let parts: Vec<P> = pair.into_inner().collect();
        if parts.len() == 1 {
            return self.unary(parts.into_iter().next().expect("one part"));
        }
        // The chain can build a tree as deep as it has operators.
        let levels = Levels::chain(parts.len() / 2 + 1);
        if !self.enter(levels, span) {
            return Self::error_expr(span);
        }
        let mut operands = std::collections::VecDeque::new();
        let mut types = std::collections::VecDeque::new();
        for part in &parts {
            match part.as_rule() {
                Rule::unary => operands.push_back(self.unary(part.clone())),
                Rule::is_test | Rule::as_test => {
                    let mut inner = part.clone().into_inner();
                    let ty_pair = inner.next().expect("grammar: type");
                    let span = self.span(&ty_pair);
                    let binding = inner.next().map(|name| self.ident(name));
                    let end = binding.as_ref().map_or(span, |b| span.to(b.span));
                    types.push_back((self.ty(ty_pair), end, binding));
                }
                _ => {}
            }
        }
        self.leave(levels);
        let folded = PRATT
            .map_primary(|_| operands.pop_front().expect("one operand per unary"))
            .map_infix(|lhs, op, rhs| binary_node(op.as_rule(), lhs, rhs))
            .map_postfix(|operand, test| {
                let (ty, ty_span, binding) = types.pop_front().expect("one type per is/as");
                let span = operand.span.to(ty_span);
                let Some(ty) = ty else {
                    return Self::error_expr(span);
                };
                let operand = Box::new(operand);
                let kind = match test.as_rule() {
                    Rule::is_test => ExprKind::Is {
                        operand,
                        ty: Box::new(ty),
                        binding,
                    },
                    _ => ExprKind::As {
                        operand,
                        ty: Box::new(ty),
                    },
                };
                Expr { kind, span }
            })
            .parse(parts.into_iter());
        folded
    }

    fn unary(&mut self, pair: P) -> Expr {
        let span = self.span(&pair);
        let parts: Vec<P> = pair.into_inner().collect();
        let primary_at = parts
            .iter()
            .position(|p| !is_prefix(p.as_rule()))
            .expect("grammar: primary");
        // Prefix operators and the primary nest; postfix operators (`.b`,
        // `(…)`, `[…]`) chain.
        let levels = Levels {
            nesting: primary_at + 1,
            depth: parts.len(),
        };
        if !self.enter(levels, span) {
            return Self::error_expr(span);
        }
        let mut parts = parts.into_iter();
        let prefixes: Vec<P> = parts.by_ref().take(primary_at).collect();
        let mut expr = self.primary(parts.next().expect("grammar: primary"));
        for postfix in parts {
            expr = self.postfix(expr, postfix);
        }
        for prefix in prefixes.into_iter().rev() {
            expr = self.prefix(prefix, expr);
        }
        self.leave(levels);
        expr
    }

    fn postfix(&mut self, target: Expr, op: P) -> Expr {
        let span = target.span.to(self.span(&op));
        let kind = match op.as_rule() {
            Rule::member_access | Rule::generic_member => {
                let mut inner = op.into_inner();
                let name = self.ident(inner.next().expect("grammar: member name"));
                if let Some(args) = inner.next() {
                    self.pending_type_args = self.type_arg_list(args);
                }
                ExprKind::Member {
                    target: Box::new(target),
                    name,
                }
            }
            Rule::null_member => {
                let name = self.ident(op.into_inner().next().expect("grammar: member name"));
                ExprKind::NullMember {
                    target: Box::new(target),
                    name,
                }
            }
            Rule::call => {
                let args = op.into_inner().map(|a| self.call_arg(a)).collect_exact();
                ExprKind::Call {
                    callee: Box::new(target),
                    args,
                    type_args: std::mem::take(&mut self.pending_type_args),
                }
            }
            Rule::index => {
                let op_span = self.span(&op);
                let mut indices: Vec<Expr> = op.into_inner().map(|i| self.expr(i)).collect_exact();
                if indices.len() > 1 {
                    self.unsupported(op_span, "a multi-dimensional array");
                    return Self::error_expr(span);
                }
                let index = Box::new(indices.pop().expect("grammar: index"));
                ExprKind::Index {
                    target: Box::new(target),
                    index,
                }
            }
            rule => return self.inc_dec(target, rule == Rule::op_postinc, false, span),
        };
        Expr { kind, span }
    }

    /// A call's argument: an expression, or `ref x` / `out x` / `out int n`.
    fn call_arg(&mut self, pair: P) -> Expr {
        if pair.as_rule() == Rule::named_arg {
            let span = self.span(&pair);
            let mut inner = pair.into_inner();
            let name = self.ident(inner.next().expect("grammar: the name"));
            let value = self.call_arg(inner.next().expect("grammar: the value"));
            let kind = ExprKind::NamedArg {
                name,
                value: Box::new(value),
            };
            return Expr { kind, span };
        }
        if pair.as_rule() != Rule::ref_arg {
            return self.expr(pair);
        }
        let span = self.span(&pair);
        let mut inner = pair.into_inner();
        let word = inner.next().expect("grammar: ref or out");
        let mode = match word.as_str() {
            "ref" => PassMode::Ref,
            "out" => PassMode::Out,
            _ => {
                self.unsupported(self.span(&word), "an `in` argument");
                return Self::error_expr(span);
            }
        };
        let target = inner.next().expect("grammar: the argument");
        let kind = match target.as_rule() {
            Rule::out_decl if mode == PassMode::Out => {
                let mut parts = target.into_inner();
                let ty = self.ty(parts.next().expect("grammar: type"));
                let name = self.ident(parts.next().expect("grammar: name"));
                let Some(ty) = ty else {
                    return Self::error_expr(span);
                };
                let ty = (ty.kind != TypeExprKind::Var).then(|| Box::new(ty));
                ExprKind::OutVar { ty, name }
            }
            Rule::out_decl => {
                let at = self.span(&target);
                self.error(
                    at,
                    "a variable can be declared only in an `out` argument",
                    "not `out`",
                );
                return Self::error_expr(span);
            }
            _ => {
                let target = self.expr(target);
                ExprKind::RefArg {
                    mode,
                    target: Box::new(target),
                }
            }
        };
        Expr { kind, span }
    }

    fn prefix(&mut self, op: P, operand: Expr) -> Expr {
        let span = self.span(&op).to(operand.span);
        let unary = |op| ExprKind::Unary {
            op,
            operand: Box::new(operand.clone()),
        };
        let kind = match op.as_rule() {
            Rule::op_neg => unary(UnaryOp::Neg),
            Rule::op_plus => unary(UnaryOp::Plus),
            Rule::op_not => unary(UnaryOp::Not),
            Rule::op_bitnot => unary(UnaryOp::BitNot),
            Rule::await_op => ExprKind::Await(Box::new(operand)),
            Rule::cast_op => match self.ty(op.into_inner().next().expect("grammar: cast type")) {
                Some(ty) => ExprKind::Cast {
                    ty: Box::new(ty),
                    operand: Box::new(operand),
                },
                None => ExprKind::Error,
            },
            rule => return self.inc_dec(operand, rule == Rule::op_preinc, true, span),
        };
        Expr { kind, span }
    }

    fn inc_dec(&mut self, target: Expr, increment: bool, prefix: bool, span: Span) -> Expr {
        if !is_assignable(&target) {
            let op = if increment { "++" } else { "--" };
            let message =
                format!("the operand of `{op}` must be a variable, a field or an array element");
            self.error(target.span, message, "not assignable");
            return Self::error_expr(span);
        }
        Expr {
            kind: ExprKind::IncDec {
                prefix,
                increment,
                target: Box::new(target),
            },
            span,
        }
    }

    fn primary(&mut self, pair: P) -> Expr {
        let span = self.span(&pair);
        let kind = match pair.as_rule() {
            Rule::int_lit | Rule::hex_lit | Rule::bin_lit => {
                match literal::integer(pair.as_str()) {
                    Ok((value, long_suffix)) => ExprKind::Int { value, long_suffix },
                    Err(e) => {
                        self.literal_error(&pair, e);
                        ExprKind::Error
                    }
                }
            }
            Rule::float_lit => match literal::double(pair.as_str()) {
                Ok(value) => {
                    self.mentions_double = true;
                    ExprKind::Double(value)
                }
                Err(e) => {
                    self.literal_error(&pair, e);
                    ExprKind::Error
                }
            },
            Rule::bool_lit => ExprKind::Bool(pair.as_str() == "true"),
            Rule::null_lit => ExprKind::Null,
            Rule::this_expr => ExprKind::This,
            Rule::base_expr => ExprKind::Base,
            Rule::char_lit => self.decoded(&pair, literal::char, ExprKind::Char),
            Rule::string_lit => self.decoded(&pair, literal::string, ExprKind::Str),
            Rule::verbatim_string => ExprKind::Str(literal::verbatim_string(pair.as_str())),
            Rule::interp_string => self.interpolated(pair),
            Rule::default_expr => match pair.into_inner().next() {
                None => ExprKind::Default(None),
                Some(ty) => match self.ty(ty) {
                    Some(ty) => ExprKind::Default(Some(Box::new(ty))),
                    None => ExprKind::Error,
                },
            },
            Rule::generic_name => {
                let mut inner = pair.into_inner();
                let name = self.ident(inner.next().expect("grammar: method name"));
                self.pending_type_args = self.type_arg_list(inner.next().expect("grammar: types"));
                ExprKind::Name(name)
            }
            Rule::ident => {
                let name = self.ident(pair);
                self.mentions_double |= DOUBLE_NAMES.contains(&name.name.as_str());
                if is_csharp_keyword(&name.name) {
                    // Reported by `ident`; what the keyword names is unknown.
                    ExprKind::Error
                } else {
                    ExprKind::Name(name)
                }
            }
            Rule::typeref => match self.type_atom(pair.into_inner().next().expect("grammar: type"))
            {
                Some(ty) => ExprKind::TypeRef(Box::new(ty)),
                None => ExprKind::Error,
            },
            Rule::paren_expr => {
                let inner = self.expr(pair.into_inner().next().expect("grammar: expression"));
                return Expr { span, ..inner };
            }
            Rule::new_expr => {
                return self.new_expr(pair.into_inner().next().expect("grammar: new"), span)
            }
            _ => {
                // An anonymous `delegate (…) { … }`.
                self.unsupported(self.keyword_span(&pair, "delegate".len()), "a delegate");
                for part in pair.into_inner().filter(|p| p.as_rule() == Rule::block) {
                    self.block(part);
                }
                ExprKind::Error
            }
        };
        Expr { kind, span }
    }

    fn decoded<T>(
        &mut self,
        pair: &P,
        decode: fn(&str) -> Result<T, LiteralError>,
        wrap: fn(T) -> ExprKind,
    ) -> ExprKind {
        match decode(pair.as_str()) {
            Ok(value) => wrap(value),
            Err(e) => {
                self.literal_error(pair, e);
                ExprKind::Error
            }
        }
    }

    fn interpolated(&mut self, pair: P) -> ExprKind {
        let start = pair.as_span().start();
        let mut parts = Vec::new();
        for part in pair.into_inner() {
            if part.as_rule() == Rule::interp_hole {
                let mut inner = part.into_inner();
                let expr = self.expr(inner.next().expect("grammar: hole"));
                let mut format = HoleFormat::default();
                for spec in inner {
                    let text = spec.as_str();
                    match spec.as_rule() {
                        Rule::interp_align => {
                            let width = text[1..].trim().parse::<i32>();
                            match width {
                                Ok(w) => format.align = Some(w),
                                Err(_) => {
                                    let span = self.span(&spec);
                                    self.error(span, "the alignment is too large", "alignment");
                                }
                            }
                        }
                        _ => format.format = Some(text[1..].to_string()),
                    }
                }
                parts.push(InterpPart::Hole(expr, format));
                continue;
            }
            match literal::interpolated_text(part.as_str(), part.as_span().start() - start) {
                Ok(text) => parts.push(InterpPart::Text(text)),
                Err(e) => {
                    let at = self.base + start + e.offset;
                    self.error(Span::new(self.file, at, at + e.len), e.message, "here");
                    return ExprKind::Error;
                }
            }
        }
        ExprKind::Interpolated(parts)
    }

    fn new_expr(&mut self, pair: P, span: Span) -> Expr {
        let kind = match pair.as_rule() {
            Rule::new_object => self.new_object(pair),
            _ => self.new_array(pair, span),
        };
        Expr { kind, span }
    }

    fn new_object(&mut self, pair: P) -> ExprKind {
        let mut inner = pair.into_inner();
        let class = inner.next().expect("grammar: class");
        let mut args = Vec::new();
        let mut init = None;
        for part in inner {
            match part.as_rule() {
                Rule::new_args => {
                    args = part.into_inner().map(|a| self.call_arg(a)).collect_exact()
                }
                _ => init = Some(Box::new(self.object_init(part))),
            }
        }
        let Some(class) = self.type_atom(class) else {
            return ExprKind::Error;
        };
        ExprKind::New {
            class: Box::new(class),
            args,
            init,
        }
    }

    /// The elements of `{ … }` after `new C(…)`.
    fn object_init(&mut self, pair: P) -> Vec<InitElement> {
        pair.into_inner()
            .map(|element| {
                let span = self.span(&element);
                let part = element.into_inner().next().expect("grammar: element");
                match part.as_rule() {
                    Rule::index_init => {
                        let mut parts = part.into_inner();
                        let index = self.expr(parts.next().expect("grammar: index"));
                        let value = self.expr(parts.next().expect("grammar: value"));
                        InitElement::Index { index, value, span }
                    }
                    Rule::array_initializer => match self.array_initializer(part) {
                        Some(values) => InitElement::Values(values, span),
                        None => InitElement::Value(Expr {
                            kind: ExprKind::Error,
                            span,
                        }),
                    },
                    _ => InitElement::Value(self.expr(part)),
                }
            })
            .collect()
    }

    /// `new T[n]`, `new T[n][]`, `new T[] { … }`, `new T[n] { … }`.
    fn new_array(&mut self, pair: P, span: Span) -> ExprKind {
        let mut inner = pair.into_inner().peekable();
        let first = inner.next().expect("grammar: array type");
        if first.as_rule() == Rule::ty {
            let ty = self.ty(first);
            let init = self.array_initializer(inner.next().expect("grammar: initializer"));
            return match (ty.map(|t| t.kind), init) {
                (Some(TypeExprKind::Array(elem)), Some(init)) => ExprKind::NewArray {
                    elem,
                    len: None,
                    init: Some(init),
                },
                (None, _) | (_, None) => ExprKind::Error,
                _ => {
                    self.error(
                        span,
                        "object initializers are not supported by Flux#",
                        "not supported",
                    );
                    ExprKind::Error
                }
            };
        }
        let mut elem = self.type_atom(first);
        if let Some(mark) = inner.next_if(|p| p.as_rule() == Rule::element_nullable_mark) {
            let mark_span = self.span(&mark);
            elem = elem.and_then(|t| self.nullable(t, mark_span));
        }
        let dims = inner.next().expect("grammar: dimensions");
        let dims_span = self.span(&dims);
        let mut lens: Vec<Expr> = dims.into_inner().map(|d| self.expr(d)).collect_exact();
        if lens.len() > 1 {
            self.unsupported(dims_span, "a multi-dimensional array");
            return ExprKind::Error;
        }
        let Some(mut elem) = elem else {
            return ExprKind::Error;
        };
        let mut init = None;
        for part in inner {
            let part_span = self.span(&part);
            if part.as_rule() == Rule::array_initializer {
                init = self.array_initializer(part);
            } else if part.into_inner().next().is_some() {
                self.unsupported(part_span, "a multi-dimensional array");
                return ExprKind::Error;
            } else {
                // `new int[n][]`: an array of n `int[]`.
                let span = elem.span.to(part_span);
                elem = TypeExpr {
                    kind: TypeExprKind::Array(Box::new(elem)),
                    span,
                };
            }
        }
        ExprKind::NewArray {
            elem: Box::new(elem),
            len: lens.pop().map(Box::new),
            init,
        }
    }
}

/// Whether a method declared with these modifiers and return type returns no
/// value from its body (`void`, or `async Task`).
fn returns_nothing(modifiers: &Modifiers, ret: &TypeExpr) -> bool {
    match ret.kind {
        TypeExprKind::Void => true,
        TypeExprKind::Task => modifiers.is_async.is_some(),
        _ => false,
    }
}

/// A name, a member or an array element (or an error already reported).
fn is_assignable(e: &Expr) -> bool {
    matches!(
        e.kind,
        ExprKind::Name(_) | ExprKind::Member { .. } | ExprKind::Index { .. } | ExprKind::Error
    )
}

fn is_prefix(rule: Rule) -> bool {
    matches!(
        rule,
        Rule::op_preinc
            | Rule::op_predec
            | Rule::op_neg
            | Rule::op_plus
            | Rule::op_not
            | Rule::op_bitnot
            | Rule::cast_op
            | Rule::await_op
    )
}

fn assign_op(text: &str) -> Option<BinaryOp> {
    Some(match text {
        "+=" => BinaryOp::Add,
        "-=" => BinaryOp::Sub,
        "*=" => BinaryOp::Mul,
        "/=" => BinaryOp::Div,
        "%=" => BinaryOp::Rem,
        "&=" => BinaryOp::BitAnd,
        "|=" => BinaryOp::BitOr,
        "^=" => BinaryOp::BitXor,
        "<<=" => BinaryOp::Shl,
        ">>=" => BinaryOp::Shr,
        "??=" => BinaryOp::Coalesce,
        _ => return None,
    })
}

fn binary_node(rule: Rule, lhs: Expr, rhs: Expr) -> Expr {
    let op = match rule {
        Rule::op_coalesce => BinaryOp::Coalesce,
        Rule::op_or => BinaryOp::Or,
        Rule::op_and => BinaryOp::And,
        Rule::op_bitor => BinaryOp::BitOr,
        Rule::op_xor => BinaryOp::BitXor,
        Rule::op_bitand => BinaryOp::BitAnd,
        Rule::op_eq => BinaryOp::Eq,
        Rule::op_ne => BinaryOp::Ne,
        Rule::op_lt => BinaryOp::Lt,
        Rule::op_gt => BinaryOp::Gt,
        Rule::op_le => BinaryOp::Le,
        Rule::op_ge => BinaryOp::Ge,
        Rule::op_shl => BinaryOp::Shl,
        Rule::op_shr => BinaryOp::Shr,
        Rule::op_add => BinaryOp::Add,
        Rule::op_sub => BinaryOp::Sub,
        Rule::op_mul => BinaryOp::Mul,
        Rule::op_div => BinaryOp::Div,
        _ => BinaryOp::Rem,
    };
    let span = lhs.span.to(rhs.span);
    Expr {
        kind: ExprKind::Binary {
            op,
            lhs: Box::new(lhs),
            rhs: Box::new(rhs),
        },
        span,
    }
}

/// An auto-property's backing field: private, static with the property,
/// read-only when there is no `set` (assigned in a constructor only).
fn backing_field(
    property: &Modifiers,
    ty: &TypeExpr,
    name: &str,
    init: Option<Expr>,
    read_only: bool,
    span: Span,
) -> FieldDecl {
    let modifiers = Modifiers {
        access: Some((Access::Private, span)),
        is_static: property.is_static,
        is_readonly: read_only.then_some(span),
        ..Modifiers::default()
    };
    FieldDecl {
        modifiers,
        ty: ty.clone(),
        vars: vec![VarDecl {
            name: Ident {
                name: name.to_string(),
                span,
            },
            init,
            span,
        }],
        span,
    }
}

/// An accessor's modifiers: the property's, with the accessor's own access
/// (`private set`) if it has one.
fn accessor_modifiers(property: &Modifiers, accessor: Modifiers) -> Modifiers {
    Modifiers {
        access: accessor.access.or(property.access),
        ..property.clone()
    }
}

fn one_stmt(kind: StmtKind, span: Span) -> Block {
    Block {
        stmts: vec![Stmt { kind, span }],
        span,
    }
}

/// A method or property declared without any body (`int F();`, `int X { get; }`).
fn is_bodiless_member(decl: &P) -> bool {
    let bodies = |p: &P| {
        p.clone()
            .into_inner()
            .flatten()
            .any(|p| matches!(p.as_rule(), Rule::block | Rule::expr_body))
    };
    matches!(decl.as_rule(), Rule::method_decl | Rule::property_decl) && !bodies(decl)
}
