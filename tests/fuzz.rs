//! The front end never panics: random bytes, token soups and mutated real
//! programs go through parse + check. (The long run is `make fuzz`:
//! `examples/fuzz_check.rs`, same generators, for ten minutes.)

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
