//! `cargo bench --bench async_cycle`: the cost of one await-and-resume cycle,
//! counted in emulated instructions (exact and repeatable).
//!
//! A two-task `Task.Yield()` ping-pong runs at two loop counts; the difference
//! divided by the extra cycles cancels every fixed cost (start-up, Main, the
//! final completion). Also reports the code bytes one more `await` adds to a
//! resume function.

use flux_viz::{emulate, pipeline};

const PINGPONG: &str = include_str!("programs/pingpong_cycle.fs");

/// Instructions executed by the ping-pong with `rounds` yields per task.
fn instructions(rounds: u32) -> u64 {
    let source = PINGPONG.replace("ROUNDS", &rounds.to_string());
    let compiled = pipeline::compile_source("pingpong.fs", &source)
        .unwrap_or_else(|f| panic!("{}", f.render()));
    let outcome = emulate::run(&compiled.image, &emulate::Options::default());
    assert_eq!(outcome.stdout, b"done\n", "the ping-pong must finish");
    outcome.insns
}

/// Bytes of `Program.Body$resume` in a method with `awaits` copies of `line`.
fn resume_bytes(line: &str, awaits: usize) -> u64 {
    let body = format!("        {line}\n").repeat(awaits);
    let source = format!(
        "using System.Threading.Tasks;\nclass Program {{\n    static async Task Body() {{\n{body}    }}\n    static async Task Main() {{ await Body(); }}\n}}\n"
    );
    let compiled =
        pipeline::compile_source("awaits.fs", &source).unwrap_or_else(|f| panic!("{}", f.render()));
    let image = &compiled.image;
    image
        .map
        .iter()
        .filter(|entry| &*entry.origin.function == "Program.Body$resume")
        .map(|entry| u64::from(entry.len))
        .sum()
}

fn main() {
    let (small, large) = (1_000u32, 2_000u32);
    let (a, b) = (instructions(small), instructions(large));
    // Each round is one cycle in each of the two tasks.
    let cycles = 2 * u64::from(large - small);
    println!(
        "await-and-resume cycle (Task.Yield ping-pong): {:.1} instructions per cycle ({a} insns at {small} rounds, {b} at {large})",
        (b - a) as f64 / cycles as f64
    );
    for line in ["await Task.Yield();", "await Task.Delay(1);"] {
        let (one, eleven) = (resume_bytes(line, 1), resume_bytes(line, 11));
        println!(
            "code per await point `{line}`: {:.1} bytes (resume function: {one} bytes with 1, {eleven} with 11)",
            (eleven - one) as f64 / 10.0
        );
    }
}
