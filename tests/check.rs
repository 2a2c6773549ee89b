//! Checker tests, written as Flux# programs.
//!
//! - `tests/check/valid/*.fs` and `tests/programs/*.fs` must parse and check
//!   with no diagnostic at all.
//! - `tests/check/invalid/*.fs` each have one snapshot: the source, then the
//!   diagnostics as the CLI renders them (message, file:line:col, caret).
//! - A few typed-program dumps, so a change in what codegen receives is seen.

use flux_viz::check::check;
use flux_viz::diag::{self, Diagnostic};
use flux_viz::parse::parse_source;
use flux_viz::source::Sources;
use std::path::Path;

/// Parses and checks a file; the path relative to the crate root names it,
/// so includes resolve and snapshots are the same on every machine.
fn run(path: &Path) -> (Sources, Vec<Diagnostic>, Option<flux_viz::typed::Program>) {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let rel = path.strip_prefix(root).unwrap_or(path);
    let text = std::fs::read_to_string(path).expect("test file is UTF-8");
    let mut sources = Sources::new();
    let name = rel.display().to_string();
    let (mut program, mut diags) = parse_source(&mut sources, &name, text);
    // The checker runs only on a syntactically complete program, as the CLI does.
    let syntax_broken = diags.iter().any(flux_viz::parse::is_syntax_error);
    let typed = if syntax_broken {
        None
    } else {
        let (typed, check_diags) = flux_viz::pipeline::check_program(&mut sources, &mut program);
        diags.extend(check_diags);
        Some(typed)
    };
    diag::sort(&mut diags);
    (sources, diags, typed)
}

fn check_clean(dir: &str) -> usize {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join(dir);
    let mut paths: Vec<_> = std::fs::read_dir(&root)
        .expect("test directory exists")
        .map(|e| e.expect("readable").path())
        .filter(|p| p.extension().is_some_and(|e| e == "fs"))
        .collect();
    paths.sort();
    let mut failures = String::new();
    for path in &paths {
        let (sources, diags, _) = run(path);
        if !diags.is_empty() {
            failures.push_str(&diag::render(&sources, &diags, false));
        }
    }
    assert!(
        failures.is_empty(),
        "valid programs reported errors:\n{failures}"
    );
    paths.len()
}

#[test]
fn valid_programs_check_clean() {
    let n = check_clean("tests/check/valid");
    assert!(n >= 80, "only {n} valid programs");
}

#[test]
fn corpus_programs_check_clean() {
    check_clean("tests/programs");
}

#[test]
fn invalid_programs_report_errors() {
    insta::glob!("check/invalid/*.fs", |path| {
        let (sources, diags, _) = run(path);
        assert!(!diags.is_empty(), "{} checked clean", path.display());
        let source = std::fs::read_to_string(path).unwrap();
        let rendered = diag::render(&sources, &diags, false);
        insta::assert_snapshot!(format!(
            "----- SOURCE CODE\n{source}\n----- DIAGNOSTICS\n{rendered}"
        ));
    });
}

#[test]
fn typed_dumps() {
    insta::glob!("check/valid/{virtual_override,field_initializer_order,async_basic,compound_assign,string_concat,is_as_casts}.fs", |path| {
        let (sources, diags, typed) = run(path);
        assert!(diags.is_empty(), "{}", diag::render(&sources, &diags, false));
        insta::assert_snapshot!(typed.expect("checked").to_string());
    });
}

/// Mutated valid programs (lines dropped, duplicated, swapped; tokens cut)
/// must never make the checker panic: whatever parses is checked.
#[test]
fn mutated_programs_never_panic() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/check/valid");
    let mut seed: u64 = 0x5eed;
    let mut next = move |n: usize| {
        // A fixed LCG: the same mutations on every run.
        seed = seed
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        (seed >> 33) as usize % n.max(1)
    };
    // FLUX_MUTATIONS=n runs n variants per program (12 by default).
    let per_file = std::env::var("FLUX_MUTATIONS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(12);
    let mut runs = 0;
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_none_or(|e| e != "fs") {
            continue;
        }
        let text = std::fs::read_to_string(&path).unwrap();
        for _ in 0..per_file {
            let mut lines: Vec<&str> = text.lines().collect();
            let (a, b) = (next(lines.len()), next(lines.len()));
            match next(4) {
                0 => drop(lines.remove(a)),
                1 => lines.insert(a, lines[b]),
                2 => lines.swap(a, b),
                _ => {}
            }
            let mut mutated = lines.join("\n");
            if next(2) == 0 && !mutated.is_empty() {
                // Cut a few characters at a char boundary.
                let mut at = next(mutated.len());
                while !mutated.is_char_boundary(at) {
                    at -= 1;
                }
                let mut end = (at + 1 + next(6)).min(mutated.len());
                while !mutated.is_char_boundary(end) {
                    end += 1;
                }
                mutated.replace_range(at..end, "");
            }
            let mut sources = Sources::new();
            let (program, diags) = parse_source(&mut sources, "mutated.fs", mutated);
            if !diags.iter().any(flux_viz::parse::is_syntax_error) {
                let _ = check(&program);
            }
            runs += 1;
        }
    }
    assert!(runs > 1000);
}
