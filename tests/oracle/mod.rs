//! The C# oracle: runs a Flux# program as real C# under mono, with the
//! project's prelude (tests/oracle/Prelude.cs) implementing LANGUAGE.md §7.
//!
//! Include it from a test file with
//! `#[path = "oracle/mod.rs"] mod oracle;`
//!
//! - [`mono_available`]: are `mcs` and `mono` on PATH (no shell involved)?
//! - [`require_mono`]: the CI policy (CI set: missing mono panics; else skip with a note).
//! - [`run_with_mono`]: rewrite, compile (cached by content hash under
//!   target/oracle-cache/), run, and return the [`Outcome`].
//! - [`Expectations`] / [`check`]: the tests/programs header format
//!   (`// exit: N`, `// stderr: Name`, `// oracle: skip — reason`) and the
//!   comparison used by the corpus and self tests.
//!
//! The machinery itself (the embedded prelude, the rewrites, the compile cache,
//! running mono) lives in `flux_viz::verify::oracle`, which `flux-viz verify`
//! uses too; this file adds the test policy and the expectations.
#![allow(dead_code)]

pub use flux_viz::pipeline::Schedule;
use flux_viz::verify::oracle;
use std::fs;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Duration;

/// What a run produced (the library's type: `stdout`, `stderr`, `exit_code`).
pub use flux_viz::verify::Run as Outcome;

/// The library's rewrites and mono's heap limit (see `flux_viz::verify::oracle`).
#[allow(unused_imports)] // not every test file uses them
pub use flux_viz::verify::oracle::{rewrite_source, MONO_GC_PARAMS};

/// Wall-clock limit for one mono run.
pub const RUN_TIMEOUT: Duration = Duration::from_secs(60);

/// The prelude source, compiled together with every program (the library
/// embeds this very file).
pub fn prelude_path() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/oracle/Prelude.cs")
}

/// True when both `mcs` and `mono` are found on PATH (checked without a shell).
pub fn mono_available() -> bool {
    oracle::available()
}

/// The policy for tests that need mono: returns true when mono is present.
/// When it is missing: with the `CI` environment variable set this panics (the
/// test fails); otherwise it prints a note and returns false (skip).
pub fn require_mono(test: &str) -> bool {
    if mono_available() {
        return true;
    }
    if std::env::var_os("CI").is_some_and(|v| !v.is_empty()) {
        panic!("{test}: mono/mcs not found on PATH, and CI is set: this is a failure, not a skip");
    }
    eprintln!("note: {test} skipped: mono/mcs not found on PATH (set CI to make this a failure)");
    false
}

/// The compiled-program cache of the tests: target/oracle-cache/.
pub fn cache_dir() -> PathBuf {
    let target = match std::env::var_os("CARGO_TARGET_DIR") {
        Some(d) => PathBuf::from(d),
        None => Path::new(env!("CARGO_MANIFEST_DIR")).join("target"),
    };
    target.join("oracle-cache")
}

/// Rewrites and compiles `program` with mcs and the prelude; returns the path
/// of the cached executable (target/oracle-cache/<hash>.exe).
pub fn compile_with_mono(program: &Path) -> Result<PathBuf, String> {
    let src = fs::read_to_string(program).map_err(|e| format!("{}: {e}", program.display()))?;
    oracle::compile(&program.display().to_string(), &src, &cache_dir())
}

/// Runs a compiled oracle executable under mono (C#'s own schedule).
pub fn run_exe(exe: &Path) -> Result<Outcome, String> {
    run_exe_with(exe, Schedule::Csharp)
}

/// Runs a compiled oracle executable under mono with the given schedule.
pub fn run_exe_with(exe: &Path, schedule: Schedule) -> Result<Outcome, String> {
    oracle::run_exe(exe, RUN_TIMEOUT, schedule)
}

/// Copies `program`, applies the allowed rewrites, compiles it with mcs and
/// the prelude (cached), runs it with mono, and returns what happened.
pub fn run_with_mono(program: &Path) -> Result<Outcome, String> {
    run_with_mono_as(program, Schedule::Csharp)
}

/// [`run_with_mono`] under the given schedule.
pub fn run_with_mono_as(program: &Path, schedule: Schedule) -> Result<Outcome, String> {
    let exe = compile_with_mono(program)?;
    run_exe_with(&exe, schedule)
}

/// The expectations of a tests/programs file, from its header comments.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Expectations {
    /// `// exit: N` (default 0).
    pub exit: i32,
    /// `// stderr: System.XxxException` — text expected in the first stderr line.
    pub stderr: Option<String>,
    /// `// oracle: skip — reason`.
    pub oracle_skip: Option<String>,
    /// The exact expected stdout (NAME.stdout).
    pub stdout: Vec<u8>,
}

/// Parses the leading `//` comment lines of `src` (the library's parser).
pub fn parse_header(src: &str) -> Result<Expectations, String> {
    let header = oracle::parse_header(src)?;
    Ok(Expectations {
        exit: header.exit,
        stderr: header.stderr,
        oracle_skip: header.oracle_skip,
        stdout: Vec::new(),
    })
}

/// Reads NAME.fs's header and NAME.stdout (NAME.cs works the same way).
pub fn load_expectations(program: &Path) -> Result<Expectations, String> {
    load_expectations_for(program, Schedule::Csharp)
}

/// The output a schedule expects: NAME.stdout, or under `--schedule queued`
/// NAME.queued.stdout where the program prints in another order there (the
/// header's exit code and exception hold for both).
pub fn stdout_path(program: &Path, schedule: Schedule) -> PathBuf {
    let queued = program.with_extension("queued.stdout");
    if schedule == Schedule::Queued && queued.exists() {
        queued
    } else {
        program.with_extension("stdout")
    }
}

/// [`load_expectations`] for the given schedule ([`stdout_path`]).
pub fn load_expectations_for(program: &Path, schedule: Schedule) -> Result<Expectations, String> {
    let src = fs::read_to_string(program).map_err(|e| format!("{}: {e}", program.display()))?;
    let mut e = parse_header(&src).map_err(|m| format!("{}: {m}", program.display()))?;
    let stdout_path = stdout_path(program, schedule);
    e.stdout = fs::read(&stdout_path).map_err(|err| format!("{}: {err}", stdout_path.display()))?;
    Ok(e)
}

/// Compares an outcome with the expectations: stdout exactly, exit code, and
/// the first stderr line (must contain the expected name; must be empty when
/// none is expected). Returns a readable explanation on mismatch.
pub fn check(name: &str, expected: &Expectations, got: &Outcome) -> Result<(), String> {
    let mut problems = Vec::new();
    if got.stdout != expected.stdout {
        problems.push(format!(
            "stdout differs{}\n--- expected\n{}\n--- got\n{}",
            first_difference(&expected.stdout, &got.stdout),
            String::from_utf8_lossy(&expected.stdout),
            String::from_utf8_lossy(&got.stdout)
        ));
    }
    if got.exit_code != expected.exit {
        problems.push(format!(
            "exit code {} (expected {})",
            got.exit_code, expected.exit
        ));
    }
    let first = got.stderr_first_line();
    match &expected.stderr {
        Some(want) if !first.contains(want.as_str()) => problems.push(format!(
            "first stderr line {first:?} does not contain {want:?}\nstderr:\n{}",
            String::from_utf8_lossy(&got.stderr)
        )),
        None if !got.stderr.is_empty() => problems.push(format!(
            "unexpected stderr:\n{}",
            String::from_utf8_lossy(&got.stderr)
        )),
        _ => {}
    }
    if problems.is_empty() {
        Ok(())
    } else {
        Err(format!("{name}: {}", problems.join("\n")))
    }
}

fn first_difference(a: &[u8], b: &[u8]) -> String {
    let line_of = |bytes: &[u8], at: usize| bytes[..at].iter().filter(|&&c| c == b'\n').count() + 1;
    let n = a.iter().zip(b.iter()).take_while(|(x, y)| x == y).count();
    format!(
        " (first difference at byte {n}, expected line {})",
        line_of(a, n)
    )
}

/// Programs (files with extension `ext`) directly in `dir`, sorted by name.
pub fn programs_in(dir: &Path, ext: &str) -> Vec<PathBuf> {
    let mut v: Vec<PathBuf> = fs::read_dir(dir)
        .map(|rd| {
            rd.filter_map(|e| e.ok().map(|e| e.path()))
                .filter(|p| p.is_file() && p.extension().is_some_and(|x| x == ext))
                .collect()
        })
        .unwrap_or_default();
    v.sort();
    v
}

/// Runs `programs` through mono on a few threads and checks each against its
/// expectations; returns (checked, skipped, failures).
pub fn check_all(programs: &[PathBuf]) -> (usize, Vec<String>, Vec<String>) {
    check_all_as(programs, Schedule::Csharp)
}

/// [`check_all`] under the given schedule.
pub fn check_all_as(programs: &[PathBuf], schedule: Schedule) -> (usize, Vec<String>, Vec<String>) {
    let threads = std::thread::available_parallelism()
        .map(|n| n.get())
        .unwrap_or(2)
        .clamp(1, 8);
    let next = AtomicUsize::new(0);
    let results = std::sync::Mutex::new(Vec::new());
    std::thread::scope(|s| {
        for _ in 0..threads {
            s.spawn(|| loop {
                let i = next.fetch_add(1, Ordering::SeqCst);
                let Some(p) = programs.get(i) else { break };
                let name = p.file_name().unwrap().to_string_lossy().to_string();
                let r = match load_expectations_for(p, schedule) {
                    Err(e) => Err(e),
                    Ok(exp) if exp.oracle_skip.is_some() => {
                        Ok(Some(format!("{name}: {}", exp.oracle_skip.unwrap())))
                    }
                    Ok(exp) => run_with_mono_as(p, schedule)
                        .and_then(|got| check(&name, &exp, &got))
                        .map(|_| None),
                };
                results.lock().unwrap().push(r);
            });
        }
    });
    let mut checked = 0;
    let mut skipped = Vec::new();
    let mut failures = Vec::new();
    for r in results.into_inner().unwrap() {
        match r {
            Ok(None) => checked += 1,
            Ok(Some(s)) => skipped.push(s),
            Err(e) => failures.push(e),
        }
    }
    skipped.sort();
    failures.sort();
    (checked, skipped, failures)
}

/// Compiles a program and runs it in the emulator under `schedule` (what
/// tests/programs.rs and tests/async_differential.rs compare with mono).
pub fn run_emulated(path: &Path, schedule: Schedule) -> Result<Outcome, String> {
    let compiled = flux_viz::pipeline::compile_file_with(path, schedule).map_err(|f| f.render())?;
    let outcome = flux_viz::emulate::run(&compiled.image, &flux_viz::emulate::Options::default());
    if let Some(message) = outcome.stop_message(&compiled.sources) {
        return Err(message);
    }
    let exit_code = outcome.exit_code();
    Ok(Outcome {
        stdout: outcome.stdout,
        stderr: outcome.stderr,
        exit_code,
    })
}
