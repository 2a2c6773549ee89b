//! Prints a large, valid Flux# program of about N lines (default 10,000):
//! `cargo run --release --example generate -- 1000000 > big.fs`, for
//! measuring the front end's time and memory on big inputs (see
//! `examples/frontend_memory.rs`).

#[path = "../benches/support/generate.rs"]
mod generate;

fn main() {
    let lines = std::env::args()
        .nth(1)
        .and_then(|a| a.parse().ok())
        .unwrap_or(10_000);
    print!("{}", generate::program(lines));
}
