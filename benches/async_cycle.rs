//! `cargo bench --bench async_cycle`: the cost of one await-and-resume cycle,
//! counted in emulated instructions (exact and repeatable).
//!
//! Under each lowering (`--lowering table`, `direct` and `stackful`), a two-task
//! `Task.Yield()` ping-pong runs at two loop counts; the difference
//! divided by the extra cycles cancels every fixed cost (start-up, Main, the
//! final completion). Also reports the code bytes one more `await` adds to a
//! resume function, and what a `try` costs: entered and left normally, and a
//! throw caught by it, per loop iteration against the same loop without it.

use flux_viz::pipeline::{Lowering, Model, Target};
use flux_viz::{emulate, pipeline};

/// Compiles `source` for `lowering` (the C# schedule).
fn compile(name: &str, source: &str, lowering: Lowering) -> pipeline::Compiled {
    compile_for(
        name,
        source,
        Target {
            lowering,
            ..Target::default()
        },
    )
}

fn compile_for(name: &str, source: &str, target: Target) -> pipeline::Compiled {
    let dir = tempfile::tempdir().expect("a scratch directory");
    let path = dir.path().join(name);
    std::fs::write(&path, source).expect("writes");
    pipeline::compile_file_with(&path, target).unwrap_or_else(|f| panic!("{}", f.render()))
}

const PINGPONG: &str = include_str!("programs/pingpong_cycle.fs");

/// Instructions executed by the ping-pong with `rounds` yields per task.
fn instructions(rounds: u32, target: Target) -> u64 {
    let source = PINGPONG.replace("ROUNDS", &rounds.to_string());
    let compiled = compile_for("pingpong.fs", &source, target);
    let outcome = emulate::run(&compiled.image, &emulate::Options::default());
    assert_eq!(outcome.stdout, b"done\n", "the ping-pong must finish");
    outcome.insns
}

/// Bytes of `Program.Body$resume` (stackful: `Program.Body$fiber`, the
/// body on the task's stack) in a method with `awaits` copies of `line`.
fn resume_bytes(line: &str, awaits: usize, lowering: Lowering) -> u64 {
    let body = format!("        {line}\n").repeat(awaits);
    let source = format!(
        "using System.Threading.Tasks;\nclass Program {{\n    static async Task Body() {{\n{body}    }}\n    static async Task Main() {{ await Body(); }}\n}}\n"
    );
    let compiled = compile("awaits.fs", &source, lowering);
    let image = &compiled.image;
    let body = match lowering {
        Lowering::Stackful => flux_viz::lower::labels::fiber("Program.Body"),
        _ => flux_viz::lower::labels::resume("Program.Body"),
    };
    image
        .map
        .iter()
        .filter(|entry| *entry.origin.function == *body)
        .map(|entry| u64::from(entry.len))
        .sum()
}

/// Instructions of a loop of `n` iterations whose body is `body`.
fn loop_instructions(body: &str, n: u32) -> u64 {
    let source = format!(
        "using System;\nclass Program {{\n    static void Main() {{\n        Exception e = new InvalidOperationException(\"x\");\n        int sum = 0;\n        for (int i = 0; i < {n}; i++) {{\n            {body}\n        }}\n        Console.WriteLine(sum > 0);\n    }}\n}}\n"
    );
    let compiled =
        pipeline::compile_source("try.fs", &source).unwrap_or_else(|f| panic!("{}", f.render()));
    let outcome = emulate::run(&compiled.image, &emulate::Options::default());
    assert_eq!(outcome.stdout, b"True\n", "the loop must finish");
    outcome.insns
}

/// Extra instructions per iteration of `body` against `base`.
fn per_iteration(body: &str, base: &str) -> f64 {
    let (small, large) = (1_000u32, 2_000u32);
    let with = loop_instructions(body, large) - loop_instructions(body, small);
    let without = loop_instructions(base, large) - loop_instructions(base, small);
    (with as f64 - without as f64) / f64::from(large - small)
}

fn main() {
    for lowering in [Lowering::Table, Lowering::Direct, Lowering::Stackful] {
        let name = lowering.name();
        let (small, large) = (1_000u32, 2_000u32);
        let target = Target {
            lowering,
            ..Target::default()
        };
        let (a, b) = (instructions(small, target), instructions(large, target));
        // Each round is one cycle in each of the two tasks.
        let cycles = 2 * u64::from(large - small);
        println!(
            "--lowering {name}: await-and-resume cycle (Task.Yield ping-pong): {:.1} instructions per cycle ({a} insns at {small} rounds, {b} at {large})",
            (b - a) as f64 / cycles as f64
        );
        for line in ["await Task.Yield();", "await Task.Delay(1);"] {
            let one = resume_bytes(line, 1, lowering);
            let eleven = resume_bytes(line, 11, lowering);
            println!(
                "--lowering {name}: code per await point `{line}`: {:.1} bytes (resume function: {one} bytes with 1, {eleven} with 11)",
                (eleven - one) as f64 / 10.0
            );
        }
    }
    // Rust's model: the tasks run one after the other (lazy), but each
    // round is still one await-and-resume cycle of a Task.Yield().
    let rust = Target {
        model: Model::Rust,
        ..Target::default()
    };
    let (small, large) = (1_000u32, 2_000u32);
    let (a, b) = (instructions(small, rust), instructions(large, rust));
    println!(
        "--model rust: await-and-resume cycle (Task.Yield ping-pong: wake, Pending up to the executor, its poll down the chain): {:.1} instructions per cycle ({a} insns at {small} rounds, {b} at {large})",
        (b - a) as f64 / (2 * u64::from(large - small)) as f64
    );
    let plain = "sum += i;";
    let in_try = "try { sum += i; } catch (Exception) { sum = -1; }";
    println!(
        "a try entered and left normally: {:.1} instructions per iteration more than without it (15 make and unlink its handler record; the rest: the function's locals live on the stack)",
        per_iteration(in_try, plain)
    );
    let thrown = "try { sum += i; throw e; } catch (InvalidOperationException) { sum += 1; }";
    let caught_by_hand =
        "try { sum += i; sum += 1; } catch (InvalidOperationException) { sum = -1; }";
    println!(
        "a throw caught by its try: {:.1} instructions per throw (rt_throw_at, the unwind, the catch clause's type test)",
        per_iteration(thrown, caught_by_hand)
    );
}
