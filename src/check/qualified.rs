//! Qualified type names: `Outer.Inner`, `Zoo.Animal`, `System.Text.StringBuilder`
//! as types, and `System.Console.WriteLine`, `Zoo.Util.F()`,
//! `Outer.Inner.Count` on the left of `.` in expressions.
//!
//! In: the program's qualified type names (`ast::Program::qualified_types`,
//! collected by the parser), the dotted names of expressions and the
//! program's declarations. Out: an error for a qualifier that does not say
//! where the type is declared, as C# reports it (CS0426, CS0234, CS0246);
//! for an expression, the type it names. Flux#'s type names are one flat
//! space: nested classes are hoisted to the top level under their own names,
//! so once the qualifier is right the type is its last name, resolved as any
//! other.

use super::call::Target;
use super::scope::{FnCx, Lookup};
use super::Checker;
use crate::ast::{self, ExprKind as A, Item};
use std::collections::HashMap;

/// The namespaces of .NET a Flux# program may name: the system library's
/// types are in all of them (lib/*.fs keep no namespaces of their own).
const SYSTEM_NAMESPACES: [&str; 7] = [
    "System",
    "System.Collections",
    "System.Collections.Generic",
    "System.Text",
    "System.Threading",
    "System.Threading.Tasks",
    "System.Linq",
];

/// Where every type of the program is declared, and the namespaces it may
/// name: worked out once per check (the declarations do not change).
pub(super) struct TypeNames<'a> {
    homes: HashMap<&'a str, Home<'a>>,
    namespaces: Vec<String>,
}

/// Where a type is declared.
struct Home<'a> {
    namespace: Option<&'a str>,
    outer: Option<&'a str>,
    in_system: bool,
}

impl<'a> Checker<'a> {
    /// Checks every qualified type name of the program.
    pub(super) fn check_qualified_types(&mut self) {
        let program = self.ast;
        let wrong: Vec<_> = program
            .qualified_types
            .iter()
            .filter_map(|q| {
                let names = self.type_names();
                misplaced(q, &names.homes, &names.namespaces)
            })
            .collect();
        for (span, msg, label) in wrong {
            self.error(span, msg, label);
        }
    }

    /// [`TypeNames`], made the first time a qualified name asks.
    fn type_names(&self) -> &TypeNames<'a> {
        self.type_names.get_or_init(|| {
            let homes = type_homes(self.ast);
            let namespaces = namespaces(&homes);
            TypeNames { homes, namespaces }
        })
    }
}

impl Checker<'_> {
    /// The type a dotted name on the left of `.` names (`System.Console`,
    /// `Zoo.Util`, `Outer.Inner`, `Zoo.Outer.Inner`), or `None` when it is
    /// no such path: its first word is a local or a member (C# looks those
    /// up first), or after the namespace some word is not a type nested in
    /// the type before it (`Game.Current.Weapon`: `Current` is a field, so
    /// this is a member access). A misplaced qualifier is reported as for a
    /// type.
    pub(super) fn qualified_target(&mut self, cx: &mut FnCx, e: &ast::Expr) -> Option<Target> {
        let words = dotted_words(e)?;
        let first = words[0];
        let local = !matches!(cx.lookup(&first.name), Lookup::NotFound);
        let member = cx
            .class
            .is_some_and(|c| self.lookup_member(c, &first.name).is_some());
        if local || member {
            return None;
        }
        let TypeNames { homes, namespaces } = self.type_names();
        let joined = |n: usize| {
            words[..n]
                .iter()
                .map(|i| i.name.as_str())
                .collect::<Vec<_>>()
                .join(".")
        };
        // The leading words that name a namespace (none when the first
        // word is a type: C# finds the type).
        let in_namespace = match homes.contains_key(first.name.as_str()) {
            true => 0,
            false => (1..words.len())
                .rev()
                .find(|&n| namespaces.contains(&joined(n)))
                .unwrap_or(0),
        };
        let types = &words[in_namespace..];
        let is_type = |w: &ast::Ident| {
            self.class_ids.contains_key(&w.name) || self.enum_ids.contains_key(&w.name)
        };
        let special = |w: &ast::Ident| matches!(w.name.as_str(), "Console" | "Task");
        let head = types[0];
        if !(is_type(head) || special(head) && types.len() == 1) {
            if in_namespace == 0 {
                return None; // "cannot find `first`", where values are resolved
            }
            // `System.Foo`: after a namespace only a type can follow.
            let msg = format!(
                "the type or namespace name `{}` does not exist in the namespace `{}`",
                head.name,
                joined(in_namespace)
            );
            self.error(head.span, msg, "not declared there");
            return Some(Target::Value(super::expr::error_expr(e.span)));
        }
        // Each later word: a type nested in the one before, not a member of
        // it (`Outer.Field` is a static member; `Other.Kind` for a `Kind`
        // not declared in `Other` is a missing member, CS0117).
        for pair in types.windows(2) {
            let (outer, inner) = (pair[0], pair[1]);
            let Some(&outer_class) = self.class_ids.get(&outer.name) else {
                return None; // an enum's member, or a value's
            };
            let nested_here = homes
                .get(inner.name.as_str())
                .and_then(|h| h.outer)
                .is_some_and(|o| o.rsplit('+').next() == Some(outer.name.as_str()));
            if !nested_here || self.lookup_member(outer_class, &inner.name).is_some() {
                return None;
            }
        }
        let name = *types.last()?;
        let q = ast::QualifiedType {
            qualifier: words[..words.len() - 1]
                .iter()
                .map(|&i| i.clone())
                .collect(),
            name: name.clone(),
        };
        let wrong = match special(name) && !is_type(name) {
            true => misplaced_special(&q),
            false => misplaced(&q, homes, namespaces),
        };
        if let Some((span, msg, label)) = wrong {
            self.error(span, msg, label);
            return Some(Target::Value(super::expr::error_expr(e.span)));
        }
        let enumeration = self.enum_ids.get(&name.name).copied();
        let class = self.class_ids.get(&name.name).copied();
        Some(match (enumeration, class, name.name.as_str()) {
            (Some(en), ..) => Target::Enum(en),
            (_, Some(c), _) => Target::Class(c),
            (.., "Console") => Target::Console,
            _ => Target::Task,
        })
    }
}

/// `a.b.c` as its words, when it is only names joined by dots.
fn dotted_words(e: &ast::Expr) -> Option<Vec<&ast::Ident>> {
    match &e.kind {
        A::Name(id) => Some(vec![id]),
        A::Member { target, name } => {
            let mut words = dotted_words(target)?;
            words.push(name);
            Some(words)
        }
        _ => None,
    }
}

/// `System.Console` and `System.Threading.Tasks.Task` are the only homes of
/// the two types the checker knows without a declaration.
fn misplaced_special(
    q: &ast::QualifiedType,
) -> Option<(crate::source::Span, String, &'static str)> {
    let namespace: Vec<&str> = q.qualifier.iter().map(|i| i.name.as_str()).collect();
    let namespace = namespace.join(".");
    let home = match q.name.name.as_str() {
        "Console" => "System",
        _ => "System.Threading.Tasks",
    };
    (namespace != home).then(|| {
        let name = &q.name.name;
        let msg = format!(
            "the type or namespace name `{name}` does not exist in the namespace `{namespace}`"
        );
        (q.name.span, msg, "not declared there")
    })
}

/// The namespaces a program may name: .NET's that the system library
/// stands for, and every namespace (and leading part of one) it declares.
fn namespaces(homes: &HashMap<&str, Home<'_>>) -> Vec<String> {
    let mut namespaces: Vec<String> = SYSTEM_NAMESPACES.iter().map(|s| s.to_string()).collect();
    for home in homes.values() {
        let Some(ns) = home.namespace else { continue };
        let parts: Vec<&str> = ns.split('.').collect();
        namespaces.extend((1..=parts.len()).map(|n| parts[..n].join(".")));
    }
    namespaces
}

/// Every class and enum by the name a program writes (a generic class by
/// its template's name), with where it is declared.
fn type_homes(program: &ast::Program) -> HashMap<&str, Home<'_>> {
    let mut homes = HashMap::new();
    for item in &program.items {
        let (name, namespace, outer, file) = match item {
            Item::Class(c) => {
                let name = c
                    .generic_origin
                    .as_ref()
                    .map_or(&c.name.name, |g| &g.name.name);
                (
                    name,
                    c.namespace.as_deref(),
                    c.outer.as_deref(),
                    c.name.span.file,
                )
            }
            Item::Enum(e) => (
                &e.name.name,
                e.namespace.as_deref(),
                e.outer.as_deref(),
                e.name.span.file,
            ),
            _ => continue,
        };
        let in_system = program.is_system(file);
        homes.entry(name.as_str()).or_insert(Home {
            namespace,
            outer,
            in_system,
        });
    }
    homes
}

/// Why `q`'s qualifier is wrong, if it is: the place to point at, the
/// message and the label.
fn misplaced(
    q: &ast::QualifiedType,
    homes: &HashMap<&str, Home<'_>>,
    namespaces: &[String],
) -> Option<(crate::source::Span, String, &'static str)> {
    let words: Vec<&str> = q.qualifier.iter().map(|i| i.name.as_str()).collect();
    // The longest leading run of the qualifier that is a namespace.
    let in_namespace = (0..=words.len())
        .rev()
        .find(|&n| n == 0 || namespaces.contains(&words[..n].join(".")))
        .unwrap_or(0);
    let namespace = words[..in_namespace].join(".");
    let classes = &words[in_namespace..];
    if let Some(&first) = classes.first() {
        if !homes.contains_key(first) {
            let at = q.qualifier[in_namespace].span;
            let msg = match in_namespace {
                0 => format!("the type or namespace name `{first}` could not be found"),
                _ => format!("the type or namespace name `{first}` does not exist in the namespace `{namespace}`"),
            };
            return Some((at, msg, "not found"));
        }
    }
    let Some(home) = homes.get(q.name.name.as_str()) else {
        return None; // reported where the type is resolved
    };
    let outer = classes.join("+");
    let outer_fits = home.outer.unwrap_or("") == outer;
    let first_home = classes.first().and_then(|c| homes.get(c)).unwrap_or(home);
    let namespace_fits = in_namespace == 0
        || (first_home.in_system && SYSTEM_NAMESPACES.contains(&namespace.as_str()))
        || first_home.namespace == Some(namespace.as_str());
    if outer_fits && namespace_fits {
        return None;
    }
    let name = &q.name.name;
    if let (false, Some(&first)) = (namespace_fits, classes.first()) {
        let msg = format!(
            "the type or namespace name `{first}` does not exist in the namespace `{namespace}`"
        );
        return Some((q.qualifier[in_namespace].span, msg, "not declared there"));
    }
    let msg = match classes.last() {
        Some(class) => format!("the nested type `{name}` does not exist in the type `{class}`"),
        None => format!(
            "the type or namespace name `{name}` does not exist in the namespace `{namespace}`"
        ),
    };
    Some((q.name.span, msg, "not declared there"))
}
