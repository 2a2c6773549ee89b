//! The front end's memory is a bounded multiple of the source size (issue
//! 11): the peak of live heap bytes while parsing, and while checking, of a
//! generated 5 MB program, counted by this binary's allocator (allocation
//! sizes are deterministic, unlike resident memory). A 50 MB file peaks at
//! 1.8 GB resident through `flux-viz check` (`examples/frontend_memory.rs`).

#[path = "../benches/support/generate.rs"]
mod generate;

#[path = "../benches/support/counting.rs"]
mod counting;

use counting::{peak_during, Counting};

#[global_allocator]
static COUNTING: Counting = Counting;

#[test]
fn parsing_and_checking_take_a_bounded_multiple_of_the_source() {
    let source = generate::program(180_000);
    let size = source.len();
    assert!(size > 5_000_000, "{size} bytes");
    let mut sources = flux_viz::source::Sources::new();
    let ((program, diags), parse_peak) =
        peak_during(|| flux_viz::parse::parse_source(&mut sources, "big.fs", source));
    assert!(diags.is_empty());
    let ((_typed, diags), check_peak) = peak_during(|| flux_viz::check::check(&program));
    assert!(diags.is_empty());
    let per_byte = |bytes: usize| bytes as f64 / size as f64;
    println!(
        "{size} bytes: parsing peaks at {:.1}x, checking adds {:.1}x",
        per_byte(parse_peak),
        per_byte(check_peak)
    );
    // Parsing the whole file at once took 60x (pest's token queue); in
    // pieces the tree's own size is what remains.
    assert!(
        per_byte(parse_peak) < 22.0,
        "parsing: {:.1}x",
        per_byte(parse_peak)
    );
    assert!(
        per_byte(check_peak) < 16.0,
        "checking: {:.1}x",
        per_byte(check_peak)
    );
}
