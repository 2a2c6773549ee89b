//! The runtime's layout constants are written twice, in runtime/async.asm
//! (`NAME equ value`) and in Rust (the code generator's promise header,
//! the machine's inspectors): they must agree.

use flux_viz::ir::header;
use flux_viz::machine::inspect;
use std::collections::HashMap;

/// Every `NAME equ value` of the embedded runtime sources.
fn equates() -> HashMap<String, i64> {
    flux_viz::link::RUNTIME
        .iter()
        .flat_map(|(_, text)| text.lines())
        .filter_map(|line| {
            let code = line.split(';').next()?.trim();
            let (name, value) = code.split_once(" equ ")?;
            let value = value.trim().replace('_', "");
            let value = match value.split_once('*') {
                Some(_) => return None, // products (sizes) are not layout offsets
                None => value.parse().ok()?,
            };
            Some((name.trim().to_string(), value))
        })
        .collect()
}

#[test]
fn the_promise_header_agrees_with_the_runtime() {
    let asm = equates();
    let pairs = [
        ("P_STATUS", header::STATUS as i64),
        ("P_RESULT", header::RESULT as i64),
        ("P_CONT", header::CONTINUATION as i64),
        ("P_CONTEXT", header::CONTEXT as i64),
        ("P_AWAITERS", header::AWAITERS as i64),
        ("P_SIZE", header::STATE as i64), // a frame's own fields start where a plain promise ends
    ];
    for (name, rust) in pairs {
        assert_eq!(asm.get(name), Some(&rust), "{name}");
    }
}

#[test]
fn the_inspectors_agree_with_the_runtime() {
    let asm = equates();
    assert_eq!(asm.get("QUEUE_SLOTS"), Some(&(inspect::QUEUE_SLOTS as i64)));
    assert_eq!(asm.get("T_DEADLINE"), Some(&(inspect::T_DEADLINE as i64)));
    assert_eq!(asm.get("T_SEQUENCE"), Some(&(inspect::T_SEQUENCE as i64)));
}
