//! Front-end speed, split into parsing and checking (`cargo test --release
//! --test check_perf -- --ignored --nocapture`). The benchmark of record is
//! `cargo bench --bench check`; this one says which stage the time goes to.

#[path = "../benches/support/generate.rs"]
mod generate;

use flux_viz::source::Sources;
use std::time::Instant;

#[test]
#[ignore = "a measurement, run in release"]
fn parse_and_check_split() {
    let source = generate::program(10_000);
    let mut best = (f64::MAX, f64::MAX);
    for _ in 0..5 {
        let mut sources = Sources::new();
        let start = Instant::now();
        let (program, diags) =
            flux_viz::parse::parse_source(&mut sources, "generated.fs", source.clone());
        let parsed = start.elapsed().as_secs_f64() * 1e3;
        assert!(diags.is_empty());
        let start = Instant::now();
        let (_, diags) = flux_viz::check::check(&program);
        let checked = start.elapsed().as_secs_f64() * 1e3;
        assert!(
            diags.is_empty(),
            "{}",
            flux_viz::diag::render(&sources, &diags, false)
        );
        best = (best.0.min(parsed), best.1.min(checked));
    }
    println!(
        "{} lines: parse {:.1} ms, check {:.1} ms",
        source.lines().count(),
        best.0,
        best.1
    );
}
