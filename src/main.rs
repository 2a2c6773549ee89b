//! The `flux-viz` binary: everything happens in `flux_viz::cli`.

#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> std::process::ExitCode {
    flux_viz::cli::main()
}
