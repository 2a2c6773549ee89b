//! End-to-end: every program in tests/programs and every lesson is compiled
//! and run in the emulator, and must print exactly its expected stdout, the
//! expected exception line on stderr, and exit with the expected code.

#[path = "oracle/mod.rs"]
mod oracle;

use flux_viz::pipeline::Schedule;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Mutex;

fn check_program(path: &Path, schedule: Schedule) -> Result<(), String> {
    let name = path.file_name().unwrap().to_string_lossy().to_string();
    let expected = oracle::load_expectations_for(path, schedule)?;
    let got = oracle::run_emulated(path, schedule).map_err(|e| format!("{name}: {e}"))?;
    oracle::check(&format!("{name} ({})", schedule.name()), &expected, &got)
}

/// Runs `check_program` over all paths on two threads; panics with every failure.
fn check_all(paths: &[PathBuf], schedule: Schedule) {
    assert!(!paths.is_empty(), "no programs found");
    let next = AtomicUsize::new(0);
    let failures = Mutex::new(Vec::new());
    std::thread::scope(|s| {
        for _ in 0..2 {
            s.spawn(|| {
                while let Some(path) = paths.get(next.fetch_add(1, Ordering::SeqCst)) {
                    if let Err(e) = check_program(path, schedule) {
                        failures.lock().unwrap().push(e);
                    }
                }
            });
        }
    });
    let failures = failures.into_inner().unwrap();
    println!("{} programs, {} failed", paths.len(), failures.len());
    assert!(
        failures.is_empty(),
        "{} of {} programs failed:\n\n{}",
        failures.len(),
        paths.len(),
        failures.join("\n\n")
    );
}

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

#[test]
fn every_test_program_runs_emulated_as_expected() {
    check_all(
        &oracle::programs_in(&root().join("tests/programs"), "fs"),
        Schedule::Csharp,
    );
}

#[test]
fn every_lesson_runs_emulated_as_expected() {
    check_all(
        &oracle::programs_in(&root().join("lessons"), "fs"),
        Schedule::Csharp,
    );
}

/// `--schedule queued`: NAME.queued.stdout where the order differs, else NAME.stdout.
#[test]
fn every_program_and_lesson_runs_queued_as_expected() {
    let mut all = oracle::programs_in(&root().join("tests/programs"), "fs");
    all.extend(oracle::programs_in(&root().join("lessons"), "fs"));
    check_all(&all, Schedule::Queued);
}
