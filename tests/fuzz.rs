//! The front end never panics: random bytes, token soups and mutated real
//! programs go through parse + check; what checks clean compiles and runs
//! without a CPU fault, and in the stepping engine exactly as emulated. (The
//! long run is `make fuzz`: `examples/fuzz_check.rs`, same generators, for
//! thirty minutes.)

#[path = "../benches/support/fuzz_input.rs"]
mod fuzz_input;
#[path = "../benches/support/measure.rs"]
mod measure;

use proptest::prelude::*;

fn corpus() -> Vec<String> {
    measure::corpus_files()
        .iter()
        .map(|p| std::fs::read_to_string(p).unwrap())
        .collect()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(400))]

    #[test]
    fn check_never_panics_on_random_bytes(bytes in proptest::collection::vec(any::<u8>(), 0..400)) {
        let text = String::from_utf8_lossy(&bytes);
        let _ = flux_viz::pipeline::check_source("fuzz.fs", &text);
    }

    #[test]
    fn check_never_panics_on_token_soup_or_mutations(seed in any::<u64>()) {
        thread_local!(static CORPUS: Vec<String> = corpus());
        let input = CORPUS.with(|c| fuzz_input::input(&mut fuzz_input::Rng::new(seed), c));
        let _ = flux_viz::pipeline::check_source("fuzz.fs", &input);
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(60))]

    #[test]
    fn mutated_programs_compile_and_run_without_a_finding(seed in any::<u64>()) {
        thread_local!(static CORPUS: Vec<String> = corpus());
        let input = CORPUS.with(|c| fuzz_input::mutate(&mut fuzz_input::Rng::new(seed), &c[seed as usize % c.len()]));
        let outcome = fuzz_input::through_pipeline(&input, seed % 4 == 0);
        prop_assert!(!matches!(outcome, fuzz_input::Outcome::Finding(_)), "{:?} on:\n{}", outcome, input);
    }
}
