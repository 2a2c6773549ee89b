//! Self-test of the C# oracle (tests/oracle/): the prelude's event loop must
//! follow LANGUAGE.md §7. Each tests/oracle/selftest/NAME.cs has a hand-written
//! NAME.stdout (derived from §7, not from running it) and the usual header
//! comments (`// exit: N`, `// stderr: ...`).
//!
//! Without mono the test is skipped with a note; with CI set it fails.

#[path = "oracle/mod.rs"]
mod oracle;

use std::path::Path;

#[test]
fn rewrite_only_adds_usings_and_virtual_delay() {
    let src = "class P { static async Task Main() { await Task.Delay(5); } }\n";
    let out = oracle::rewrite_source(src);
    let (first, rest) = out.split_once('\n').unwrap();
    assert!(first.starts_with("using ") && first.contains("using static FluxOracle.Prelude;"));
    assert_eq!(
        rest,
        "class P { static async Task Main() { await FluxOracle.VirtualTime.Delay(5); } }\n"
    );
}

#[test]
fn header_parsing() {
    let e = oracle::parse_header(
        "// exit: 4\n// stderr: System.DivideByZeroException\n// what it checks\nclass P {}\n// exit: 7\n",
    )
    .unwrap();
    assert_eq!(e.exit, 4);
    assert_eq!(e.stderr.as_deref(), Some("System.DivideByZeroException"));
    assert_eq!(e.oracle_skip, None);
    let e = oracle::parse_header("// oracle: skip — top-level functions\nint f() { return 1; }\n")
        .unwrap();
    assert_eq!(e.exit, 0);
    assert_eq!(e.oracle_skip.as_deref(), Some("top-level functions"));
}

#[test]
fn prelude_follows_the_execution_model() {
    selftests_under(oracle::Schedule::Csharp);
}

#[test]
fn prelude_follows_the_queued_schedule() {
    selftests_under(oracle::Schedule::Queued);
}

/// Every self-test against its hand-written expectation for `schedule`
/// (NAME.queued.stdout where the queued order differs).
fn selftests_under(schedule: oracle::Schedule) {
    if !oracle::require_mono("prelude_follows_the_execution_model") {
        return;
    }
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/oracle/selftest");
    let programs = oracle::programs_in(&dir, "cs");
    assert!(
        programs.len() >= 6,
        "expected at least 6 self-test programs"
    );
    let (checked, skipped, failures) = oracle::check_all_as(&programs, schedule);
    assert!(
        skipped.is_empty(),
        "self-tests may not be skipped: {skipped:?}"
    );
    assert!(
        failures.is_empty(),
        "{} of {} self-tests failed:\n\n{}",
        failures.len(),
        programs.len(),
        failures.join("\n\n")
    );
    assert_eq!(checked, programs.len());
}
