//! `cargo bench --bench compile`: compile time, source → linked image (parse,
//! check, lower, codegen, runtime, encoding), for the whole tests/programs
//! corpus and for generated programs of 1,000, 10,000 and 100,000 lines.
//! Medians, with the allocator the `flux-viz` binary uses (mimalloc,
//! src/main.rs).

#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

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
    // Linear in the size: 1 k, 10 k and 100 k generated lines (issue 13:
    // 100 k under 3 s).
    for (size, runs) in [(1_000, 9), (10_000, 5), (100_000, 3)] {
        let source = generate::program(size);
        let big_lines = source.lines().count();
        let ms = measure::median_ms(runs, || {
            flux_viz::pipeline::compile_source("generated.fs", &source)
                .unwrap_or_else(|f| panic!("{}", f.render()));
        });
        println!(
            "generated: {big_lines} lines: {ms:.1} ms ({:.1} ms per 1,000 lines)",
            ms * 1000.0 / big_lines as f64
        );
    }
}
