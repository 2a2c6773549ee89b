//! Chains are not nesting: a long sum, `else if` chain or string
//! concatenation compiles and runs (issue 11), however deep a tree it makes,
//! while real nesting keeps its limit; absurdly long chains get a clean error
//! instead of a stack overflow. Everything runs on the test thread's small
//! stack: the pipeline must move every tree walk (and drop) to its own stack.

use flux_viz::emulate::{self, Options, Stop};
use flux_viz::parse::{MAX_NESTING, MAX_TREE_DEPTH};
use flux_viz::pipeline::{self, Failure};

/// Compiles and runs `main`'s body; returns the program's stdout.
fn run_main(body: &str) -> String {
    let text = format!("class P {{ static void Main() {{ {body} }} }}");
    let compiled = pipeline::compile_source("chain.fs", &text).unwrap_or_else(|f| {
        let rendered = f.render();
        panic!("{}", &rendered[..rendered.len().min(2000)])
    });
    let outcome = emulate::run(&compiled.image, &Options::default());
    assert_eq!(outcome.stop, Stop::Exited(0), "{:?}", outcome.stderr);
    String::from_utf8(outcome.stdout).unwrap()
}

/// The messages of a program that must not compile.
fn errors(body: &str) -> Vec<String> {
    let text = format!("class P {{ static void Main() {{ {body} }} }}");
    match pipeline::check_source("chain.fs", &text) {
        Ok(_) => panic!("compiled"),
        Err(Failure::Diagnostics { diagnostics, .. }) => {
            diagnostics.into_iter().map(|d| d.message).collect()
        }
        Err(Failure::Io(message)) => panic!("{message}"),
    }
}

fn sum_of_ones(terms: usize) -> String {
    format!(
        "int a = 1; Console.WriteLine({});",
        vec!["a"; terms].join(" + ")
    )
}

/// `if (n == 0) … else if (n == 1) … else …` with `branches` conditions.
fn else_if_chain(branches: usize, n: usize) -> String {
    let chain: Vec<String> = (0..branches)
        .map(|i| format!("if (n == {i}) {{ Console.WriteLine({i}); }}"))
        .collect();
    format!(
        "int n = {n}; {} else {{ Console.WriteLine(-1); }}",
        chain.join(" else ")
    )
}

#[test]
fn a_255_term_sum_runs() {
    assert_eq!(run_main(&sum_of_ones(255)), "255\n");
}

#[test]
fn a_100000_term_sum_runs() {
    assert_eq!(run_main(&sum_of_ones(100_000)), "100000\n");
}

#[test]
fn a_300_branch_else_if_chain_runs() {
    assert_eq!(run_main(&else_if_chain(300, 299)), "299\n");
    assert_eq!(run_main(&else_if_chain(300, 300)), "-1\n");
}

#[test]
fn a_10000_branch_else_if_chain_runs() {
    assert_eq!(run_main(&else_if_chain(10_000, 9_876)), "9876\n");
}

#[test]
fn a_300_piece_concatenation_runs() {
    let pieces: Vec<String> = (0..300)
        .map(|i| {
            if i % 2 == 0 {
                "s".into()
            } else {
                format!("{i}")
            }
        })
        .collect();
    let body = format!(
        "string s = \"x\"; Console.WriteLine({});",
        pieces.join(" + ")
    );
    let expected: String = (0..300)
        .map(|i| {
            if i % 2 == 0 {
                "x".into()
            } else {
                format!("{i}")
            }
        })
        .collect();
    assert_eq!(run_main(&body), expected + "\n");
}

#[test]
fn a_coalesce_chain_runs() {
    let body = format!(
        "string a = null; string b = \"b\"; Console.WriteLine(a{} ?? b);",
        " ?? a".repeat(5_000)
    );
    assert_eq!(run_main(&body), "b\n");
}

#[test]
fn real_nesting_keeps_its_limit() {
    let too_deep = format!("nesting too deep (more than {MAX_NESTING} levels)");
    let parens = format!("int x = {}1{};", "(".repeat(300), ")".repeat(300));
    assert_eq!(errors(&parens), std::slice::from_ref(&too_deep));
    let ifs = format!("int a = 1; {}a = 2;", "if (a > 0) ".repeat(300));
    assert_eq!(errors(&ifs), std::slice::from_ref(&too_deep));
    let negations = format!("int x = {}1;", "- ".repeat(300));
    assert_eq!(errors(&negations), [too_deep]);
}

#[test]
fn chains_past_the_tree_depth_limit_are_a_clean_error() {
    let too_long =
        format!("chain too long: the syntax tree would be more than {MAX_TREE_DEPTH} levels deep");
    assert_eq!(
        errors(&sum_of_ones(MAX_TREE_DEPTH + 1)),
        std::slice::from_ref(&too_long)
    );
    let chain = "if (n == 0) {} else ".repeat(MAX_TREE_DEPTH + 1);
    assert_eq!(errors(&format!("int n = 0; {chain} {{}}")), [too_long]);
}

#[test]
fn chains_at_the_tree_depth_limit_compile() {
    // The deepest trees the parser accepts go through every stage (an `else
    // if` chain that long takes seconds to lay out, so it is only checked).
    let depth = MAX_TREE_DEPTH - 16;
    let sum = format!("int a = 1; int b = {};", vec!["a"; depth].join(" + "));
    let text = format!("class P {{ static void Main() {{ {sum} }} }}");
    pipeline::compile_source("deep.fs", &text).unwrap_or_else(|f| panic!("{:.2000}", f.render()));
    let chain = "if (n == 0) { n = 1; } else ".repeat(depth);
    let text = format!("class P {{ static void Main() {{ int n = 0; {chain} {{}} }} }}");
    pipeline::check_source("deep.fs", &text).unwrap_or_else(|f| panic!("{:.2000}", f.render()));
}

#[test]
fn the_ast_dump_of_a_long_chain_is_linear() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("sum.fs");
    let text = format!(
        "class P {{ static void Main() {{ {} }} }}",
        sum_of_ones(100_000)
    );
    std::fs::write(&path, text).unwrap();
    let dump = pipeline::ast_dump(&path).unwrap_or_else(|f| panic!("{:.2000}", f.render()));
    let lines = dump.lines().count();
    assert!(lines > 200_000);
    // Deep levels are numbered, not indented: at most some 150 bytes a line.
    assert!(dump.len() < lines * 200, "{} bytes", dump.len());
    assert!(
        dump.contains("[level 100000] Name a"),
        "{:.500}",
        &dump[dump.len() - 500..]
    );
}
