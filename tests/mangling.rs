//! Symbol mangling is injective (issue 11): declarations whose names look like
//! the compiler's own label words — a method or field called `ctor`, a class
//! called `fn` beside top-level functions, overloads on `int[]` and on a class
//! `intArray`, an overload on a class `resume` beside an async overload, the
//! runtime's own names — each get a label of their own, so the programs
//! compile, run in the emulator with the right output, and assemble with nasm.
//!
//! The nasm part skips with a note when nasm/ld are missing, and fails instead
//! when the environment variable CI is set.

use flux_viz::emulate::{self, Options, Stop};
use flux_viz::pipeline::{self, Compiled};
use flux_viz::verify::native;
use flux_viz::verify::process::{self, Scratch};
use std::collections::BTreeMap;
use std::time::Duration;

fn compile(name: &str, text: &str) -> Compiled {
    pipeline::compile_source(name, text).unwrap_or_else(|f| panic!("{name}:\n{}", f.render()))
}

/// Compiles, runs in the emulator and (when nasm and ld are there) builds the
/// emitted NASM text and runs that too: both must print `expected`.
fn assert_runs(name: &str, text: &str, expected: &str) {
    let compiled = compile(name, text);
    let outcome = emulate::run(&compiled.image, &Options::default());
    assert_eq!(
        outcome.stop,
        Stop::Exited(0),
        "{name}: {:?}",
        outcome.stderr
    );
    assert_eq!(String::from_utf8_lossy(&outcome.stdout), expected, "{name}");
    if !have_nasm() {
        return;
    }
    let dir = Scratch::new(&format!("mangling-{name}")).expect("scratch directory");
    let exe = native::nasm_ld(
        &compiled.asm,
        &compiled.image,
        &dir,
        Duration::from_secs(60),
    )
    .unwrap_or_else(|e| panic!("{name}: {e}"));
    let run = process::run(
        &mut std::process::Command::new(exe),
        Duration::from_secs(60),
    )
    .expect("run the nasm build");
    assert_eq!(
        String::from_utf8_lossy(&run.stdout),
        expected,
        "{name}, nasm build"
    );
}

/// Are nasm and ld installed? Missing: a failure under CI, a note otherwise.
fn have_nasm() -> bool {
    let missing = process::missing(&["nasm", "ld"]);
    if !missing.is_empty() {
        assert!(
            std::env::var_os("CI").is_none(),
            "{} required when CI is set",
            missing.join(", ")
        );
        eprintln!("note: {} not found, nasm part skipped", missing.join(", "));
    }
    missing.is_empty()
}

#[test]
fn a_method_or_field_called_ctor_is_not_the_constructor() {
    let text = r#"
class Counter {
    int n;
    public Counter() { n = 1; }
    public Counter(int start) { n = start; }
    public int ctor() { return n + 10; }
    public int ctor(int k) { return n + k; }
}
class Field {
    public static int ctor = 5;
    public Field() { ctor = ctor + 1; }
}
class Program {
    static void Main() {
        Console.WriteLine(new Counter().ctor());
        Console.WriteLine(new Counter(3).ctor(4));
        new Field();
        Console.WriteLine(Field.ctor);
    }
}
"#;
    assert_runs("ctor", text, "11\n7\n6\n");
}

#[test]
fn a_class_called_fn_is_not_the_top_level_functions() {
    // `// oracle: skip`-style FluxSharp program: top-level functions.
    let text = r#"
class fn {
    public static int twice(int x) { return 2 * x; }
    public static int ctor = 1;
    public int v;
    public fn(int v) { this.v = v; }
    public virtual int get() { return v; }
}
int twice(int x) { return 3 * x; }
int ctor() { return 40; }
void Main() {
    Console.WriteLine(fn.twice(5));
    Console.WriteLine(twice(5));
    Console.WriteLine(ctor() + fn.ctor);
    Console.WriteLine(new fn(7).get());
}
"#;
    assert_runs("fn", text, "10\n15\n41\n7\n");
}

#[test]
fn overloads_on_arrays_generics_and_look_alike_classes_differ() {
    let text = r#"
using System.Threading.Tasks;
class intArray { }
class Task_int_ { }
class intArrayArray { }
class Program {
    static int M(int[] a) { return 1; }
    static int M(intArray a) { return 2; }
    static int M(int[][] a) { return 3; }
    static int M(intArrayArray a) { return 4; }
    static int M(intArray[] a) { return 5; }
    static int M(Task<int> t) { return 6; }
    static int M(Task_int_ t) { return 7; }
    static int M(Task<int>[] t) { return 8; }
    static int M(Task<int[]> t) { return 9; }
    static void Main() {
        Console.WriteLine(M(new int[1]));
        Console.WriteLine(M(new intArray()));
        Console.WriteLine(M(new int[1][]));
        Console.WriteLine(M(new intArrayArray()));
        Console.WriteLine(M(new intArray[1]));
        Console.WriteLine(M(Task.FromResult(1)));
        Console.WriteLine(M(new Task_int_()));
        Console.WriteLine(M(new Task<int>[1]));
        Console.WriteLine(M(Task.FromResult(new int[1])));
    }
}
"#;
    assert_runs("arrays", text, "1\n2\n3\n4\n5\n6\n7\n8\n9\n");
}

#[test]
fn overloads_on_classes_named_like_state_machine_parts_differ() {
    // `M(int)` is async: its resume function and state table must not meet
    // the overloads on classes called `resume` and `states`.
    let text = r#"
using System.Threading.Tasks;
class resume { }
class states { }
class vtable { }
class Program {
    static async Task<int> M(int x) { await Task.Yield(); return x + 1; }
    static int M(int x, resume r) { return x + 2; }
    static int M(int x, resume r, states s) { return x + 3; }
    static int M(resume r) { return 4; }
    static int M(vtable v) { return 5; }
    static async Task Main() {
        Console.WriteLine(await M(0));
        Console.WriteLine(M(0, new resume()));
        Console.WriteLine(M(0, new resume(), new states()));
        Console.WriteLine(M(new resume()));
        Console.WriteLine(M(new vtable()));
    }
}
"#;
    assert_runs("resume", text, "1\n2\n3\n4\n5\n");
}

#[test]
fn underscores_and_compiler_words_in_names_do_not_meet() {
    let text = r#"
class A_B { public static int C() { return 1; } public static int C_D = 10; }
class A { public static int B_C() { return 2; } public static int B_C_D = 20; }
class str { public static int s = 3; }
class flux { public static int main() { return 4; } }
class fail { public static int cast() { return 5; } }
class Program {
    static void Main() {
        Console.WriteLine(A_B.C() + A.B_C() + A_B.C_D + A.B_C_D);
        Console.WriteLine(str.s + flux.main() + fail.cast());
        Console.WriteLine("str.0" + "fn.x");
    }
}
"#;
    assert_runs("underscores", text, "33\n12\nstr.0fn.x\n");
}

/// Local labels such as `.true` cannot be field names.
const CSHARP_KEYWORDS: &[&str] = &[
    "as", "base", "bool", "break", "case", "char", "do", "else", "false", "for", "if", "in", "int",
    "is", "long", "new", "null", "this", "true", "try", "while",
];

/// The runtime's labels: each global one with the local labels under it.
fn runtime_labels() -> BTreeMap<String, Vec<String>> {
    let compiled = compile("empty", "class P { static void Main() { } }");
    let mut labels: BTreeMap<String, Vec<String>> = BTreeMap::new();
    let is_name = |s: &str| {
        s.chars().all(|c| c.is_ascii_alphanumeric() || c == '_')
            && s.starts_with(|c: char| c.is_ascii_alphabetic() || c == '_')
    };
    for symbol in &compiled.image.symbols {
        let (global, local) = match symbol.name.split_once('.') {
            Some((global, local)) => (global, Some(local)),
            None => (symbol.name.as_str(), None),
        };
        if !is_name(global) || global == "P" {
            continue;
        }
        let locals = labels.entry(global.to_string()).or_default();
        locals.extend(local.filter(|l| is_name(l)).map(str::to_string));
    }
    labels
}

#[test]
fn classes_named_after_the_runtime_do_not_meet_its_labels() {
    let runtime = runtime_labels();
    assert!(runtime.values().any(|locals| !locals.is_empty()));
    let mut classes = String::new();
    let mut sum = Vec::new();
    for (global, locals) in &runtime {
        let mut members: Vec<String> = locals
            .iter()
            .filter(|l| !CSHARP_KEYWORDS.contains(&l.as_str()))
            .cloned()
            .collect();
        members.sort();
        members.dedup();
        let fields: String = members
            .iter()
            .map(|m| format!("    public static int {m} = 1;\n"))
            .collect();
        classes.push_str(&format!(
            "class {global} {{\n{fields}    public static int ctor() {{ return 1; }}\n}}\n"
        ));
        sum.push(format!("{global}.ctor()"));
        sum.extend(members.iter().map(|m| format!("{global}.{m}")));
    }
    let text = format!(
        "{classes}class Program {{ static void Main() {{ Console.WriteLine({}); }} }}",
        sum.join(" + ")
    );
    assert_runs("runtime", &text, &format!("{}\n", sum.len()));
}
