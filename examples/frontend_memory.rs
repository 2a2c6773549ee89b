//! The front end's memory on one input: peak resident memory after parsing
//! and after checking, and the syntax tree's live allocations by size.
//!
//! `cargo run --release --example generate -- 1800000 > /tmp/big.fs` (50 MB),
//! then `cargo run --release --example frontend_memory -- /tmp/big.fs`.

#[path = "../benches/support/counting.rs"]
mod counting;

use counting::{class_live, class_start, Counting, CLASSES};

#[global_allocator]
static COUNTING: Counting = Counting;

/// Peak and current resident memory, from /proc.
fn resident() -> String {
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    let field = |name: &str| {
        status
            .lines()
            .find(|l| l.starts_with(name))
            .and_then(|l| l.split_whitespace().nth(1))
            .and_then(|kb| kb.parse::<u64>().ok())
            .map_or(0, |kb| kb >> 10)
    };
    format!("peak {} MB, now {} MB", field("VmHWM"), field("VmRSS"))
}

fn live_allocations() {
    let classes: Vec<(i64, i64)> = (0..CLASSES).map(class_live).collect();
    let count: i64 = classes.iter().map(|c| c.0).sum();
    let total: i64 = classes.iter().map(|c| c.1).sum();
    println!("  live: {count} allocations, {} MB", total >> 20);
    for (i, (n, bytes)) in classes.into_iter().enumerate() {
        if bytes > 4 << 20 {
            println!(
                "  {:5} bytes and up: {n:9} allocations, {:4} MB",
                class_start(i),
                bytes >> 20
            );
        }
    }
}

fn main() {
    let Some(path) = std::env::args().nth(1) else {
        eprintln!("usage: frontend_memory FILE.fs");
        std::process::exit(64);
    };
    let text = std::fs::read_to_string(&path).expect("readable UTF-8 source");
    let size_mb = text.len() as f64 / 1e6;
    println!("{path}: {size_mb:.1} MB; read: {}", resident());
    let mut sources = flux_viz::source::Sources::new();
    let start = std::time::Instant::now();
    let (program, diags) = flux_viz::parse::parse_source(&mut sources, &path, text);
    let parsed = start.elapsed().as_secs_f64();
    println!(
        "parsed in {parsed:.1} s ({} diagnostics): {}",
        diags.len(),
        resident()
    );
    live_allocations();
    let start = std::time::Instant::now();
    let (typed, diags) = flux_viz::check::check(&program);
    let checked = start.elapsed().as_secs_f64();
    println!(
        "checked in {checked:.1} s ({} diagnostics): {}",
        diags.len(),
        resident()
    );
    live_allocations();
    drop(typed);
}
