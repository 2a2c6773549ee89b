//! The front end's memory on one input: peak resident memory after parsing
//! and after checking, and the syntax tree's live allocations by size.
//!
//! `cargo run --release --example generate -- 1800000 > /tmp/big.fs` (50 MB),
//! then `cargo run --release --example frontend_memory -- /tmp/big.fs`.

use std::alloc::{GlobalAlloc, Layout, System};
use std::sync::atomic::{AtomicI64, Ordering::Relaxed};

/// Live allocations and bytes by size class: 8-byte classes below 256
/// bytes, 128-byte ones above, the last one open-ended.
static LIVE: [AtomicI64; 64] = [const { AtomicI64::new(0) }; 64];
static BYTES: [AtomicI64; 64] = [const { AtomicI64::new(0) }; 64];

fn class(size: usize) -> usize {
    if size < 256 {
        size / 8
    } else {
        (32 + (size - 256) / 128).min(63)
    }
}

fn class_start(i: usize) -> usize {
    if i < 32 {
        i * 8
    } else {
        256 + (i - 32) * 128
    }
}

fn count(size: usize, sign: i64) {
    LIVE[class(size)].fetch_add(sign, Relaxed);
    BYTES[class(size)].fetch_add(sign * size as i64, Relaxed);
}

struct Counting;

unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        count(layout.size(), 1);
        unsafe { System.alloc(layout) }
    }
    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        count(layout.size(), -1);
        unsafe { System.dealloc(ptr, layout) }
    }
    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        count(layout.size(), -1);
        count(new_size, 1);
        unsafe { System.realloc(ptr, layout, new_size) }
    }
}

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
    let total: i64 = BYTES.iter().map(|b| b.load(Relaxed)).sum();
    let count: i64 = LIVE.iter().map(|n| n.load(Relaxed)).sum();
    println!("  live: {count} allocations, {} MB", total >> 20);
    for i in 0..64 {
        let bytes = BYTES[i].load(Relaxed);
        if bytes > 4 << 20 {
            let n = LIVE[i].load(Relaxed);
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
