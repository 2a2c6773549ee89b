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
        let sm = pipeline::state_machines(relative(path), false, Default::default())
            .unwrap_or_else(|f| panic!("{}", f.render()));
        insta::assert_snapshot!(document(path, &sm));
    });
}

#[test]
fn state_machine_graph() {
    let path = Path::new("tests/codegen/async_nested.fs");
    let dot = pipeline::state_machines(path, true, Default::default())
        .unwrap_or_else(|f| panic!("{}", f.render()));
    insta::assert_snapshot!(dot);
}

/// The canonical counting loop `for (int i = C; i < a.Length; i++)` loses the
/// null and bounds checks of `a[i]` in its body, and the asm says why; a loop
/// that moves `i`, assigns `a` or starts below 0 keeps them
/// (tests/programs/counting_loop_*.fs check that those still fail with the
/// right exit code, emulated, native and under mono).
#[test]
fn counting_loops_drop_only_checks_that_cannot_fail() {
    let asm_of = |name: &str| {
        let path = format!("tests/programs/{name}.fs");
        pipeline::generated_asm(Path::new(&path)).unwrap_or_else(|f| panic!("{}", f.render()))
    };
    let proven = |asm: &str| asm.matches("is the loop's own condition").count();
    let asm = asm_of("counting_loop_in_range");
    // a[i] = …, s += a[i], a[i] += …; not a[i - 1], not the while loop's a[k].
    assert_eq!(proven(&asm), 3, "{asm}");
    assert!(asm.contains("; a[i]: no null or bounds check — 0 <= i < a.Length"));
    for name in [
        "counting_loop_moves_i",
        "counting_loop_moves_i_down",
        "counting_loop_replaces_array",
        "counting_loop_nulls_array",
        "counting_loop_starts_negative",
    ] {
        let asm = asm_of(name);
        assert_eq!(proven(&asm), 0, "{name}:\n{asm}");
        assert!(asm.contains("jae     .L.fail.index"), "{name}:\n{asm}");
    }
    // Assigned in the body: the array's null check stays too.
    assert!(asm_of("counting_loop_nulls_array").contains("je      .L.fail.null"));
}
