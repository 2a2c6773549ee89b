//! Snapshot tests of what the compiler emits for small programs
//! (tests/codegen/*.fs): the generated x86-64 (without the runtime) and, for
//! async programs, the state machines of `--emit sm`. Any change in code
//! generation shows up here for review (`cargo insta review`).

use flux_viz::pipeline;
use std::path::Path;

/// Paths relative to the crate (tests run there), so snapshots do not depend
/// on where the checkout lives.
fn relative(path: &Path) -> &Path {
    path.strip_prefix(env!("CARGO_MANIFEST_DIR"))
        .unwrap_or(path)
}

fn document(path: &Path, output: &str) -> String {
    let source = std::fs::read_to_string(path).unwrap();
    format!("----- SOURCE CODE\n{source}\n----- COMPILED OUTPUT\n{output}")
}

#[test]
fn generated_assembly() {
    insta::glob!("codegen/*.fs", |path| {
        let asm =
            pipeline::generated_asm(relative(path)).unwrap_or_else(|f| panic!("{}", f.render()));
        insta::assert_snapshot!(document(path, &asm));
    });
}

#[test]
fn state_machines() {
    insta::glob!("codegen/async_*.fs", |path| {
        let sm = pipeline::state_machines(relative(path), false)
            .unwrap_or_else(|f| panic!("{}", f.render()));
        insta::assert_snapshot!(document(path, &sm));
    });
}

#[test]
fn state_machine_graph() {
    let path = Path::new("tests/codegen/async_nested.fs");
    let dot = pipeline::state_machines(path, true).unwrap_or_else(|f| panic!("{}", f.render()));
    insta::assert_snapshot!(dot);
}
