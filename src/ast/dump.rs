//! The AST as a readable indented tree, for `flux-viz compile --emit ast` and
//! snapshot tests.
//!
//! In: a program and the sources its spans point into. Out: one node per line,
//! indented two spaces per level, each with its position, e.g.
//! ```text
//! Class Program @7:1
//!   Method Twice (static async) -> Task<int> @8:5
//!     Param int x @8:35
//! ```
//! Positions are `@line:col` in the main file and `@file:line:col` in an
//! included one. Lines without a position (`else`, `init`, …) name the role
//! of the nodes below them. The output depends on nothing but the input.

use super::*;
use crate::source::{FileId, Sources};
use std::fmt::Write;

/// The whole program as text.
pub fn program(sources: &Sources, program: &Program) -> String {
    let mut d = Dumper {
        sources,
        out: String::new(),
        indent: 0,
    };
    d.line("Program", None);
    d.nested(|d| {
        for item in &program.items {
            match item {
                Item::Class(c) => d.class(c),
                Item::Function(m) => d.method("Function", m),
                Item::Enum(e) => {
                    let members: Vec<&str> =
                        e.members.iter().map(|m| m.name.name.as_str()).collect();
                    d.line(
                        &format!("Enum {} {{ {} }}", e.name.name, members.join(", ")),
                        Some(e.span),
                    );
                }
            }
        }
    });
    d.out
}

/// A type as C# writes it: `int`, `Task<int>`, `int[]`, `Counter`.
pub fn type_name(t: &TypeExpr) -> String {
    match &t.kind {
        TypeExprKind::Int => "int".into(),
        TypeExprKind::Long => "long".into(),
        TypeExprKind::Double => "double".into(),
        TypeExprKind::Bool => "bool".into(),
        TypeExprKind::Char => "char".into(),
        TypeExprKind::String => "string".into(),
        TypeExprKind::Void => "void".into(),
        TypeExprKind::Var => "var".into(),
        TypeExprKind::Task => "Task".into(),
        TypeExprKind::TaskOf(inner) => format!("Task<{}>", type_name(inner)),
        TypeExprKind::Array(inner) => format!("{}[]", type_name(inner)),
        TypeExprKind::Named(name) => name.name.clone(),
        TypeExprKind::Generic(g) => {
            let args: Vec<String> = g.args.iter().map(type_name).collect();
            format!("{}<{}>", g.name.name, args.join(", "))
        }
        TypeExprKind::Error => "{error}".into(),
    }
}

/// `(public static async)`, or nothing when there are no modifiers.
fn modifiers(m: &Modifiers) -> String {
    let access = m.access.map(|(a, _)| match a {
        Access::Public => "public",
        Access::Private => "private",
        Access::Protected => "protected",
    });
    let flags = [
        (m.is_static, "static"),
        (m.is_abstract, "abstract"),
        (m.is_virtual, "virtual"),
        (m.is_override, "override"),
        (m.is_sealed, "sealed"),
        (m.is_async, "async"),
        (m.is_const, "const"),
        (m.is_readonly, "readonly"),
    ];
    let words: Vec<&str> = access
        .into_iter()
        .chain(flags.iter().filter(|(s, _)| s.is_some()).map(|&(_, w)| w))
        .collect();
    if words.is_empty() {
        String::new()
    } else {
        format!(" ({})", words.join(" "))
    }
}

/// The deepest level shown by indentation alone.
const MAX_INDENT: usize = 64;

struct Dumper<'a> {
    sources: &'a Sources,
    out: String,
    indent: usize,
}

impl Dumper<'_> {
    fn line(&mut self, text: &str, span: Option<Span>) {
        // Long chains make deep trees: past a point the level is written as a
        // number, so the text grows linearly with the tree, not quadratically.
        let spaces = 2 * self.indent.min(MAX_INDENT);
        self.out.extend(std::iter::repeat_n(' ', spaces));
        if self.indent > MAX_INDENT {
            let _ = write!(self.out, "[level {}] ", self.indent);
        }
        self.out.push_str(text);
        if let Some(span) = span {
            let (line, col) = self.sources.line_col(span);
            if span.file == FileId(0) {
                let _ = write!(self.out, " @{line}:{col}");
            } else {
                let _ = write!(
                    self.out,
                    " @{}:{line}:{col}",
                    self.sources.get(span.file).name
                );
            }
        }
        self.out.push('\n');
    }

    fn nested(&mut self, f: impl FnOnce(&mut Self)) {
        self.indent += 1;
        f(self);
        self.indent -= 1;
    }

    /// A role line (`else`, `init`, …) with its nodes below it.
    fn role(&mut self, role: &str, f: impl FnOnce(&mut Self)) {
        self.line(role, None);
        self.nested(f);
    }

    fn class(&mut self, c: &ClassDecl) {
        let bases: Vec<&str> = c
            .base
            .iter()
            .chain(&c.interfaces)
            .map(|b| b.name.as_str())
            .collect();
        let base = match bases.is_empty() {
            true => String::new(),
            false => format!(" : {}", bases.join(", ")),
        };
        let kind = if c.is_interface { "Interface" } else { "Class" };
        let namespace = c
            .namespace
            .as_ref()
            .map_or(String::new(), |n| format!(" in {n}"));
        self.line(
            &format!(
                "{kind} {}{base}{namespace}{}",
                c.name.name,
                modifiers(&c.modifiers)
            ),
            Some(c.span),
        );
        self.nested(|d| {
            for member in &c.members {
                match member {
                    Member::Field(f) => d.field(f),
                    Member::Method(m) => d.method("Method", m),
                    Member::Ctor(ctor) => d.ctor(ctor),
                    Member::Property(p) => d.property(p),
                }
            }
        });
    }

    fn property(&mut self, p: &PropertyDecl) {
        let accessors = [("get", p.getter), ("set", p.setter)]
            .iter()
            .filter(|(_, at)| at.is_some())
            .map(|(word, _)| *word)
            .collect::<Vec<_>>()
            .join(" ");
        let backing = p
            .backing
            .as_ref()
            .map_or(String::new(), |b| format!(" backed by {b}"));
        self.line(
            &format!(
                "Property {} {} {{ {accessors} }}{backing}{}",
                type_name(&p.ty),
                p.name.name,
                modifiers(&p.modifiers)
            ),
            Some(p.span),
        );
    }

    fn field(&mut self, f: &FieldDecl) {
        self.line(
            &format!("Field {}{}", type_name(&f.ty), modifiers(&f.modifiers)),
            Some(f.span),
        );
        self.nested(|d| d.vars(&f.vars));
    }

    fn vars(&mut self, vars: &[VarDecl]) {
        for v in vars {
            self.line(&format!("Var {}", v.name.name), Some(v.span));
            if let Some(init) = &v.init {
                self.nested(|d| d.expr(init));
            }
        }
    }

    fn params(&mut self, params: &[Param]) {
        for p in params {
            self.line(
                &format!("Param {} {}", type_name(&p.ty), p.name.name),
                Some(p.span),
            );
        }
    }

    fn method(&mut self, what: &str, m: &MethodDecl) {
        let header = format!(
            "{what} {}{} -> {}",
            m.name.name,
            modifiers(&m.modifiers),
            type_name(&m.ret)
        );
        self.line(&header, Some(m.span));
        self.nested(|d| {
            d.params(&m.params);
            match &m.body {
                Some(body) => d.block(body),
                None => d.line("NoBody", None),
            }
        });
    }

    fn ctor(&mut self, c: &CtorDecl) {
        self.line(
            &format!("Ctor {}{}", c.name.name, modifiers(&c.modifiers)),
            Some(c.span),
        );
        self.nested(|d| {
            d.params(&c.params);
            if let Some(init) = &c.init {
                let kind = match init.kind {
                    CtorInitKind::Base => "base",
                    CtorInitKind::This => "this",
                };
                d.line(&format!("CtorInit {kind}"), Some(init.span));
                d.nested(|d| d.exprs(&init.args));
            }
            d.block(&c.body);
        });
    }

    fn block(&mut self, b: &Block) {
        self.line("Block", Some(b.span));
        self.nested(|d| {
            for s in &b.stmts {
                d.stmt(s);
            }
        });
    }

    fn stmt(&mut self, s: &Stmt) {
        let span = Some(s.span);
        match &s.kind {
            StmtKind::Block(b) => self.block(b),
            StmtKind::Local { is_const, ty, vars } => {
                let what = if *is_const { "Const" } else { "Local" };
                self.line(&format!("{what} {}", type_name(ty)), span);
                self.nested(|d| d.vars(vars));
            }
            StmtKind::Expr(e) => {
                self.line("ExprStmt", span);
                self.nested(|d| d.expr(e));
            }
            StmtKind::If {
                cond,
                then,
                otherwise,
            } => {
                self.line("If", span);
                self.nested(|d| {
                    d.expr(cond);
                    d.stmt(then);
                    if let Some(otherwise) = otherwise {
                        d.role("else", |d| d.stmt(otherwise));
                    }
                });
            }
            StmtKind::While { cond, body } => {
                self.line("While", span);
                self.nested(|d| {
                    d.expr(cond);
                    d.stmt(body);
                });
            }
            StmtKind::DoWhile { body, cond } => {
                self.line("DoWhile", span);
                self.nested(|d| {
                    d.stmt(body);
                    d.expr(cond);
                });
            }
            StmtKind::For {
                init,
                cond,
                step,
                body,
            } => {
                self.line("For", span);
                self.nested(|d| {
                    d.role("init", |d| init.iter().for_each(|s| d.stmt(s)));
                    d.role("cond", |d| cond.iter().for_each(|c| d.expr(c)));
                    d.role("step", |d| d.exprs(step));
                    d.stmt(body);
                });
            }
            StmtKind::Switch { value, sections } => {
                self.line("Switch", span);
                self.nested(|d| {
                    d.expr(value);
                    for section in sections {
                        d.line("Section", Some(section.span));
                        d.nested(|d| {
                            for (label, at) in &section.labels {
                                match label {
                                    Some(e) => d.role("case", |d| d.expr(e)),
                                    None => d.line("Default", Some(*at)),
                                }
                            }
                            section.body.iter().for_each(|s| d.stmt(s));
                        });
                    }
                });
            }
            StmtKind::Foreach {
                ty,
                var,
                collection,
                body,
            } => {
                self.line(&format!("Foreach {} {}", type_name(ty), var.name), span);
                self.nested(|d| {
                    d.expr(collection);
                    d.stmt(body);
                });
            }
            StmtKind::Break => self.line("Break", span),
            StmtKind::Continue => self.line("Continue", span),
            StmtKind::Return(value) => {
                self.line("Return", span);
                self.nested(|d| value.iter().for_each(|v| d.expr(v)));
            }
            StmtKind::Throw(value) => {
                self.line("Throw", span);
                self.nested(|d| value.iter().for_each(|v| d.expr(v)));
            }
            StmtKind::Try {
                body,
                catches,
                finally,
            } => {
                self.line("Try", span);
                self.nested(|d| {
                    d.block(body);
                    for c in catches {
                        let ty = c.ty.as_ref().map_or("*".to_string(), type_name);
                        let var = c.var.as_ref().map_or("", |v| v.name.as_str());
                        d.line(&format!("Catch {ty} {var}"), Some(c.span));
                        d.nested(|d| d.block(&c.body));
                    }
                    if let Some(f) = finally {
                        d.role("finally", |d| d.block(f));
                    }
                });
            }
            StmtKind::Empty => self.line("Empty", span),
            StmtKind::Error => self.line("ErrorStmt", span),
        }
    }

    fn exprs(&mut self, es: &[Expr]) {
        for e in es {
            self.expr(e);
        }
    }

    fn expr(&mut self, e: &Expr) {
        let span = Some(e.span);
        match &e.kind {
            ExprKind::Int { value, long_suffix } => self.line(
                &format!("Int {value}{}", if *long_suffix { "L" } else { "" }),
                span,
            ),
            ExprKind::Double(v) => self.line(&format!("Double {v:?}"), span),
            ExprKind::Bool(b) => self.line(&format!("Bool {b}"), span),
            ExprKind::Char(c) => {
                let shown = char::from_u32(u32::from(*c))
                    .map_or(format!("\\u{c:04x}"), |c| c.escape_debug().to_string());
                self.line(&format!("Char '{shown}'"), span)
            }
            ExprKind::Str(s) => self.line(&format!("Str {s:?}"), span),
            ExprKind::Null => self.line("Null", span),
            ExprKind::Interpolated(parts) => {
                self.line("Interpolated", span);
                self.nested(|d| {
                    for part in parts {
                        match part {
                            InterpPart::Text(t) => d.line(&format!("Text {t:?}"), None),
                            InterpPart::Hole(e, format) => {
                                if *format != HoleFormat::default() {
                                    let (align, spec) = (format.align, &format.format);
                                    d.line(&format!("Format align={align:?} spec={spec:?}"), None);
                                }
                                d.expr(e)
                            }
                        }
                    }
                });
            }
            ExprKind::Name(n) => self.line(&format!("Name {}", n.name), span),
            ExprKind::TypeRef(t) => self.line(&format!("TypeRef {}", type_name(t)), span),
            ExprKind::This => self.line("This", span),
            ExprKind::Base => self.line("Base", span),
            ExprKind::Member { target, name } => {
                self.node(&format!("Member .{}", name.name), span, &[target])
            }
            ExprKind::NullMember { target, name } => {
                self.node(&format!("NullMember ?.{}", name.name), span, &[target])
            }
            ExprKind::Index { target, index } => self.node("Index", span, &[target, index]),
            ExprKind::Call {
                callee,
                args,
                type_args,
            } => {
                let types: Vec<String> = type_args.iter().map(type_name).collect();
                match types.is_empty() {
                    true => self.line("Call", span),
                    false => self.line(&format!("Call <{}>", types.join(", ")), span),
                }
                self.nested(|d| {
                    d.expr(callee);
                    d.role("args", |d| d.exprs(args));
                });
            }
            ExprKind::Default(ty) => {
                let ty = ty.as_deref().map_or("literal".to_string(), type_name);
                self.line(&format!("Default {ty}"), span);
            }
            ExprKind::NamedArg { name, value } => {
                self.line(&format!("NamedArg {}", name.name), span);
                self.nested(|d| d.expr(value));
            }
            ExprKind::RefArg { mode, target } => {
                self.line(&format!("RefArg {}", mode.word()), span);
                self.nested(|d| d.expr(target));
            }
            ExprKind::OutVar { ty, name } => {
                let ty = ty.as_deref().map_or("var".to_string(), type_name);
                self.line(&format!("OutVar {ty} {}", name.name), span);
            }
            ExprKind::New { class, args, init } => {
                self.line(&format!("New {}", type_name(class)), span);
                if let Some(init) = init {
                    self.nested(|d| {
                        d.role("init", |d| {
                            for element in init.iter() {
                                match element {
                                    InitElement::Value(e) => d.expr(e),
                                    InitElement::Values(list, _) => d.exprs(list),
                                    InitElement::Index { index, value, .. } => {
                                        d.expr(index);
                                        d.expr(value);
                                    }
                                }
                            }
                        })
                    });
                }
                self.nested(|d| d.exprs(args));
            }
            ExprKind::NewArray { elem, len, init } => {
                self.line(&format!("NewArray {}", type_name(elem)), span);
                self.nested(|d| {
                    if let Some(len) = len {
                        d.role("len", |d| d.expr(len));
                    }
                    if let Some(init) = init {
                        d.role("init", |d| d.exprs(init));
                    }
                });
            }
            ExprKind::Unary { op, operand } => {
                self.node(&format!("Unary {}", op.symbol()), span, &[operand])
            }
            ExprKind::Binary { op, lhs, rhs } => {
                self.node(&format!("Binary {}", op.symbol()), span, &[lhs, rhs])
            }
            ExprKind::Assign { op, target, value } => {
                let symbol = op.map_or("=".to_string(), |op| format!("{}=", op.symbol()));
                self.node(&format!("Assign {symbol}"), span, &[target, value])
            }
            ExprKind::IncDec {
                prefix,
                increment,
                target,
            } => {
                let op = if *increment { "++" } else { "--" };
                let fix = if *prefix { "prefix" } else { "postfix" };
                self.node(&format!("IncDec {op} {fix}"), span, &[target])
            }
            ExprKind::Conditional {
                cond,
                then,
                otherwise,
            } => self.node("Conditional", span, &[cond, then, otherwise]),
            ExprKind::Cast { ty, operand } => {
                self.node(&format!("Cast ({})", type_name(ty)), span, &[operand])
            }
            ExprKind::Is { operand, ty, .. } => {
                self.node(&format!("Is {}", type_name(ty)), span, &[operand])
            }
            ExprKind::As { operand, ty } => {
                self.node(&format!("As {}", type_name(ty)), span, &[operand])
            }
            ExprKind::Await(operand) => self.node("Await", span, &[operand]),
            ExprKind::Error => self.line("ErrorExpr", span),
        }
    }

    fn node(&mut self, text: &str, span: Option<Span>, children: &[&Expr]) {
        self.line(text, span);
        self.nested(|d| children.iter().for_each(|c| d.expr(c)));
    }
}
