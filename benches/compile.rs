//! `cargo bench --bench compile`: compile time, source → linked image (parse,
//! check, lower, codegen, runtime, encoding), for the whole tests/programs
//! corpus and for a generated 10,000-line program. Median of 5 runs.

#[path = "support/generate.rs"]
mod generate;

use std::path::PathBuf;
use std::time::Instant;

fn median_ms(mut f: impl FnMut()) -> f64 {
    let mut times: Vec<f64> = (0..5)
        .map(|_| {
            let start = Instant::now();
            f();
            start.elapsed().as_secs_f64() * 1e3
        })
        .collect();
    times.sort_by(f64::total_cmp);
    times[2]
}

fn corpus() -> Vec<PathBuf> {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/programs");
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap()
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "fs"))
        .collect();
    files.sort();
    files
}

fn main() {
    let files = corpus();
    let lines: usize = files
        .iter()
        .map(|p| std::fs::read_to_string(p).unwrap().lines().count())
        .sum();
    let ms = median_ms(|| {
        for file in &files {
            flux_viz::pipeline::compile_file(file).unwrap_or_else(|f| panic!("{}", f.render()));
        }
    });
    println!(
        "corpus: {} programs, {lines} lines: {ms:.1} ms ({:.2} ms per program, {:.1} ms per 1,000 lines)",
        files.len(),
        ms / files.len() as f64,
        ms * 1000.0 / lines as f64
    );
    let source = generate::program(10_000);
    let big_lines = source.lines().count();
    let ms = median_ms(|| {
        flux_viz::pipeline::compile_source("generated.fs", &source)
            .unwrap_or_else(|f| panic!("{}", f.render()));
    });
    println!(
        "generated: {big_lines} lines: {ms:.1} ms ({:.1} ms per 1,000 lines)",
        ms * 1000.0 / big_lines as f64
    );
}
