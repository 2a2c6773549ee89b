//! `cargo bench --bench check`: front-end speed on a generated 10,000-line
//! program (many classes and async methods). The goal is under 100 ms for
//! parse + check in a release build. Prints the median of 11 runs.

#[path = "support/generate.rs"]
mod generate;
#[path = "support/measure.rs"]
mod measure;

fn main() {
    let source = generate::program(10_000);
    let lines = source.lines().count();
    if let Err(failure) = flux_viz::pipeline::check_source("generated.fs", &source) {
        eprintln!("{}", failure.render());
        panic!("the generated program must check clean");
    }
    let ms = measure::median_ms(11, || {
        flux_viz::pipeline::check_source("generated.fs", &source).ok();
    });
    println!(
        "check: {lines} lines, {} KiB: median {ms:.1} ms ({:.2} ms per 1,000 lines)",
        source.len() / 1024,
        ms * 1000.0 / lines as f64
    );
}
