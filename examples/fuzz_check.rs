//! Fuzzes the whole pipeline: `cargo run --release --example fuzz_check --
//! --seconds 1800` (`make fuzz`).
//!
//! Feeds random bytes, token soups and mutated real programs (tests/programs,
//! lessons, tests/check/valid) to parse + check; whatever checks clean is
//! compiled and run in the emulator with a budget of 2 M instructions, and
//! one in `--engine-every` (default 20) also in the stepping engine, whose
//! run must agree with the emulator's. It stops at the first finding: a panic
//! anywhere, a CPU fault or forbidden system call of a type-checked program,
//! or an engine/emulator disagreement, saving the input to `fuzz-crash.fs`.
//! `--stages check` fuzzes only the front end (much faster).

#[path = "../benches/support/fuzz_input.rs"]
mod fuzz_input;

use fuzz_input::Outcome;
use std::time::{Duration, Instant};

fn corpus() -> Vec<String> {
    ["tests/programs", "lessons", "tests/check/valid"]
        .iter()
        .filter_map(|dir| std::fs::read_dir(dir).ok())
        .flatten()
        .filter_map(|entry| entry.ok())
        .filter(|entry| entry.path().extension().is_some_and(|e| e == "fs"))
        .filter_map(|entry| std::fs::read_to_string(entry.path()).ok())
        .collect()
}

/// `--name value` from the command line, parsed, or `default`.
fn flag<T: std::str::FromStr>(args: &[String], name: &str, default: T) -> T {
    args.iter()
        .position(|a| a == name)
        .and_then(|i| args.get(i + 1))
        .and_then(|s| s.parse().ok())
        .unwrap_or(default)
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let seconds: u64 = flag(&args, "--seconds", 60);
    let seed: u64 = flag(&args, "--seed", 1);
    let engine_every: u64 = flag(&args, "--engine-every", 20).max(1);
    let check_only = flag(&args, "--stages", String::from("all")) == "check";
    let corpus = corpus();
    let mut rng = fuzz_input::Rng::new(seed);
    let deadline = Instant::now() + Duration::from_secs(seconds);
    let (mut runs, mut rejected, mut ran, mut engine_runs) = (0u64, 0u64, 0u64, 0u64);
    std::panic::set_hook(Box::new(|_| {}));
    while Instant::now() < deadline {
        let input = fuzz_input::input(&mut rng, &corpus);
        let engine = !check_only && runs % engine_every == 0;
        let outcome = std::panic::catch_unwind(|| {
            if check_only {
                match flux_viz::pipeline::check_source("fuzz.fs", &input) {
                    Ok(_) => Outcome::Ran,
                    Err(_) => Outcome::Rejected,
                }
            } else {
                fuzz_input::through_pipeline(&input, engine)
            }
        });
        runs += 1;
        let finding = match outcome {
            Ok(Outcome::Rejected) => {
                rejected += 1;
                None
            }
            Ok(Outcome::Ran) => {
                ran += 1;
                engine_runs += u64::from(engine);
                None
            }
            Ok(Outcome::Finding(what)) => Some(what),
            Err(_) => Some("a panic".to_string()),
        };
        if let Some(what) = finding {
            std::fs::write("fuzz-crash.fs", &input).ok();
            eprintln!("finding after {runs} executions: {what}; input saved to fuzz-crash.fs");
            std::process::exit(1);
        }
    }
    println!(
        "{runs} executions in {seconds} s, no finding: {rejected} rejected with diagnostics, \
         {ran} compiled and ran ({engine_runs} also in the stepping engine); corpus of {} programs",
        corpus.len()
    );
}
