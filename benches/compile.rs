//! `cargo bench --bench compile`: compile time, source → linked image (parse,
//! check, lower, codegen, runtime, encoding), for the whole tests/programs
//! corpus and for a generated 10,000-line program. Median of 5 runs.

#[path = "support/generate.rs"]
mod generate;
#[path = "support/measure.rs"]
mod measure;

fn main() {
    let files = measure::corpus_files();
    let lines: usize = files
        .iter()
        .map(|p| std::fs::read_to_string(p).unwrap().lines().count())
        .sum();
    let ms = measure::median_ms(5, || {
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
    let ms = measure::median_ms(5, || {
        flux_viz::pipeline::compile_source("generated.fs", &source)
            .unwrap_or_else(|f| panic!("{}", f.render()));
    });
    println!(
        "generated: {big_lines} lines: {ms:.1} ms ({:.1} ms per 1,000 lines)",
        ms * 1000.0 / big_lines as f64
    );
}
