//! The Stack pane is true at every instruction. A shadow stack kept from
//! what each instruction does (a `call` leaves a return address into the
//! calling function, a `push` keeps a register for the pushing function,
//! whatever rsp leaves behind is gone) must agree, word for word, with the
//! labels the machine gives the stack, at every instruction of every lesson
//! and of the async corpus, including between `call` and `push rbp`, at
//! `ret`, in runtime routines, and on the failure path of a check (its
//! stub calls the `throw$…` / `fail$…` routine, so the faulting function is
//! unwound; a throw that lands in a resume function's fault handler too).

use flux_viz::machine::{Machine, Stop};
use flux_viz::pipeline::{self, Lowering, Model, Target};
use iced_x86::{Decoder, DecoderOptions, Mnemonic, OpKind, Register};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

const CALLEE_SAVED: [Register; 6] = [
    Register::RBX,
    Register::RBP,
    Register::R12,
    Register::R13,
    Register::R14,
    Register::R15,
];

fn expected_label(kind: &Shadow) -> String {
    match kind {
        Shadow::Return(function) => format!("return address into {function}"),
        Shadow::Kept(reg, function) => {
            let name = format!("{reg:?}").to_lowercase();
            if CALLEE_SAVED.contains(reg) {
                format!("saved {name} ({function})")
            } else {
                format!("{name} kept by {function}")
            }
        }
        Shadow::Reserved(function) => format!("a word reserved by {function}"),
    }
}

#[derive(Debug, Clone)]
enum Shadow {
    /// A return address pushed by a `call` in this function.
    Return(String),
    /// A register pushed by this function.
    Kept(Register, String),
    /// A word this function reserved with `sub rsp, n`: its slot area
    /// (locals, padding), the room a starter keeps arguments in, an
    /// outgoing call's stack arguments.
    Reserved(String),
}

/// Is `label` right for a word `function` reserved? Only a function's slot
/// area is named (by the code generator's layout): its locals, padding and
/// a resume function's handler record.
fn reserved_label_ok(label: &str, function: &str) -> bool {
    label.is_empty()
        || ["local `", "locals `", "padding ", "handler record: "]
            .iter()
            .any(|p| label.starts_with(p))
            && label.ends_with(&format!("({function})"))
}

/// Walks a program; returns the instructions walked and how many times a
/// reserved word was shown named.
fn walk(path: &Path, max_steps: usize, target: Target) -> (usize, usize) {
    let compiled = match pipeline::compile_file_with(path, target) {
        Ok(compiled) => compiled,
        // `async void` has no future to poll: the Rust model rejects it.
        Err(_) if target.model == Model::Rust => return (0, 0),
        Err(f) => panic!("{}: {}", path.display(), f.render()),
    };
    let mut machine = Machine::new(compiled).unwrap();
    let mut shadow: BTreeMap<u64, Shadow> = BTreeMap::new();
    let mut steps = 0;
    let mut named_slots = 0;
    let rsp_of = |machine: &Machine| {
        machine
            .registers()
            .iter()
            .find(|r| r.name == "rsp")
            .map(|r| r.value)
            .unwrap()
    };
    while steps < max_steps {
        let pc = machine.pc();
        let rsp_before = rsp_of(&machine);
        let (mnemonic, op0, function, resets) = {
            let image = &machine.program().image;
            let entry = image.insn_at(pc).expect("an instruction at pc");
            let insn =
                Decoder::with_ip(64, image.insn_bytes(entry), pc, DecoderOptions::NONE).decode();
            let reg = (insn.op0_kind() == OpKind::Register).then(|| insn.op0_register());
            let resets = insn.mnemonic() == Mnemonic::Lea
                && insn.op0_register() == Register::RSP
                && &*entry.origin.function == "_start";
            (
                insn.mnemonic(),
                reg,
                entry.origin.function.to_string(),
                resets,
            )
        };
        match machine.step().unwrap() {
            Stop::End(_) => break,
            _ => steps += 1,
        }
        let rsp = rsp_of(&machine);
        if resets {
            shadow.clear();
        }
        // What rsp leaves behind is gone, on the stack rsp is on; another
        // stack (a stackful task's, or the one it switched from) keeps its
        // words until rsp comes back to it.
        match machine.stack_region(rsp) {
            Some((low, top)) => {
                shadow.retain(|addr, _| *addr >= rsp || *addr < low || *addr >= top)
            }
            None => shadow.retain(|addr, _| *addr >= rsp),
        }
        match (mnemonic, op0) {
            (Mnemonic::Call, _) => {
                shadow.insert(rsp, Shadow::Return(function));
            }
            (Mnemonic::Push, Some(reg)) => {
                shadow.insert(rsp, Shadow::Kept(reg, function));
            }
            (Mnemonic::Sub, Some(Register::RSP)) => {
                for addr in (rsp..rsp_before).step_by(8) {
                    shadow.insert(addr, Shadow::Reserved(function.clone()));
                }
            }
            _ => {}
        }
        let stack = machine.stack(STACK_WORDS);
        for slot in &stack {
            match shadow.get(&slot.addr) {
                Some(Shadow::Reserved(function)) => {
                    assert!(
                        reserved_label_ok(&slot.label, function),
                        "{}: after {steps} instructions (pc {:#x}), {:#x}: shown `{}`, reserved by {function}",
                        path.display(),
                        machine.pc(),
                        slot.addr,
                        slot.label
                    );
                    named_slots += usize::from(!slot.label.is_empty());
                }
                Some(kind) => {
                    let want = expected_label(kind);
                    assert!(
                        slot.label == want || slot.label.starts_with(&format!("{want}+")) || slot.label.starts_with(&format!("{want} ")),
                        "{}: after {steps} instructions (pc {:#x}), {:#x}: shown `{}`, true `{want}`",
                        path.display(),
                        machine.pc(),
                        slot.addr,
                        slot.label
                    );
                }
                None => assert!(
                    slot.label.is_empty(),
                    "{}: after {steps} instructions (pc {:#x}), {:#x}: shown `{}`, but nothing was put there",
                    path.display(),
                    machine.pc(),
                    slot.addr,
                    slot.label
                ),
            }
        }
    }
    (steps, named_slots)
}

fn programs() -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir("lessons")
        .unwrap()
        .flatten()
        .map(|e| e.path())
        .chain(
            std::fs::read_dir("tests/programs")
                .unwrap()
                .flatten()
                .map(|e| e.path())
                .filter(|p| {
                    p.file_name()
                        .unwrap()
                        .to_string_lossy()
                        .starts_with("async_")
                }),
        )
        .filter(|p| p.extension().is_some_and(|e| e == "fs"))
        .collect();
    files.sort();
    files
}

/// The words compared at each instruction (the Stack pane shows fewer).
const STACK_WORDS: usize = 256;

#[test]
fn the_stack_labels_agree_with_a_shadow_stack_at_every_instruction() {
    walk_all(Target::default());
}

/// The same under `--lowering stackful`: each task's stack is shown on its
/// own, from its body's frames down to rt_fiber_entry's base record, and
/// the context switch's pushes are labelled on both stacks.
#[test]
fn the_stack_labels_agree_at_every_instruction_when_tasks_have_stacks() {
    walk_all(Target {
        lowering: Lowering::Stackful,
        ..Target::default()
    });
}

/// The same under `--model rust`: a chain of polls is a chain of calls.
#[test]
fn the_stack_labels_agree_at_every_instruction_of_polled_futures() {
    walk_all(Target {
        model: Model::Rust,
        ..Target::default()
    });
}

fn walk_all(target: Target) {
    let programs = programs();
    let next = std::sync::atomic::AtomicUsize::new(0);
    let total = std::sync::atomic::AtomicUsize::new(0);
    let named = std::sync::atomic::AtomicUsize::new(0);
    std::thread::scope(|scope| {
        for _ in 0..2 {
            scope.spawn(|| {
                while let Some(path) =
                    programs.get(next.fetch_add(1, std::sync::atomic::Ordering::SeqCst))
                {
                    let (steps, slots) = walk(path, 8_000, target);
                    total.fetch_add(steps, std::sync::atomic::Ordering::SeqCst);
                    named.fetch_add(slots, std::sync::atomic::Ordering::SeqCst);
                }
            });
        }
    });
    let (total, named) = (total.into_inner(), named.into_inner());
    eprintln!(
        "{total} instructions checked in {} programs; locals and padding named {named} times",
        programs.len()
    );
    assert!(total > 50_000, "{total}");
    assert!(named > 1_000, "{named}");
}

/// The Registers pane names the locals that live in registers, and the
/// values there are the locals' values: each time lesson 01 starts line 20
/// (`total += Square(i);`), `i` is in rbx and counts 1, 2, 3, 4, `total` in
/// r12 holds the squares so far, `n` in r13 is 4; outside SumOfSquares'
/// saves no register is said to hold them.
#[test]
fn register_homes_name_the_locals_and_hold_their_values() {
    let compiled = pipeline::compile_file(Path::new("lessons/01-calls.fs")).unwrap();
    let mut machine = Machine::new(compiled).unwrap();
    let (mut last_line, mut visits) = (None, 0u64);
    while !matches!(machine.step().unwrap(), Stop::End(_)) {
        let pc = machine.pc();
        let line = machine.program().sites.line_at(pc).map(|(_, l)| l);
        if line.is_none() {
            continue;
        }
        let homes = machine.register_homes();
        let function = machine
            .program()
            .image
            .insn_at(pc)
            .unwrap()
            .origin
            .function
            .clone();
        if homes.iter().any(|(_, local)| local == "total") {
            assert_eq!(&*function, "Program.SumOfSquares");
        }
        if &*function != "Program.SumOfSquares" {
            continue; // a call from line 20 returns to line 20: one visit
        }
        if line == Some(20) && last_line != Some(20) {
            visits += 1;
            let value = |reg: &str| {
                machine
                    .registers()
                    .iter()
                    .find(|r| r.name == reg)
                    .unwrap()
                    .value
            };
            let mut named: Vec<(&str, String)> = homes.clone();
            named.sort();
            assert_eq!(
                named,
                vec![
                    ("r12", "total".to_string()),
                    ("r13", "n".to_string()),
                    ("rbx", "i".to_string())
                ]
            );
            assert_eq!(value("rbx"), visits, "i");
            assert_eq!(
                value("r12"),
                (1..visits).map(|k| k * k).sum::<u64>(),
                "total"
            );
            assert_eq!(value("r13"), 4, "n");
        }
        last_line = line;
    }
    assert_eq!(visits, 4);
}

/// In a resume function a register is named as a local's home only once
/// the running state has brought that local back from the frame, never
/// while it still holds what the event loop left there: at no instruction
/// is a local named whose restore (an executed restore event) is still to
/// come in the same state.
#[test]
fn resumed_locals_are_named_only_after_their_restore() {
    use flux_viz::machine::EventKind;
    let mut checked = 0;
    for lesson in [
        "lessons/03-first-await.fs",
        "lessons/04-event-loop.fs",
        "lessons/05-timers.fs",
    ] {
        let compiled = pipeline::compile_file(Path::new(lesson)).unwrap();
        let mut whole = Machine::new(compiled.clone()).unwrap();
        whole.run_to_end().unwrap();
        // (icount of a dispatch, the restores that follow it before the next).
        let mut states: Vec<(u64, Vec<(u64, String)>)> = Vec::new();
        for event in whole.events() {
            match event.kind {
                EventKind::Jump => states.push((event.icount, Vec::new())),
                EventKind::Restore if !event.regs.is_empty() => {
                    let local = event.explain.split('`').nth(1).unwrap_or("").to_string();
                    if let Some((_, restores)) = states.last_mut() {
                        restores.push((event.icount, local));
                    }
                }
                _ => {}
            }
        }
        let mut machine = Machine::new(compiled).unwrap();
        while !matches!(machine.step().unwrap(), Stop::End(_)) {
            let now = machine.icount();
            let Some((_, restores)) = states.iter().rev().find(|(at, _)| *at <= now) else {
                continue;
            };
            for (reg, local) in machine.register_homes() {
                checked += 1;
                let ahead = restores.iter().any(|(at, l)| *at >= now && *l == local);
                assert!(
                    !ahead,
                    "{lesson}: at instruction {now} {reg} is named `{local}` before its restore"
                );
            }
        }
    }
    assert!(checked > 100, "{checked}");
}

/// A register is shown as a double only when every local the function
/// keeps in it is a double: at every instruction of a program whose int
/// and double locals share names across sibling blocks, no int local's
/// home is called a double, and the double locals' homes are.
#[test]
fn only_registers_of_double_locals_show_doubles() {
    let source = "class P { static void Main() { \
        double ratio = 0.25; long count = 7; \
        for (int i = 0; i < 2; i++) { ratio += 0.5; count += i; } \
        { int x = 1; x += (int)count; Console.WriteLine(x); } \
        { double x = 2.5; x *= ratio; Console.WriteLine(x); } \
        Console.WriteLine(ratio + \" \" + count); } }";
    let compiled = pipeline::compile_source("sharing.fs", source).unwrap();
    let mut machine = Machine::new(compiled).unwrap();
    let mut ratio_seen = false;
    while !matches!(machine.step().unwrap(), Stop::End(_)) {
        for (reg, local) in machine.register_homes() {
            let double = machine.register_holds_double(reg);
            match local.as_str() {
                "i" | "count" => {
                    assert!(!double, "{reg} holds int `{local}` at {:#x}", machine.pc())
                }
                "ratio" => {
                    assert!(double, "{reg} holds `ratio` at {:#x}", machine.pc());
                    ratio_seen = true;
                }
                _ => {}
            }
        }
    }
    assert!(ratio_seen, "`ratio` lived in a register");
}
