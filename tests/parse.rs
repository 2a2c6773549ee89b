//! Parser tests: AST snapshots of valid programs, diagnostic snapshots of
//! invalid ones (syntax errors and every construct of LANGUAGE.md §8),
//! includes, and robustness against hostile input (deep nesting, garbage,
//! huge files).
//!
//! Fixtures live in tests/parse/{valid,invalid,include}; each snapshot holds
//! the source and the output, one document per case.

use flux_viz::diag::{self, Diagnostic};
use flux_viz::parse::{self, MAX_NESTING};
use flux_viz::source::Sources;
use flux_viz::{ast, ast::Program};
use std::path::Path;
use std::time::{Duration, Instant};

fn parse_text(name: &str, text: &str) -> (Sources, Program, Vec<Diagnostic>) {
    let mut sources = Sources::new();
    let (program, diags) = parse::parse_source(&mut sources, name, text.to_string());
    (sources, program, diags)
}

fn file_name(path: &Path) -> String {
    path.file_name().unwrap().to_string_lossy().into_owned()
}

/// The front end runs on a big stack in the real pipeline (`pipeline.rs`); do
/// the same here, since test threads have small stacks.
fn on_big_stack<T: Send>(f: impl FnOnce() -> T + Send) -> T {
    std::thread::scope(|s| {
        std::thread::Builder::new()
            .stack_size(256 << 20)
            .spawn_scoped(s, f)
            .unwrap()
            .join()
            .unwrap()
    })
}

#[test]
fn valid_programs_parse_to_the_expected_tree() {
    insta::glob!("parse/valid/*.fs", |path| {
        let text = std::fs::read_to_string(path).unwrap();
        let (sources, program, diags) = parse_text(&file_name(path), &text);
        assert!(
            diags.is_empty(),
            "{}",
            diag::render(&sources, &diags, false)
        );
        let dump = ast::dump::program(&sources, &program);
        insta::with_settings!({ omit_expression => true }, {
            insta::assert_snapshot!(format!("----- SOURCE CODE\n{text}----- AST\n{dump}"));
        });
    });
}

#[test]
fn invalid_programs_get_the_expected_diagnostics() {
    insta::glob!("parse/invalid/*.fs", |path| {
        let text = std::fs::read_to_string(path).unwrap();
        let (sources, _, diags) = parse_text(&file_name(path), &text);
        assert!(!diags.is_empty(), "no diagnostic for {}", path.display());
        let rendered = diag::render(&sources, &diags, false);
        insta::with_settings!({ omit_expression => true }, {
            insta::assert_snapshot!(format!("----- SOURCE CODE\n{text}----- DIAGNOSTICS\n{rendered}"));
        });
    });
}

#[test]
fn every_unsupported_construct_uses_the_agreed_message() {
    let constructs = [
        ("structs", "a `struct`"),
        ("delegates", "a delegate"),
        ("lambdas", "a lambda expression"),
        ("floating_point", "`float`"),
        ("unsafe", "unsafe code"),
        ("goto", "`goto`"),
        ("multidim_arrays", "a multi-dimensional array"),
    ];
    for (file, construct) in constructs {
        let path = format!("tests/parse/invalid/unsupported_{file}.fs");
        let text = std::fs::read_to_string(&path).unwrap();
        let (_, _, diags) = parse_text(&path, &text);
        let expected = format!("{construct} is not supported by Flux#");
        assert!(
            diags.iter().any(|d| d.message == expected),
            "{path}: {diags:?}"
        );
        assert!(
            !diags.iter().any(parse::is_syntax_error),
            "{path}: {diags:?}"
        );
    }
}

/// The unsupported construct is replaced; the rest of the program is still
/// there for the checker.
#[test]
fn unsupported_constructs_leave_the_rest_of_the_program() {
    let text =
        "class P { static void Main() { goto end; int after = 1; } int Kept() { return 1; } }";
    let (sources, program, diags) = parse_text("p.fs", text);
    assert_eq!(diags.len(), 1);
    let dump = ast::dump::program(&sources, &program);
    assert!(dump.contains("ErrorStmt @1:32"), "{dump}");
    assert!(dump.contains("Var after"), "{dump}");
    assert!(dump.contains("Method Kept"), "{dump}");
}

// ───────────────────────── includes

fn parse_path(path: &str) -> (Sources, Program, Vec<Diagnostic>) {
    let mut sources = Sources::new();
    let (program, diags) = parse::parse_file(&mut sources, Path::new(path)).unwrap();
    (sources, program, diags)
}

#[test]
fn includes_are_expanded_once_in_order() {
    let (sources, program, diags) = parse_path("tests/parse/include/main.fs");
    assert!(
        diags.is_empty(),
        "{}",
        diag::render(&sources, &diags, false)
    );
    insta::assert_snapshot!(ast::dump::program(&sources, &program));
}

#[test]
fn include_cycle_is_reported_at_the_using_line() {
    let (sources, _, diags) = parse_path("tests/parse/include/cycle_main.fs");
    insta::assert_snapshot!(diag::render(&sources, &diags, false));
}

#[test]
fn missing_include_is_reported_at_the_using_line() {
    let (sources, _, diags) = parse_path("tests/parse/include/missing_main.fs");
    insta::assert_snapshot!(diag::render(&sources, &diags, false));
}

#[test]
fn syntax_error_in_an_included_file_points_into_it() {
    let (sources, _, diags) = parse_path("tests/parse/include/broken_main.fs");
    assert!(diags.iter().all(parse::is_syntax_error));
    insta::assert_snapshot!(diag::render(&sources, &diags, false));
}

#[test]
fn unreadable_main_file_is_an_error_without_diagnostics() {
    let mut sources = Sources::new();
    assert!(parse::parse_file(&mut sources, Path::new("tests/parse/no_such_file.fs")).is_err());
    let dir = std::env::temp_dir().join(format!("flux-parse-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let bad = dir.join("bad.fs");
    std::fs::write(&bad, b"class P { }\n\xff\xfe").unwrap();
    let err = parse::parse_file(&mut sources, &bad).unwrap_err();
    assert!(err.contains("not valid UTF-8"), "{err}");
    std::fs::remove_dir_all(&dir).unwrap();
}

// ───────────────────────── robustness

fn messages(diags: &[Diagnostic]) -> Vec<&str> {
    diags.iter().map(|d| d.message.as_str()).collect()
}

fn assert_too_deep(text: &str) {
    let (sources, _, diags) = on_big_stack(|| parse_text("deep.fs", text));
    let too_deep = format!("nesting too deep (more than {MAX_NESTING} levels)");
    assert!(
        diags
            .iter()
            .any(|d| d.message == too_deep || d.message == "nesting too deep for the parser"),
        "{:?}",
        messages(&diags)
    );
    // Rendering must work too (spans inside the file).
    diag::render(&sources, &diags, false);
}

fn in_main(body: &str) -> String {
    format!("class P {{ static void Main() {{ {body} }} }}")
}

#[test]
fn empty_and_blank_files_parse_to_nothing() {
    for text in ["", "   \n\t\n", "// only a comment", "/* block */"] {
        let (_, program, diags) = parse_text("empty.fs", text);
        assert!(program.items.is_empty() && diags.is_empty(), "{text:?}");
    }
}

#[test]
fn deep_parentheses_are_an_error_at_the_deepest_point() {
    let n = 10_000;
    let text = in_main(&format!("int x = {}1{};", "(".repeat(n), ")".repeat(n)));
    let (sources, _, diags) = on_big_stack(|| parse_text("deep.fs", &text));
    assert_eq!(diags.len(), 1);
    // Two braces are open before the first parenthesis.
    let first_paren = text.find("= (").unwrap() + 2;
    assert_eq!(diags[0].span.start as usize, first_paren + MAX_NESTING - 2);
    assert_eq!(
        sources.location(diags[0].span),
        format!("deep.fs:1:{}", first_paren + MAX_NESTING - 1)
    );
}

#[test]
fn deep_blocks_and_brackets_are_errors() {
    let n = 10_000;
    assert_too_deep(&in_main(&format!("{}{}", "{".repeat(n), "}".repeat(n))));
    assert_too_deep(&in_main(&format!(
        "int x = a{}0{};",
        "[".repeat(n),
        "]".repeat(n)
    )));
    assert_too_deep(&in_main(&format!(
        "string s = {}\"\"{};",
        "$\"{".repeat(n),
        "}\"".repeat(n)
    )));
}

#[test]
fn deep_operator_nesting_is_an_error() {
    let n = 10_000;
    assert_too_deep(&in_main(&format!(
        "int x = {}1;",
        "-".repeat(n).replace("--", "- -")
    )));
    assert_too_deep(&in_main(&format!("int x = {}1;", "- ".repeat(n))));
    assert_too_deep(&in_main(&format!("bool x = {}true;", "!".repeat(n))));
    assert_too_deep(&in_main(&format!("int x = {}1;", "(int)".repeat(n))));
    assert_too_deep(&in_main(&format!("{}0;", "x = ".repeat(n))));
    assert_too_deep(&in_main(&format!("int x = {}0;", "c ? 1 : ".repeat(n))));
    assert_too_deep(&in_main(&format!("{};", "if (a) ".repeat(n))));
    assert_too_deep(&in_main(&format!("{};", "while (a) ".repeat(n))));
}

#[test]
fn long_chains_are_not_nesting() {
    let n = 10_000;
    for body in [
        format!("int x = 1{};", " + 1".repeat(n)),
        format!("string x = a{};", " ?? a".repeat(n)),
        format!("int x = a{};", ".b".repeat(n)),
        "if (a) {} else ".repeat(n) + ";",
    ] {
        let (_, _, diags) = on_big_stack(|| parse_text("chain.fs", &in_main(&body)));
        assert!(diags.is_empty(), "{:?}", messages(&diags));
    }
}

#[test]
fn nesting_just_under_the_limit_is_fine() {
    let n = MAX_NESTING - 10;
    let text = in_main(&format!("int x = {}1{};", "(".repeat(n), ")".repeat(n)));
    let (_, _, diags) = on_big_stack(|| parse_text("ok.fs", &text));
    assert!(diags.is_empty(), "{:?}", messages(&diags));
}

#[test]
fn garbage_never_panics() {
    // A fixed pseudo-random generator: the same bytes every run.
    let mut seed: u64 = 0x9E37_79B9_7F4A_7C15;
    let mut next = || {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        seed
    };
    let tokens = [
        "class",
        "P",
        "{",
        "}",
        "(",
        ")",
        "[",
        "]",
        ";",
        ",",
        "int",
        "x",
        "=",
        "+",
        "-",
        "<",
        ">",
        "?",
        ":",
        "\"s\"",
        "'c'",
        "$\"{x}\"",
        "new",
        "=>",
        "async",
        "await",
        "static",
        "void",
        "if",
        "else",
        "for",
        "1.5",
        "0x",
        "@\"",
        "/*",
        "//",
        "\n",
        "is",
        "as",
        ".",
        "!",
        "~",
        "foreach",
        "switch",
        "case",
        "try",
        "namespace",
        "interface",
    ];
    for round in 0..300 {
        let text: String = if round % 2 == 0 {
            (0..200)
                .map(|_| tokens[next() as usize % tokens.len()])
                .collect::<Vec<_>>()
                .join(" ")
        } else {
            let bytes: Vec<u8> = (0..400).map(|_| next() as u8).collect();
            String::from_utf8_lossy(&bytes).into_owned()
        };
        let (sources, _, diags) = on_big_stack(|| parse_text("garbage.fs", &text));
        diag::render(&sources, &diags, false);
    }
}

/// A program with `classes` classes of async methods, about 10 lines each.
fn generated_program(classes: usize) -> String {
    let mut text = String::from("using System;\nusing System.Threading.Tasks;\n\n");
    for i in 0..classes {
        text.push_str(&format!(
            "class C{i} {{\n    private int count = {i};\n    public async Task<int> Step(int x) {{\n        \
             await Task.Delay(x % 7);\n        for (int k = 0; k < x; k++) {{ count += k * 2 - (count >> 1); }}\n        \
             if (count > 100 && x != 0) {{ count = count % 100; }} else {{ count++; }}\n        \
             Console.WriteLine($\"C{i}: {{count}} {{x}}\");\n        return count + x;\n    }}\n}}\n"
        ));
    }
    text.push_str("class Program {\n    static async Task Main() {\n        int n = await new C0().Step(1);\n    }\n}\n");
    text
}

#[test]
fn a_five_megabyte_file_parses_in_linear_time() {
    let text = generated_program(20_000);
    assert!(text.len() > 5_000_000, "{}", text.len());
    let start = Instant::now();
    let (_, program, diags) = on_big_stack(|| parse_text("big.fs", &text));
    let elapsed = start.elapsed();
    assert!(diags.is_empty());
    assert_eq!(program.items.len(), 20_001);
    // Generous for debug builds on a loaded machine; release takes a fraction.
    assert!(elapsed < Duration::from_secs(60), "{elapsed:?}");
}

#[test]
fn a_five_megabyte_line_of_garbage_is_quick() {
    let text = "x".repeat(5 << 20);
    let start = Instant::now();
    let (_, _, diags) = on_big_stack(|| parse_text("big.fs", &text));
    assert_eq!(diags.len(), 1);
    assert!(start.elapsed() < Duration::from_secs(60));
}

// ───────────────────────── C# keywords are not names

/// C#'s reserved keywords (the contextual ones, `var`, `value`, …, are names).
const CSHARP_KEYWORDS: &str = "abstract as base bool break byte case catch char checked class \
    const continue decimal default delegate do double else enum event explicit extern false \
    finally fixed float for foreach goto if implicit in int interface internal is lock long \
    namespace new null object operator out override params private protected public readonly \
    ref return sbyte sealed short sizeof stackalloc static string struct switch this throw true \
    try typeof uint ulong unchecked unsafe ushort using virtual void volatile while";

#[test]
fn every_csharp_keyword_is_refused_as_a_name_where_it_stands() {
    let places = [
        "class P { static void Main() { int KW = 1; } }",
        "class P { static void Main() { } static int M(int KW) { return 0; } }",
        "class P { static void Main() { } static int KW() { return 0; } }",
        "class P { static void Main() { } int KW; }",
        "class KW { } class P { static void Main() { } }",
    ];
    let mut failures = Vec::new();
    for keyword in CSHARP_KEYWORDS.split_whitespace() {
        for place in places {
            let text = place.replace("KW", keyword);
            let (_, _, diags) = parse_text("kw.fs", &text);
            let at = place.find("KW").unwrap();
            let message = format!("`{keyword}` is a C# keyword and cannot be a name");
            let ok =
                matches!(&diags[..], [d] if d.message == message && d.span.start as usize == at);
            if !ok {
                failures.push(format!("{text}\n    {:?}", messages(&diags)));
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn contextual_keywords_stay_names() {
    for word in [
        "var", "value", "yield", "get", "set", "dynamic", "nameof", "when", "global",
    ] {
        let text =
            format!("class P {{ static void Main() {{ int {word} = 1; {word} = {word} + 1; }} }}");
        let (_, _, diags) = parse_text("ctx.fs", &text);
        assert!(diags.is_empty(), "{word}: {:?}", messages(&diags));
    }
}
