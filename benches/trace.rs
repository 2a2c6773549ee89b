//! `cargo bench --bench trace`: `flux-viz trace` as an autograder runs it —
//! the release binary in a process of its own, its output to a pipe that is
//! read and thrown away — timed from spawn to exit, with the process's peak
//! resident memory (`wait4`'s `ru_maxrss`). Issue 13's goals:
//!
//! - N tasks × 10 awaits (each task `await Task.Yield()` ten times, Main
//!   awaits them all): N = 40 under 0.3 s, N = 1,000 under 5 s;
//! - benches/programs/million_awaits.fs (10^6 awaits) traced to its end
//!   under 20 s and 1 GB, and with `--events exit` under 5 s.
//!
//! Medians of 3 runs (1 for the million). The budgets are goals, not
//! assertions: the bench always ends.

use std::io::Read;
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

const MILLION: &str = "benches/programs/million_awaits.fs";

/// N tasks that each yield ten times.
fn tasks_program(n: usize) -> String {
    format!(
        "using System;\nusing System.Threading.Tasks;\n\
         class Program {{\n\
         \x20   static async Task Work(int id) {{ for (int i = 0; i < 10; i++) {{ await Task.Yield(); }} }}\n\
         \x20   static async Task Main() {{\n\
         \x20       Task[] tasks = new Task[{n}];\n\
         \x20       for (int i = 0; i < tasks.Length; i++) tasks[i] = Work(i);\n\
         \x20       await Task.WhenAll(tasks);\n\
         \x20       Console.WriteLine(\"done\");\n\
         \x20   }}\n}}\n"
    )
}

/// One `flux-viz trace` run: wall time, peak resident MiB, output lines.
/// The child is reaped by `wait4` (which also gives its peak memory), not
/// by `Child::wait`.
#[allow(clippy::zombie_processes)]
fn trace(file: &Path, events: &str) -> (Duration, f64, usize) {
    let binary = env!("CARGO_BIN_EXE_flux-viz");
    let start = Instant::now();
    let mut child = Command::new(binary)
        .args(["trace", "--events", events])
        .arg(file)
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("flux-viz starts");
    let mut out = child.stdout.take().expect("a pipe");
    let mut lines = 0;
    let mut buf = vec![0u8; 1 << 16];
    loop {
        match out.read(&mut buf) {
            Ok(0) | Err(_) => break,
            Ok(n) => lines += buf[..n].iter().filter(|&&b| b == b'\n').count(),
        }
    }
    let mut status = 0;
    // SAFETY: a zeroed rusage is a valid out-parameter for wait4.
    let mut usage: libc::rusage = unsafe { std::mem::zeroed() };
    // SAFETY: the pid is our own child's, not yet waited for.
    unsafe { libc::wait4(child.id() as i32, &mut status, 0, &mut usage) };
    let took = start.elapsed();
    (took, usage.ru_maxrss as f64 / 1024.0, lines)
}

fn report(what: &str, runs: usize, file: &Path, events: &str, budget_s: f64, budget_mib: f64) {
    let mut samples: Vec<(Duration, f64, usize)> = (0..runs).map(|_| trace(file, events)).collect();
    samples.sort_by_key(|s| s.0);
    let (took, mib, lines) = samples[samples.len() / 2];
    let s = took.as_secs_f64();
    let verdict = if s < budget_s && mib < budget_mib {
        "ok"
    } else {
        "OVER BUDGET"
    };
    println!(
        "{what:<44} {s:>8.3} s  {mib:>7.1} MiB peak  {lines:>9} lines   (budget {budget_s} s, {budget_mib} MiB: {verdict})"
    );
}

fn main() {
    let dir = tempfile::tempdir().expect("a scratch directory");
    for (n, budget) in [(40, 0.3), (1_000, 5.0)] {
        let file = dir.path().join(format!("tasks_{n}.fs"));
        std::fs::write(&file, tasks_program(n)).expect("writes");
        report(
            &format!("trace, {n} tasks x 10 awaits"),
            3,
            &file,
            "all",
            budget,
            1024.0,
        );
    }
    let million = Path::new(MILLION);
    report(
        "trace --events exit, 10^6 awaits",
        1,
        million,
        "exit",
        5.0,
        1024.0,
    );
    report(
        "trace, 10^6 awaits, every event",
        1,
        million,
        "all",
        20.0,
        1024.0,
    );
}
