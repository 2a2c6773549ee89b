//! The runtime's data layout has one place, src/runtime_layout.rs: the code
//! generator's promise header and the machine's inspectors read it, and the
//! NASM reader defines its names for the runtime's assembly. No runtime file
//! may define one of them again (a second place to drift), and every one is
//! used by the runtime (the list has no dead names).

use flux_viz::ir::header;
use flux_viz::runtime_layout::{self as rt, EQUATES};

/// The code part of every line of the embedded runtime sources.
fn runtime_code() -> Vec<(&'static str, &'static str)> {
    flux_viz::link::RUNTIME
        .iter()
        .flat_map(|(name, text)| text.lines().map(move |line| (*name, line)))
        .map(|(name, line)| (name, line.split(';').next().unwrap_or("")))
        .collect()
}

#[test]
fn no_runtime_file_defines_a_layout_name_again() {
    for (file, code) in runtime_code() {
        let Some((name, _)) = code.split_once(" equ ") else {
            continue;
        };
        let name = name.trim();
        assert!(
            EQUATES.iter().all(|e| e.name != name),
            "{file} defines {name}, which src/runtime_layout.rs defines"
        );
    }
}

#[test]
fn every_layout_name_is_used_by_the_runtime() {
    let code = runtime_code();
    for equate in &EQUATES {
        let used = code.iter().any(|(_, line)| {
            line.split(|c: char| !(c.is_alphanumeric() || c == '_'))
                .any(|word| word == equate.name)
        });
        assert!(used, "the runtime never uses {}", equate.name);
    }
}

#[test]
fn the_promise_header_is_the_runtime_layout() {
    assert_eq!(header::STATUS as i64, rt::P_STATUS);
    assert_eq!(header::CONTINUATION as i64, rt::P_CONT);
    // An async method's frame is a promise with its own fields after it.
    assert_eq!(header::STATE as i64, rt::P_SIZE);
    assert_eq!(rt::QUEUE_SLOTS.count_ones(), 1, "the ring index is masked");
}
