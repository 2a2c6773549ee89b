//! The `flux-viz` binary: everything happens in `flux_viz::cli`.

fn main() -> std::process::ExitCode {
    flux_viz::cli::main()
}
