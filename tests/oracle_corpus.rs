//! The corpus against real C#: every tests/programs/NAME.fs not marked
//! `// oracle: skip` is compiled with mono's mcs plus tests/oracle/Prelude.cs,
//! run with mono, and must match NAME.stdout exactly, exit with the code of its
//! `// exit:` header (default 0), and (if `// stderr:` is given) print that
//! exception name on the first stderr line (otherwise print nothing on stderr).
//!
//! Without mono the test is skipped with a note; with CI set it fails.

#[path = "oracle/mod.rs"]
mod oracle;

use std::path::Path;

fn corpus() -> Vec<std::path::PathBuf> {
    oracle::programs_in(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/programs"),
        "fs",
    )
}

#[test]
fn corpus_is_well_formed() {
    let programs = corpus();
    let sync = programs
        .iter()
        .filter(|p| {
            !p.file_name()
                .unwrap()
                .to_string_lossy()
                .starts_with("async_")
        })
        .count();
    let asynchronous = programs.len() - sync;
    assert!(sync >= 65, "only {sync} synchronous programs");
    assert!(asynchronous >= 40, "only {asynchronous} async programs");
    for p in &programs {
        let src = std::fs::read_to_string(p).unwrap();
        assert!(
            src.starts_with("//"),
            "{}: must start with a comment saying what it checks",
            p.display()
        );
        let e = oracle::load_expectations(p).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(
            e.exit != 0,
            e.stderr.is_some(),
            "{}: a failing program needs both `// exit:` and `// stderr:`",
            p.display()
        );
    }
}

#[test]
fn corpus_matches_real_csharp() {
    corpus_under(oracle::Schedule::Csharp);
}

/// `--schedule queued` against the prelude's queued schedule (every
/// continuation posted): NAME.queued.stdout where the order differs.
#[test]
fn corpus_matches_queued_csharp() {
    corpus_under(oracle::Schedule::Queued);
}

fn corpus_under(schedule: oracle::Schedule) {
    if !oracle::require_mono("corpus_matches_real_csharp") {
        return;
    }
    let programs = corpus();
    let (checked, skipped, failures) = oracle::check_all_as(&programs, schedule);
    eprintln!(
        "oracle ({}): {checked} programs agree with mono, {} skipped (FluxSharp-only):",
        schedule.name(),
        skipped.len()
    );
    for s in &skipped {
        eprintln!("  skip {s}");
    }
    assert!(
        failures.is_empty(),
        "{} of {} corpus programs disagree with real C#:\n\n{}",
        failures.len(),
        programs.len(),
        failures.join("\n\n")
    );
}
