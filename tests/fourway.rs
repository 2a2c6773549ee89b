//! The five-way proof over the whole corpus and the lessons: every
//! tests/programs/NAME.fs (and lessons/NN.fs) runs emulated, in the stepping
//! engine the UI shows, as flux-viz's own ELF, through `nasm -f elf64` + `ld`
//! at our addresses, and as C# under mono (`flux_viz::verify`); all ways agree with
//! each other and with NAME's expectations, and nasm's bytes equal ours
//! instruction for instruction. Also: the byte check names a planted
//! difference, and the `build` / `verify` commands work end to end.
//!
//! nasm, ld, mcs or mono missing: with CI set the test fails; otherwise the
//! ways needing them are skipped with a printed note.

#[path = "oracle/mod.rs"]
mod oracle;

use flux_viz::asm::Section;
use flux_viz::pipeline::{self, Lowering, Target};
use flux_viz::verify::{self, native, process, Config, Report, Run, Status, Way};
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Mutex;
use std::time::Instant;

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn config(target: Target) -> Config {
    Config {
        mono_cache: oracle::cache_dir(),
        schedule: target.schedule,
        lowering: target.lowering,
        ..Config::default()
    }
}

/// The CI policy: returns true when every tool is there. A missing tool fails
/// the test under CI; otherwise it prints a note (the ways needing it skip).
fn tools_present(test: &str) -> bool {
    let needed: Vec<&str> = Way::ALL.iter().flat_map(|w| w.tools()).copied().collect();
    let missing = process::missing(&needed);
    if missing.is_empty() {
        return true;
    }
    let ci = std::env::var_os("CI").is_some_and(|v| !v.is_empty());
    assert!(
        !ci,
        "{test}: {} not found on PATH, and CI is set: a failure, not a skip",
        missing.join(", ")
    );
    eprintln!(
        "note: {test}: {} not found on PATH; the ways needing them are skipped",
        missing.join(", ")
    );
    false
}

/// Verifies one program: every way that ran agrees (bytes included) and
/// matches the expectations. Returns the report's text with the problems.
fn check_program(path: &Path, target: Target) -> Result<Report, String> {
    let name = format!(
        "{} ({}, {})",
        path.file_name().unwrap().to_string_lossy(),
        target.schedule.name(),
        target.lowering.name()
    );
    let expected = oracle::load_expectations_for(path, target.schedule)?;
    let report = verify::verify_file(path, &config(target)).map_err(|f| f.render())?;
    let mut problems = Vec::new();
    for way in &report.ways {
        if let Some(run) = &way.run {
            let label = format!("{name} ({})", way.way.label());
            if let Err(e) = oracle::check(&label, &expected, run) {
                problems.push(e);
            }
        }
    }
    if !report.agree() || !problems.is_empty() {
        return Err(format!(
            "{name}:\n{}{}",
            report.render(),
            problems.join("\n")
        ));
    }
    Ok(report)
}

/// Runs `check_program` over `paths` on two threads; returns the reports and
/// the failures.
fn check_all(paths: &[PathBuf], target: Target) -> (Vec<Report>, Vec<String>) {
    let next = AtomicUsize::new(0);
    let results = Mutex::new((Vec::new(), Vec::new()));
    std::thread::scope(|s| {
        for _ in 0..2 {
            s.spawn(|| {
                while let Some(path) = paths.get(next.fetch_add(1, Ordering::SeqCst)) {
                    let result = check_program(path, target);
                    let mut results = results.lock().unwrap();
                    match result {
                        Ok(report) => results.0.push(report),
                        Err(e) => results.1.push(e),
                    }
                }
            });
        }
    });
    results.into_inner().unwrap()
}

/// How many reports have `way` agreeing.
fn agreeing(reports: &[Report], way: Way) -> usize {
    reports
        .iter()
        .filter(|r| r.way(way).status == Status::Agrees)
        .count()
}

#[test]
fn every_program_agrees_five_ways() {
    let all_tools = tools_present("every_program_agrees_five_ways");
    let programs = oracle::programs_in(&root().join("tests/programs"), "fs");
    assert!(programs.len() >= 100, "only {} programs", programs.len());
    let start = Instant::now();
    let (reports, mut failures) = check_all(&programs, oracle::Schedule::Csharp.into());
    failures.sort();
    let skipped_mono = programs.len() - failures.len() - agreeing(&reports, Way::Mono);
    eprintln!(
        "five ways: {} programs in {:.1?}: emulated {}, engine {}, own ELF {}, nasm+ld (bytes equal) {}, mono {} ({} skipped)",
        programs.len(),
        start.elapsed(),
        agreeing(&reports, Way::Emulated),
        agreeing(&reports, Way::Engine),
        agreeing(&reports, Way::OwnElf),
        agreeing(&reports, Way::NasmLd),
        agreeing(&reports, Way::Mono),
        skipped_mono
    );
    assert!(
        failures.is_empty(),
        "{} of {} programs fail the five-way check:\n\n{}",
        failures.len(),
        programs.len(),
        failures.join("\n\n")
    );
    if all_tools {
        assert_eq!(agreeing(&reports, Way::NasmLd), programs.len());
    }
}

/// A small program with a division (an instruction we can corrupt on purpose).
const SMALL: &str = "class P {\n    static void Main() {\n        int x = 7;\n        Console.WriteLine(100 / x);\n    }\n}\n";

#[test]
fn byte_check_names_the_first_differing_instruction() {
    if !tools_present("byte_check_names_the_first_differing_instruction") {
        return;
    }
    let mut compiled = pipeline::compile_source("small.fs", SMALL).expect("compiles");
    let dir = process::Scratch::new("fourway-bytes").expect("scratch");
    let timeout = config(Target::default()).timeout;
    let exe = native::nasm_ld(&compiled.asm, &compiled.image, &dir, timeout).expect("nasm+ld");
    let count = native::byte_check(&exe, &compiled.image, &compiled.sources).expect("equal");
    assert_eq!(count, compiled.image.map.len());
    // Corrupt the first instruction of line 4 in our copy of the bytes.
    let target = compiled
        .image
        .map
        .iter()
        .find(|e| {
            compiled.image.source_line(e.addr, &compiled.sources) == Some(("small.fs".into(), 4))
        })
        .expect("an instruction of line 4")
        .clone();
    let text = compiled
        .image
        .regions
        .iter_mut()
        .find(|r| r.section == Section::Text)
        .expect(".text");
    text.bytes[(target.addr - text.addr) as usize] ^= 0xff;
    let err = native::byte_check(&exe, &compiled.image, &compiled.sources).expect_err("differs");
    assert!(err.contains(&format!("`{}`", target.text)), "{err}");
    assert!(err.contains("small.fs:4"), "{err}");
}

#[test]
fn exception_names_and_differences() {
    let run = |stdout: &str, stderr: &str, exit_code| Run {
        stdout: stdout.into(),
        stderr: stderr.into(),
        exit_code,
    };
    let ours = run(
        "a\nb\n",
        "Unhandled exception. System.DivideByZeroException: Attempted to divide by zero.\n   at line 3\n",
        4,
    );
    let theirs = run(
        "a\nb\n",
        "Unhandled exception. System.DivideByZeroException: Attempted to divide by zero.\n  at P.Main ()\n",
        4,
    );
    assert_eq!(
        ours.exception().as_deref(),
        Some("System.DivideByZeroException")
    );
    assert!(verify::differences(&ours, "emulated", &theirs).is_empty());
    let deadlock = run(
        "",
        "Unhandled exception. deadlock: Main never completed\n",
        9,
    );
    assert_eq!(deadlock.exception().as_deref(), Some("deadlock"));
    let other = run("a\nc\n", "", 0);
    let problems = verify::differences(&ours, "emulated", &other);
    assert_eq!(
        problems,
        [
            "stdout differs from emulated's at byte 2 (line 2)",
            "emulated exits 4",
            "emulated says System.DivideByZeroException"
        ]
    );
}

#[test]
fn the_elf_sections_of_a_file() {
    assert_eq!(native::elf_section(b"not an elf", ".text"), None);
    assert_eq!(native::elf_section(&[], ".text"), None);
}

fn flux_viz(args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_flux-viz"))
        .args(args)
        .output()
        .expect("run flux-viz")
}

#[test]
fn build_writes_an_executable_elf() {
    let dir = process::Scratch::new("fourway-build").expect("scratch");
    let exe = dir.join("fib");
    let program = root().join("tests/programs/recursion_fib.fs");
    let out = flux_viz(&[
        "build",
        program.to_str().unwrap(),
        "-o",
        exe.to_str().unwrap(),
    ]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let native = Command::new(&exe).output().expect("run the ELF");
    let expected = std::fs::read(program.with_extension("stdout")).unwrap();
    assert_eq!(native.stdout, expected);
}

#[test]
fn verify_prints_one_line_per_way_and_a_verdict() {
    let program = root().join("tests/programs/fluxsharp_include.fs");
    let out = flux_viz(&["verify", program.to_str().unwrap()]);
    let text = String::from_utf8_lossy(&out.stdout);
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines.len(), 6, "{text}");
    for (line, way) in lines.iter().zip(Way::ALL) {
        assert!(line.starts_with(way.label()), "{line}");
    }
    assert!(
        lines[4].contains("skipped") && lines[4].contains("oracle: skip"),
        "{text}"
    );
    assert!(lines[5].starts_with("verdict: "), "{text}");
    assert_eq!(
        out.status.success(),
        !lines[5].contains("DISAGREEMENT"),
        "{text}"
    );
    let missing = flux_viz(&["verify", "no/such/file.fs"]);
    assert!(!missing.status.success());
}

#[test]
fn every_lesson_agrees_five_ways() {
    tools_present("every_lesson_agrees_five_ways");
    let lessons = oracle::programs_in(&root().join("lessons"), "fs");
    assert!(lessons.len() >= 5, "only {} lessons", lessons.len());
    let (reports, failures) = check_all(&lessons, oracle::Schedule::Csharp.into());
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
    assert_eq!(
        agreeing(&reports, Way::Engine),
        lessons.len(),
        "the engine ran every lesson"
    );
}

/// `--schedule queued`, five ways, on every async program and lesson: the
/// emulator, the engine, both native builds and mono's queued prelude agree,
/// with NAME.queued.stdout where the order differs from C#'s.
#[test]
fn every_async_program_agrees_five_ways_queued() {
    let all_tools = tools_present("every_async_program_agrees_five_ways_queued");
    let mut programs: Vec<PathBuf> = oracle::programs_in(&root().join("tests/programs"), "fs")
        .into_iter()
        .filter(|p| {
            p.file_name()
                .unwrap()
                .to_string_lossy()
                .starts_with("async_")
        })
        .collect();
    programs.extend(oracle::programs_in(&root().join("lessons"), "fs"));
    assert!(programs.len() >= 40, "only {} programs", programs.len());
    let (reports, mut failures) = check_all(&programs, oracle::Schedule::Queued.into());
    failures.sort();
    assert!(
        failures.is_empty(),
        "{} of {} programs fail the five-way check under --schedule queued:\n\n{}",
        failures.len(),
        programs.len(),
        failures.join("\n\n")
    );
    if all_tools {
        assert_eq!(agreeing(&reports, Way::Mono), programs.len());
    }
}

/// `--lowering direct` (the frame keeps the address of the code to continue
/// at; one indirect jump, no state table), five ways, on every program and
/// lesson: the emulator, the engine, both native builds and mono agree.
#[test]
fn every_program_agrees_five_ways_lowered_direct() {
    agrees_five_ways_lowered(
        "every_program_agrees_five_ways_lowered_direct",
        Lowering::Direct,
    );
}

/// `--lowering stackful` (every task on a stack of its own, await switches
/// stacks), five ways, on every program and lesson.
#[test]
fn every_program_agrees_five_ways_lowered_stackful() {
    agrees_five_ways_lowered(
        "every_program_agrees_five_ways_lowered_stackful",
        Lowering::Stackful,
    );
}

fn agrees_five_ways_lowered(test: &str, lowering: Lowering) {
    let all_tools = tools_present(test);
    let mut programs = oracle::programs_in(&root().join("tests/programs"), "fs");
    programs.extend(oracle::programs_in(&root().join("lessons"), "fs"));
    let target = Target {
        lowering,
        ..Target::default()
    };
    let (reports, mut failures) = check_all(&programs, target);
    failures.sort();
    assert!(
        failures.is_empty(),
        "{} of {} programs fail the five-way check under --lowering {}:\n\n{}",
        failures.len(),
        programs.len(),
        lowering.name(),
        failures.join("\n\n")
    );
    assert_eq!(agreeing(&reports, Way::Engine), programs.len());
    if all_tools {
        assert_eq!(agreeing(&reports, Way::NasmLd), programs.len());
    }
}
