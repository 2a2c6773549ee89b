//! Shared by the benchmarks (and the fuzz test): timing and the corpus.

use std::path::PathBuf;
use std::time::Instant;

/// The median wall time of `runs` calls of `f`, in milliseconds.
#[allow(dead_code)]
pub fn median_ms(runs: usize, mut f: impl FnMut()) -> f64 {
    let mut times: Vec<f64> = (0..runs)
        .map(|_| {
            let start = Instant::now();
            f();
            start.elapsed().as_secs_f64() * 1e3
        })
        .collect();
    times.sort_by(f64::total_cmp);
    times[times.len() / 2]
}

/// The programs of tests/programs, sorted by name.
#[allow(dead_code)]
pub fn corpus_files() -> Vec<PathBuf> {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/programs");
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .expect("tests/programs")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "fs"))
        .collect();
    files.sort();
    files
}
