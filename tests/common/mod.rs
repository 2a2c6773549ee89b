//! Helpers shared by the integration tests that need outside tools.

use flux_viz::verify::process;

/// Are `tools` installed? Missing: a failure when the environment variable CI
/// is set, a printed note (and the test skips) otherwise.
pub fn have(tools: &[&str]) -> bool {
    let missing = process::missing(tools);
    if !missing.is_empty() {
        assert!(
            std::env::var_os("CI").is_none(),
            "{} required when CI is set",
            missing.join(", ")
        );
        eprintln!("note: {} not found, test skipped", missing.join(", "));
    }
    missing.is_empty()
}
