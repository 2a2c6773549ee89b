//! Qualified type names: `Outer.Inner`, `Zoo.Animal`, `System.Text.StringBuilder`.
//!
//! In: the program's qualified type names (`ast::Program::qualified_types`,
//! collected by the parser) and its declarations. Out: an error for a
//! qualifier that does not say where the type is declared, as C# reports it
//! (CS0426, CS0234, CS0246). Flux#'s type names are one flat space: nested
//! classes are hoisted to the top level under their own names, so once the
//! qualifier is right the type is its last name, resolved as any other.

use super::Checker;
use crate::ast::{self, Item};
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

/// Where a type is declared.
struct Home<'a> {
    namespace: Option<&'a str>,
    outer: Option<&'a str>,
    in_system: bool,
}

impl Checker<'_> {
    /// The classes the class or enum `name` is declared in (`Outer`,
    /// `A+B`), if it is nested.
    pub(super) fn outer_of(&self, name: &str) -> Option<&str> {
        self.ast.items.iter().find_map(|item| match item {
            Item::Class(c) if c.name.name == name => Some(c.outer.as_deref()),
            Item::Enum(e) if e.name.name == name => Some(e.outer.as_deref()),
            _ => None,
        })?
    }

    /// Checks every qualified type name of the program.
    pub(super) fn check_qualified_types(&mut self) {
        let program = self.ast;
        if program.qualified_types.is_empty() {
            return;
        }
        let homes = type_homes(program);
        let mut namespaces: Vec<String> = SYSTEM_NAMESPACES.iter().map(|s| s.to_string()).collect();
        for home in homes.values() {
            let Some(ns) = home.namespace else { continue };
            let parts: Vec<&str> = ns.split('.').collect();
            namespaces.extend((1..=parts.len()).map(|n| parts[..n].join(".")));
        }
        for q in &program.qualified_types {
            if let Some((span, msg, label)) = misplaced(q, &homes, &namespaces) {
                self.error(span, msg, label);
            }
        }
    }
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
            Item::Enum(e) => (&e.name.name, None, e.outer.as_deref(), e.name.span.file),
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
    let msg = match classes.last() {
        Some(class) => format!("the nested type `{name}` does not exist in the type `{class}`"),
        None => format!(
            "the type or namespace name `{name}` does not exist in the namespace `{namespace}`"
        ),
    };
    Some((q.name.span, msg, "not declared there"))
}
