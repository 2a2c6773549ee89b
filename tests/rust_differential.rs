//! `--model rust` against real Rust (issue 17): every program of
//! tests/rust_model/ is a hand translation of a Flux# program (named on its
//! first line) onto a minimal single-threaded executor (executor.rs, std
//! only), built by rustc; it must print exactly what flux-viz prints for the
//! Flux# program under `--model rust`, and end the same way.
//!
//! Where the two models differ (the translations' own comments say why):
//! Rust's futures are lazy, so a method called and awaited later starts only
//! at its await, and two tasks awaited one after the other run one after the
//! other; C#'s hot start runs each method at its call, so they interleave.
//! A join (`Task.WhenAll`) polls all its children, so they wait together
//! under both models. The test checks those differences are real, too.

use flux_viz::emulate;
use flux_viz::pipeline::{self, Model, Target};
use std::path::{Path, PathBuf};
use std::process::Command;

/// The translations: (the Rust file, the Flux# program it translates).
fn pairs() -> Vec<(PathBuf, PathBuf)> {
    let mut pairs: Vec<(PathBuf, PathBuf)> = std::fs::read_dir("tests/rust_model")
        .unwrap()
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == "rs"))
        .filter(|p| p.file_stem().is_some_and(|s| s != "executor"))
        .map(|rust| {
            let text = std::fs::read_to_string(&rust).unwrap();
            let source = text
                .lines()
                .next()
                .and_then(|l| l.strip_prefix("//! flux: "))
                .unwrap_or_else(|| panic!("{}: no `//! flux: FILE` line", rust.display()));
            (rust.clone(), PathBuf::from(source.trim()))
        })
        .collect();
    pairs.sort();
    pairs
}

/// What flux-viz's emulated run of `path` prints under `model`.
fn flux(path: &Path, model: Model) -> (Vec<u8>, emulate::Stop) {
    let target = Target {
        model,
        ..Target::default()
    };
    let compiled = pipeline::compile_file_with(path, target)
        .unwrap_or_else(|f| panic!("{}: {}", path.display(), f.render()));
    let out = emulate::run(&compiled.image, &emulate::Options::default());
    (out.stdout, out.stop)
}

fn rustc_present() -> bool {
    let present = Command::new("rustc")
        .arg("--version")
        .output()
        .is_ok_and(|o| o.status.success());
    if !present && std::env::var_os("CI").is_some() {
        panic!("rustc is needed for the Rust differential (CI is set)");
    }
    present
}

#[test]
fn every_rust_translation_prints_what_the_rust_model_prints() {
    let pairs = pairs();
    assert!(pairs.len() >= 12, "only {} translations", pairs.len());
    if !rustc_present() {
        eprintln!("rustc not found: the Rust differential is skipped");
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    for (rust, source) in &pairs {
        let exe = dir.path().join(rust.file_stem().unwrap());
        let built = Command::new("rustc")
            .args(["--edition", "2021", "-O", "-o"])
            .arg(&exe)
            .arg(rust)
            .output()
            .unwrap();
        assert!(
            built.status.success(),
            "{}: rustc failed:\n{}",
            rust.display(),
            String::from_utf8_lossy(&built.stderr)
        );
        let ran = Command::new(&exe).output().unwrap();
        let (stdout, stop) = flux(source, Model::Rust);
        assert_eq!(
            String::from_utf8_lossy(&ran.stdout),
            String::from_utf8_lossy(&stdout),
            "{} against {} under --model rust",
            rust.display(),
            source.display()
        );
        let code = ran.status.code().unwrap_or(-1);
        assert_eq!(
            stop,
            emulate::Stop::Exited(code),
            "{}: exit",
            rust.display()
        );
    }
}

/// Lazy against hot: the translations that say C# differs are right.
#[test]
fn lazy_futures_change_the_order_where_the_translations_say_so() {
    for (rust, source) in pairs() {
        let text = std::fs::read_to_string(&rust).unwrap();
        let says_it_differs = text.contains("Lazy:");
        let (rust_out, _) = flux(&source, Model::Rust);
        let (csharp_out, _) = flux(&source, Model::Csharp);
        assert_eq!(
            rust_out != csharp_out,
            says_it_differs,
            "{}: the two models {} here",
            rust.display(),
            if rust_out != csharp_out {
                "differ"
            } else {
                "agree"
            }
        );
    }
}
