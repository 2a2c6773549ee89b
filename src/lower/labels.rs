//! Assembly labels of declarations: readable, and one label per declaration.
//!
//! In: a declaration (method, constructor, static field, class, async state
//! machine, string literal). Out: its NASM label. What students see is kept
//! short: `Counter.Next`, `Counter.Add$int$long` (an overload: its parameter
//! types), `Counter.ctor`, `Counter$vtable`, `fn.Helper` (a top-level
//! function), `Program.Twice$resume` and its table `Program.Twice$resume$states`.
//!
//! The mapping is injective, which "readable" alone is not (issue 11: a method
//! called `ctor`, a class called `fn`, an overload on `intArray` beside one on
//! `int[]` each made two declarations share a label). Flux# names are letters,
//! digits and `_` only, so the labels are built from them with separators a
//! name cannot contain:
//! - `.` after the owner (a class, or `fn`), `$` before each parameter type
//!   (`$0` for none) and before the compiler's suffixes `vtable`, `resume`, `fiber`, `poll`,
//!   `states`, `names` (an enum's member table), `itables` and
//!   `itable$I` (a class's interface tables);
//! - a name that would read as one of the compiler's own words in its place
//!   gets a trailing `@`: a class `fn` or `rt_alloc` as owner (`fn` owns the
//!   top-level functions; the runtime's labels, `rt_alloc.done` among them,
//!   all start with `rt_`, `msg_`, `fail$` or are `_start`), a member `ctor`,
//!   a class `resume`, `fiber` or `poll` as a parameter type;
//! - in a parameter type, `T[]` is `T#Array` and `Task<T>` is `Task~T~`;
//! - an instance of a generic class, which the checker names as C# writes
//!   the type (`Dictionary<string, int>`), is spelled the same way, `~`
//!   for each of `<`, `, ` and `>` (`Dictionary~string~int~.Add`), and so
//!   is an instance of a generic method (`Program.Max~int~`);
//! - the backing field of an auto-property `X`, which C# (and the checker)
//!   names `<X>k__BackingField`, is `X?k__BackingField` (NASM labels cannot
//!   hold `<` or `>`).
//!
//! So a label reads back to exactly one declaration: `#`, `~`, `?` and `@`
//! occur only where these rules put them.

use crate::typed::{Program, Type};
use std::borrow::Cow;

/// The label of the function the runtime's `_start` calls.
pub const ENTRY: &str = "flux$main";

/// The table of every class's interface tables, by class id (`x is I`).
pub const CLASS_ITABLES: &str = "flux$itables";

/// The runtime's schedule switch `rt_complete` reads (0 = C#, 1 = queued).
pub const SCHEDULE: &str = "rt_schedule";

/// The owner part of top-level functions' labels.
const TOP_LEVEL_OWNER: &str = "fn";

/// A method (`None` class: a top-level function); `params` when overloaded.
pub fn method(
    program: &Program,
    class: Option<&str>,
    name: &str,
    params: Option<&[Type]>,
) -> String {
    let owner = class.map_or(Cow::Borrowed(TOP_LEVEL_OWNER), owner);
    let base = format!("{owner}.{}", member(name));
    with_signature(program, base, params)
}

/// A constructor; `params` when the class has several.
pub fn ctor(program: &Program, class: &str, params: Option<&[Type]>) -> String {
    with_signature(program, format!("{}.ctor", owner(class)), params)
}

/// The storage of a static field.
pub fn static_field(class: &str, field: &str) -> String {
    format!("{}.{}", owner(class), member(field))
}

/// A class's vtable.
pub fn vtable(class: &str) -> String {
    format!("{}$vtable", owner(class))
}

/// A class's table of interface tables (the word before its vtable points to it).
pub fn itables(class: &str) -> String {
    format!("{}$itables", owner(class))
}

/// A class's table of the methods it runs for an interface's methods.
pub fn itable(class: &str, interface: &str) -> String {
    format!("{}$itable${}", owner(class), owner(interface))
}

/// An enum's table of member values and names (`rt_enum_name` reads it).
pub fn enum_names(name: &str) -> String {
    format!("{}$names", owner(name))
}

/// The resume function of the async method labelled `method`.
pub fn resume(method: &str) -> String {
    format!("{method}$resume")
}

/// `--lowering stackful`: the body of the async method labelled `method`,
/// which runs on the task's own stack (its fiber).
pub fn fiber(method: &str) -> String {
    format!("{method}$fiber")
}

/// `--model rust`: the poll function of the async method labelled `method`.
pub fn poll(method: &str) -> String {
    format!("{method}$poll")
}

/// The async method's label of its resume function or fiber body
/// (`Program.Twice$resume` → `Program.Twice`); other labels as they are.
pub fn method_of_body(label: &str) -> &str {
    label
        .strip_suffix("$resume")
        .or_else(|| label.strip_suffix("$fiber"))
        .or_else(|| label.strip_suffix("$poll"))
        .unwrap_or(label)
}

/// The state table of the resume function labelled `resume`.
pub fn state_table(resume: &str) -> String {
    format!("{resume}$states")
}

/// The `n`th string literal (the owner `str` is safe: no member name is a number).
pub fn string_literal(n: usize) -> String {
    format!("str.{n}")
}

fn with_signature(program: &Program, mut label: String, params: Option<&[Type]>) -> String {
    match params {
        None => {}
        Some([]) => label.push_str("$0"),
        Some(params) => {
            for ty in params {
                label.push('$');
                type_part(program, ty, &mut label);
            }
        }
    }
    label
}

/// A class name as the first part of a label.
fn owner(name: &str) -> Cow<'_, str> {
    let reserved = name == TOP_LEVEL_OWNER
        || name == "_start"
        || name.starts_with("rt_")
        || name.starts_with("msg_");
    match generic_instance(name) {
        Some(spelled) => Cow::Owned(spelled),
        None => escaped(name, reserved),
    }
}

/// `List<int>` as `List~int~`, `Dictionary<string, List<int>>` as
/// `Dictionary~string~List~int~~`; `None` for a name that is not an instance.
fn generic_instance(name: &str) -> Option<String> {
    name.contains('<').then(|| {
        name.replace(", ", "~")
            .replace(['<', '>'], "~")
            .replace("[]", "#Array")
    })
}

/// A method or field name after the owner's `.`.
fn member(name: &str) -> Cow<'_, str> {
    if let Some(property) = name
        .strip_prefix('<')
        .and_then(|n| n.strip_suffix(">k__BackingField"))
    {
        return Cow::Owned(format!("{property}?k__BackingField"));
    }
    if let Some(spelled) = generic_instance(name) {
        return Cow::Owned(spelled);
    }
    escaped(name, name == "ctor")
}

/// A parameter type after a `$`.
fn type_part(program: &Program, ty: &Type, out: &mut String) {
    match ty {
        Type::Array(elem) => {
            type_part(program, elem, out);
            out.push_str("#Array");
        }
        Type::TaskOf(arg) => {
            out.push_str("Task~");
            type_part(program, arg, out);
            out.push('~');
        }
        Type::Class(_) => {
            let name = program.type_name(ty);
            match generic_instance(&name) {
                Some(spelled) => out.push_str(&spelled),
                None => out.push_str(&escaped(
                    &name,
                    ["resume", "fiber", "poll"].contains(&name.as_str()),
                )),
            }
        }
        _ => out.push_str(&program.type_name(ty)),
    }
}

fn escaped(name: &str, reserved: bool) -> Cow<'_, str> {
    if reserved {
        Cow::Owned(format!("{name}@"))
    } else {
        Cow::Borrowed(name)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn common_labels_read_as_before() {
        let p = Program::default();
        let overload = [Type::Int, Type::Long];
        assert_eq!(method(&p, Some("Counter"), "Next", None), "Counter.Next");
        assert_eq!(
            method(&p, Some("Counter"), "Add", Some(&overload)),
            "Counter.Add$int$long"
        );
        assert_eq!(method(&p, None, "Helper", Some(&[])), "fn.Helper$0");
        assert_eq!(ctor(&p, "Counter", None), "Counter.ctor");
        assert_eq!(vtable("Counter"), "Counter$vtable");
        assert_eq!(
            state_table(&resume("Program.Twice")),
            "Program.Twice$resume$states"
        );
    }

    #[test]
    fn compiler_words_in_names_are_escaped() {
        let p = Program::default();
        assert_eq!(method(&p, Some("Counter"), "ctor", None), "Counter.ctor@");
        assert_eq!(method(&p, Some("fn"), "Helper", None), "fn@.Helper");
        assert_eq!(static_field("rt_alloc", "done"), "rt_alloc@.done");
        assert_eq!(vtable("_start"), "_start@$vtable");
        let arrays = [Type::Array(Box::new(Type::TaskOf(Box::new(Type::Int))))];
        assert_eq!(
            method(&p, Some("P"), "M", Some(&arrays)),
            "P.M$Task~int~#Array"
        );
    }
}
