//! Diagnostics stay bounded: a long source line is shown as a window around
//! the caret (with the true line and column), and at most 100 errors are
//! printed, then a count of the rest.

use flux_viz::diag::{MAX_LINE_CHARS, MAX_SHOWN};
use flux_viz::pipeline;

fn rendered(source: &str) -> String {
    match pipeline::check_source("long.fs", source) {
        Err(failure) => failure.render(),
        Ok(_) => panic!("no errors"),
    }
}

#[test]
fn a_long_line_is_cut_around_the_caret_with_the_true_column() {
    let filler = "x = x + 1; ".repeat(3000);
    let source = format!(
        "class Program {{ static void Main() {{ int x = 0; {filler}cout = 1; {filler}}} }}\n"
    );
    let text = rendered(&source);
    let column = source.find("cout").unwrap() + 1;
    assert!(text.contains(&format!("long.fs:1:{column}")), "{text}");
    for line in text.lines() {
        assert!(
            line.chars().count() < MAX_LINE_CHARS + 40,
            "line too long: {line}"
        );
    }
    let shown = text
        .lines()
        .find(|l| l.contains("cout = 1;"))
        .expect("the window");
    assert!(shown.contains('…'), "{shown}");
    let caret = text
        .lines()
        .find(|l| l.contains("^^^^"))
        .expect("caret line");
    assert_eq!(
        caret.find('^').map(|i| caret[..i].chars().count()),
        shown.find("cout").map(|i| shown[..i].chars().count()),
        "the caret is under `cout`:\n{shown}\n{caret}"
    );
    assert!(text.len() < 2_000, "{} bytes", text.len());
}

#[test]
fn at_most_100_errors_are_printed_then_a_count() {
    let decls: String = (0..10_000)
        .map(|i| format!("int v{i} = undefined{i}; "))
        .collect();
    let source = format!("class Program {{ static void Main() {{ {decls}}} }}\n");
    let text = rendered(&source);
    assert_eq!(text.matches("error: cannot find").count(), MAX_SHOWN);
    assert!(
        text.contains("and 9900 more errors (not shown)"),
        "{}",
        &text[text.len() - 300..]
    );
    assert!(text.len() < 100 * 1_000, "{} bytes", text.len());
}

#[test]
fn short_lines_render_as_before() {
    let text = rendered("class Program {\n    static void Main() {\n        cout = 1;\n    }\n}\n");
    assert!(text.contains("long.fs:3:9"), "{text}");
    assert!(text.contains("3 │         cout = 1;"), "{text}");
    assert!(!text.contains('…'));
}
