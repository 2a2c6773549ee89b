//! Fuzzes the front end: `cargo run --release --example fuzz_check -- --seconds 600`.
//!
//! Feeds random bytes, token soups and mutated real programs (tests/programs,
//! lessons) to parse + check for the given time, and stops at the first panic,
//! saving the input to `fuzz-crash.fs`. Prints the number of executions.

#[path = "../benches/support/fuzz_input.rs"]
mod fuzz_input;

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

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let seconds = args
        .iter()
        .position(|a| a == "--seconds")
        .and_then(|i| args.get(i + 1))
        .and_then(|s| s.parse().ok())
        .unwrap_or(60u64);
    let seed = args
        .iter()
        .position(|a| a == "--seed")
        .and_then(|i| args.get(i + 1))
        .and_then(|s| s.parse().ok())
        .unwrap_or(1u64);
    let corpus = corpus();
    let mut rng = fuzz_input::Rng::new(seed);
    let deadline = Instant::now() + Duration::from_secs(seconds);
    let (mut runs, mut clean) = (0u64, 0u64);
    std::panic::set_hook(Box::new(|_| {}));
    while Instant::now() < deadline {
        let input = fuzz_input::input(&mut rng, &corpus);
        let outcome = std::panic::catch_unwind(|| {
            flux_viz::pipeline::check_source("fuzz.fs", &input).is_ok()
        });
        runs += 1;
        match outcome {
            Ok(true) => clean += 1,
            Ok(false) => {}
            Err(_) => {
                std::fs::write("fuzz-crash.fs", &input).ok();
                eprintln!("panic after {runs} executions; input saved to fuzz-crash.fs");
                std::process::exit(1);
            }
        }
    }
    println!(
        "{runs} executions in {seconds} s, no panic ({clean} inputs checked clean, corpus of {} programs)",
        corpus.len()
    );
}
