//! gdb agrees with the UI's `n`: every lesson is built with `flux-viz build -g`,
//! `gdb -batch` stops at the first line of Main's body and says `next` until
//! the program exits; the stepping engine (the UI's `n`, `LineStep::Over`)
//! walks the same lesson from its start to its end. The two sequences of
//! source lines must be equal. The same again from the first statement of
//! every other function's body (first time reached, by a breakpoint on both
//! sides): that walk returns into callers' lines and, in async methods,
//! suspends to the starter that called the resume function. gdb's stops in code without line information
//! (the runtime, `flux$main`) are no source lines: they are counted, not
//! compared. Without gdb the test skips with a note, or fails when CI is set.

mod common;

use flux_viz::machine::{Breakpoint, LineStep, Machine, Stop};
use flux_viz::pipeline;
use flux_viz::source::FileId;
use flux_viz::verify::process::{self, Scratch};
use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Duration;

/// A lesson's stepping, as the lines each side stopped at.
struct Walk {
    lines: Vec<usize>,
    /// gdb only: stops without a source line.
    unlined: usize,
    /// gdb only: its walk left the program's lines for good at a stop
    /// without one after this many lines (the return of a continuation the
    /// event loop had called: gdb's `next` then runs the line-less loop to
    /// its end, where the UI's `n` follows the frame into the next
    /// continuation the loop calls at the same depth).
    left_for_the_runtime: Option<usize>,
}

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn lessons() -> Vec<PathBuf> {
    let mut paths: Vec<PathBuf> = std::fs::read_dir(root().join("lessons"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "fs"))
        .collect();
    paths.sort();
    paths
}

/// The first line after Main's header that has text: its body's first line.
fn first_line_of_main(source: &str) -> usize {
    let lines: Vec<&str> = source.lines().collect();
    let header = lines
        .iter()
        .position(|l| l.contains(" Main(") && l.contains("static"))
        .expect("a Main");
    header
        + 1
        + lines[header + 1..]
            .iter()
            .position(|l| !l.trim().is_empty())
            .expect("a body")
        + 1
}

/// The UI's `n` to the end: from the start, or from the first time `from`
/// (a line of the lesson) is reached.
fn walk_ui(relative: &str, from: Option<usize>) -> Walk {
    let compiled = pipeline::compile_file(&root().join(relative)).unwrap();
    let mut machine = Machine::new(compiled).unwrap();
    let mut lines = Vec::new();
    if let Some(line) = from {
        let file = lesson_file(&machine, relative);
        let breakpoint = Breakpoint::Line { file, line };
        machine.add_breakpoint(breakpoint.clone()).unwrap();
        let stop = machine.run_to_end().unwrap();
        assert!(
            matches!(stop, Stop::Breakpoint(_)),
            "{relative}: line {line} is never reached ({stop:?})"
        );
        machine.remove_breakpoint(&breakpoint).unwrap();
        lines.push(line);
    }
    for _ in 0..100_000 {
        match machine.step_line(LineStep::Over).unwrap() {
            Stop::End(_) => break,
            _ => lines.push(machine.current_line().map_or(0, |(_, l)| l)),
        }
    }
    Walk {
        lines,
        unlined: 0,
        left_for_the_runtime: None,
    }
}

fn lesson_file(machine: &Machine, relative: &str) -> FileId {
    let sources = &machine.program().sources;
    let found = sources.files().find(|(_, f)| f.name.ends_with(relative));
    found.expect("the lesson's file").0
}

/// The first statement of every function of the lesson's own file but Main
/// that has one: the line of its first line-table row inside the body
/// (after the prologue). (The system library's functions are in lib/*.fs.)
fn body_starts(relative: &str) -> Vec<usize> {
    let compiled = pipeline::compile_file(&root().join(relative)).unwrap();
    let machine = Machine::new(compiled).unwrap();
    let program = machine.program();
    let file = lesson_file(&machine, relative);
    let mut done = HashSet::new();
    let mut header = HashMap::new();
    let mut lines = Vec::new();
    let rows = program.image.line_rows(&program.sources);
    for row in rows.into_iter().filter(|r| r.file == file) {
        let entry = &program.image.map[row.index];
        let function = entry.origin.function.clone();
        let first = *header.entry(function.clone()).or_insert(row.line);
        let main = function.ends_with(".Main") || function.ends_with(".Main$resume");
        if !main && row.line != first && program.sites.in_body(entry.addr) && done.insert(function)
        {
            lines.push(row.line);
        }
    }
    lines
}

/// The gdb script: stop at `line` once (a temporary breakpoint, as the UI's
/// is removed), then `next` until the program is gone.
fn script(relative: &str, line: usize) -> String {
    format!(
        "set pagination off\n\
         set confirm off\n\
         set width 0\n\
         tbreak {relative}:{line}\n\
         run > /dev/null 2>&1\n\
         set $steps = 0\n\
         while $_isvoid($_exitcode) && $steps < 100000\n  next\n  set $steps = $steps + 1\nend\n"
    )
}

/// gdb's `next` over the native build (source names relative to the root)
/// from the first time `from` is reached (Main's first line by default).
fn walk_gdb(relative: &str, from: Option<usize>, dir: &Scratch) -> Walk {
    let name = Path::new(relative).file_stem().unwrap().to_string_lossy();
    let exe = dir.join(&name);
    let built = Command::new(env!("CARGO_BIN_EXE_flux-viz"))
        .current_dir(root())
        .args(["build", "-g", relative, "-o"])
        .arg(&exe)
        .status()
        .unwrap();
    assert!(built.success(), "build -g {relative}");
    let source = std::fs::read_to_string(root().join(relative)).unwrap();
    let commands = dir.join(&format!("{name}.gdb"));
    let line = from.unwrap_or_else(|| first_line_of_main(&source));
    std::fs::write(&commands, script(relative, line)).unwrap();
    let mut gdb = Command::new("gdb");
    gdb.current_dir(root())
        .args(["-batch", "-nx", "-x"])
        .arg(&commands)
        .arg(&exe);
    let out = process::run(&mut gdb, Duration::from_secs(120)).expect("gdb ran");
    parse_gdb(&String::from_utf8_lossy(&out.stdout))
}

/// The stops in gdb's output: `33\t<source>` for a line, `0x… in f ()` for
/// a stop without one.
fn parse_gdb(out: &str) -> Walk {
    let mut walk = Walk {
        lines: Vec::new(),
        unlined: 0,
        left_for_the_runtime: None,
    };
    for text in out.lines() {
        if let Some((number, _)) = text.split_once('\t') {
            if let Ok(line) = number.parse() {
                walk.lines.push(line);
                walk.left_for_the_runtime = None;
            }
        } else if text.starts_with("0x") && text.ends_with(" ()") {
            walk.unlined += 1;
            if text.contains("rt_run_loop") && !walk.lines.is_empty() {
                walk.left_for_the_runtime = Some(walk.lines.len());
            }
        }
    }
    walk
}

/// Positions where the sequences differ, counting a longer tail.
fn mismatches(a: &[usize], b: &[usize]) -> usize {
    a.iter().zip(b).filter(|(x, y)| x != y).count() + a.len().abs_diff(b.len())
}

/// Compares both walks; returns the failure's text, if any.
fn compare(relative: &str, from: Option<usize>, dir: &Scratch) -> Option<String> {
    let gdb = walk_gdb(relative, from, dir);
    // From Main's first line, as gdb's walk starts (static initializers
    // run before Main: the UI's `n` from the very start visits them first).
    let main_line = || first_line_of_main(&std::fs::read_to_string(root().join(relative)).unwrap());
    let ui = walk_ui(relative, from.or_else(|| Some(main_line())));
    // Where gdb left for the event loop, only what came before compares.
    let ui_lines = match gdb.left_for_the_runtime {
        Some(n) => &ui.lines[..n.min(ui.lines.len())],
        None => &ui.lines[..],
    };
    let bad = mismatches(&gdb.lines, ui_lines);
    let start = from.map_or("Main".to_string(), |l| format!("line {l}"));
    eprintln!(
        "{relative} from {start}: {} lines compared, {bad} mismatches ({} gdb stops without a line)",
        gdb.lines.len().max(ui.lines.len()),
        gdb.unlined
    );
    (bad > 0 || gdb.lines.is_empty()).then(|| {
        format!(
            "{relative} from {start}:\n  gdb {:?}\n  n   {:?}",
            gdb.lines, ui.lines
        )
    })
}

#[test]
fn gdb_next_visits_the_lines_of_the_ui_n_in_every_lesson() {
    if !common::have(&["gdb"]) {
        return;
    }
    let dir = Scratch::new("gdb").unwrap();
    let mut failures = Vec::new();
    let mut compared = 0;
    for path in lessons() {
        let relative = path.strip_prefix(root()).unwrap().to_string_lossy();
        let starts = std::iter::once(None).chain(body_starts(&relative).into_iter().map(Some));
        for from in starts {
            compared += 1;
            failures.extend(compare(&relative, from, &dir));
        }
    }
    eprintln!("{compared} walks, {} disagree", failures.len());
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
