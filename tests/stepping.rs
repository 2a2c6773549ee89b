//! Stepping as in gdb: `n` (step over) moves through the lines of the
//! current function by frame identity, steps over calls, finishes the
//! caller's line after a return, and from runtime code lands on the first
//! statement of Main's body.

use flux_viz::machine::{LineStep, Machine, Stop};
use flux_viz::pipeline;
use std::path::Path;

/// The lines `n` visits from the start to the end of a lesson.
fn lines_of_next(path: &str) -> Vec<usize> {
    let compiled = pipeline::compile_file(Path::new(path)).unwrap();
    let mut machine = Machine::new(compiled).unwrap();
    let mut lines = Vec::new();
    for _ in 0..10_000 {
        match machine.step_line(LineStep::Over).unwrap() {
            Stop::End(_) => break,
            _ => lines.push(machine.current_line().map_or(0, |(_, l)| l)),
        }
    }
    lines
}

fn line_of(path: &str, text: &str) -> usize {
    std::fs::read_to_string(path)
        .unwrap()
        .lines()
        .position(|l| l.contains(text))
        .expect("the line")
        + 1
}

#[test]
fn n_walks_main_of_lesson_01_over_its_calls() {
    let path = "lessons/01-calls.fs";
    let lines = lines_of_next(path);
    let main = line_of(path, "static void Main");
    assert_eq!(
        lines,
        vec![main + 1, main + 2, main + 3],
        "Main's three statements, each call stepped over"
    );
}

#[test]
fn n_from_a_function_header_goes_into_its_body_not_out() {
    let path = "lessons/01-calls.fs";
    let compiled = pipeline::compile_file(Path::new(path)).unwrap();
    let mut machine = Machine::new(compiled).unwrap();
    machine.step_line(LineStep::Over).unwrap(); // Main's first statement
    machine.step_line(LineStep::Into).unwrap(); // into SumOfSquares: its header
    let header = line_of(path, "static int SumOfSquares");
    assert_eq!(machine.current_line().map(|(_, l)| l), Some(header));
    machine.step_line(LineStep::Over).unwrap();
    assert_eq!(
        machine.current_line().map(|(_, l)| l),
        Some(header + 1),
        "the first statement of SumOfSquares"
    );
    // Over the loop: n never leaves SumOfSquares until it returns to Main.
    // The return lands in the middle of Main's call line; like gdb's `next`
    // (tests/gdb.rs), n finishes that line and stops on the next one.
    let main_call = line_of(path, "int s = SumOfSquares(4)");
    let mut seen = Vec::new();
    loop {
        machine.step_line(LineStep::Over).unwrap();
        let line = machine.current_line().map_or(0, |(_, l)| l);
        seen.push(line);
        if line > main_call || seen.len() > 100 {
            break;
        }
        assert!((header..main_call).contains(&line), "{seen:?}");
    }
    assert_eq!(
        seen.last(),
        Some(&(main_call + 1)),
        "back in Main after the return, past the call's line: {seen:?}"
    );
}

#[test]
fn finish_runs_until_the_function_returns_to_its_callers_line() {
    let path = "lessons/01-calls.fs";
    let compiled = pipeline::compile_file(Path::new(path)).unwrap();
    let mut machine = Machine::new(compiled).unwrap();
    machine.step_line(LineStep::Over).unwrap(); // Main: int s = SumOfSquares(4);
    machine.step_line(LineStep::Into).unwrap(); // SumOfSquares's header
    machine.step_line(LineStep::Over).unwrap(); // its first statement
    machine.step_line(LineStep::Out).unwrap();
    let call = line_of(path, "int s = SumOfSquares(4)");
    assert_eq!(
        machine.current_line().map(|(_, l)| l),
        Some(call),
        "back on the caller's line"
    );
    // And `n` from there finishes that line: the next statement of Main.
    machine.step_line(LineStep::Over).unwrap();
    assert_eq!(machine.current_line().map(|(_, l)| l), Some(call + 1));
}

/// `f` in a recursive call leaves one frame, as gdb's `finish`: from
/// Factorial(2) it stops in Factorial(3), on the same line it was called
/// from, with rbx (`n`) back to 3.
#[test]
fn finish_leaves_one_frame_of_a_recursion() {
    let path = "lessons/01-calls.fs";
    let compiled = pipeline::compile_file(Path::new(path)).unwrap();
    let mut machine = Machine::new(compiled).unwrap();
    let rbx = |m: &Machine| {
        m.registers()
            .iter()
            .find(|r| r.name == "rbx")
            .unwrap()
            .value
    };
    let recursion = line_of(path, "Factorial(n - 1)");
    // Into Factorial until n is 2, then finish.
    while !(machine.current_line().map(|(_, l)| l) == Some(recursion) && rbx(&machine) == 2) {
        assert!(
            !matches!(machine.step().unwrap(), Stop::End(_)),
            "never in Factorial(2)"
        );
    }
    let depth = machine
        .registers()
        .iter()
        .find(|r| r.name == "rsp")
        .unwrap()
        .value;
    machine.step_line(LineStep::Out).unwrap();
    assert_eq!(machine.current_line().map(|(_, l)| l), Some(recursion));
    assert_eq!(rbx(&machine), 3, "in Factorial(3)");
    let rsp = machine
        .registers()
        .iter()
        .find(|r| r.name == "rsp")
        .unwrap()
        .value;
    assert!(
        rsp > depth && rsp - depth < 0x100,
        "one frame up: {depth:#x} → {rsp:#x}"
    );
}

#[test]
fn n_steps_over_a_call_of_a_million_instructions() {
    let source = "class Program {
    static long Work(int n) {
        long s = 0;
        for (int i = 0; i < n; i++) { s += i % 7; }
        return s;
    }
    static void Main() {
        long r = Work(100000);
        Console.WriteLine(r);
    }
}
";
    let mut machine = Machine::new(pipeline::compile_source("work.fs", source).unwrap()).unwrap();
    machine.step_line(LineStep::Over).unwrap();
    assert_eq!(machine.current_line().map(|(_, l)| l), Some(8));
    let before = machine.icount();
    let start = std::time::Instant::now();
    machine.step_line(LineStep::Over).unwrap();
    eprintln!(
        "n over {} instructions in {:?}",
        machine.icount() - before,
        start.elapsed()
    );
    assert_eq!(
        machine.current_line().map(|(_, l)| l),
        Some(9),
        "over the call"
    );
    assert!(machine.icount() - before > 1_000_000);
}
