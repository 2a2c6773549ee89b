//! `cargo bench --bench anchors`: one await-and-resume cycle of the two-task
//! `Task.Yield()` ping-pong, flux-viz's three lowerings against the anchors,
//! all measured in one run on this machine:
//!
//! - flux-viz `--lowering table`, `direct`, `stackful` and `--model rust`:
//!   the program of benches/programs/pingpong_cycle.fs, its own ELF;
//! - hand-written NASM with the same promise design and runtime
//!   (benches/programs/pingpong_hand.asm: a jump table, and the address in
//!   the frame), linked by flux-viz as the generated code is;
//! - rustc -O (benches/programs/pingpong.rs: two `async fn` tasks on a
//!   minimal executor, std only), where rustc is installed.
//!
//! Instructions per cycle: the emulator's exact counts for flux-viz and the
//! NASM anchors, `valgrind --tool=callgrind`'s for rustc (where valgrind is
//! installed); each at two loop counts, so every fixed cost cancels. Native
//! ns per cycle: the best of 5 wall times at two loop counts, the
//! difference over the extra cycles.

use flux_viz::emulate::{self, Options, Stop};
use flux_viz::link::{self, Image};
use flux_viz::pipeline::{self, Lowering, Model, Target};
use flux_viz::verify::process::{self, Scratch};
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

const PINGPONG: &str = include_str!("programs/pingpong_cycle.fs");
const HAND: &str = include_str!("programs/pingpong_hand.asm");
const RUST: &str = include_str!("programs/pingpong.rs");
/// Rounds per task for the instruction counts and for the timed runs.
const COUNTED: (u64, u64) = (1_000, 2_000);
const TIMED: (u64, u64) = (300_000, 3_000_000);
const RUNS: usize = 5;
const TIMEOUT: Duration = Duration::from_secs(120);

/// A way to build the ping-pong at a given number of rounds.
enum Subject {
    Flux(Target),
    Hand { resume: &'static str },
    Rust(PathBuf),
}

impl Subject {
    fn name(&self) -> String {
        match self {
            Subject::Flux(t) if t.model == Model::Rust => "flux-viz --model rust".to_string(),
            Subject::Flux(t) => format!("flux-viz --lowering {}", t.lowering.name()),
            Subject::Hand { resume } => format!("hand-written NASM ({resume})"),
            Subject::Rust(_) => "rustc -O, minimal executor".to_string(),
        }
    }

    /// The linked image at `rounds` (not for rustc's own executable).
    fn image(&self, rounds: u64) -> Option<Image> {
        match self {
            Subject::Flux(target) => {
                let source = PINGPONG.replace("ROUNDS", &rounds.to_string());
                let dir = tempfile::tempdir().expect("a scratch directory");
                let path = dir.path().join("pingpong.fs");
                std::fs::write(&path, source).expect("writes");
                let compiled = pipeline::compile_file_with(&path, *target)
                    .unwrap_or_else(|f| panic!("{}", f.render()));
                Some(compiled.image)
            }
            Subject::Hand { resume } => {
                let start = match *resume {
                    "Direct$resume" => {
                        "lea rcx, [rel Direct$resume.state0]\n    mov [rax + STATE], rcx"
                    }
                    _ => "; a zeroed frame is in state 0",
                };
                let text = HAND
                    .replace("{rounds}", &rounds.to_string())
                    .replace("{resume}", resume)
                    .replace("{set_start}", start);
                match link::build_hand_written("pingpong_hand.asm", &text) {
                    Ok((_, _, image)) => Some(image),
                    Err((sources, d)) => {
                        panic!("{}", flux_viz::diag::render(&sources, &d, false))
                    }
                }
            }
            Subject::Rust(_) => None,
        }
    }

    /// Instructions per cycle (two per round: one in each task).
    fn instructions_per_cycle(&self) -> Option<f64> {
        let count = |rounds: u64| -> Option<u64> {
            match self {
                Subject::Rust(exe) => callgrind_instructions(exe, rounds),
                _ => {
                    let out = emulate::run(&self.image(rounds)?, &Options::default());
                    assert_eq!(out.stop, Stop::Exited(0), "{}", self.name());
                    assert_eq!(out.stdout, b"done\n", "{}", self.name());
                    Some(out.insns)
                }
            }
        };
        let (a, b) = (count(COUNTED.0)?, count(COUNTED.1)?);
        Some((b - a) as f64 / (2 * (COUNTED.1 - COUNTED.0)) as f64)
    }

    /// Native nanoseconds per cycle.
    fn native_ns_per_cycle(&self, dir: &Scratch) -> Option<f64> {
        let best = |rounds: u64| -> Option<Duration> {
            let mut command = match self {
                Subject::Rust(exe) => {
                    let mut c = Command::new(exe);
                    c.arg(rounds.to_string());
                    c
                }
                _ => {
                    let exe = dir.join(&format!("pingpong-{}-{rounds}", self.slug()));
                    flux_viz::elf::write_file(&self.image(rounds)?, &exe).ok()?;
                    Command::new(exe)
                }
            };
            (0..RUNS)
                .map(|_| {
                    let start = Instant::now();
                    let run = process::run(&mut command, TIMEOUT).ok()?;
                    (run.stdout == b"done\n").then(|| start.elapsed())
                })
                .collect::<Option<Vec<_>>>()?
                .into_iter()
                .min()
        };
        let (a, b) = (best(TIMED.0)?, best(TIMED.1)?);
        let cycles = (2 * (TIMED.1 - TIMED.0)) as f64;
        Some((b.as_secs_f64() - a.as_secs_f64()) * 1e9 / cycles)
    }

    fn slug(&self) -> String {
        self.name()
            .chars()
            .filter(|c| c.is_ascii_alphanumeric())
            .collect()
    }
}

/// User-space instructions of the Rust ping-pong at `rounds`, by callgrind.
fn callgrind_instructions(exe: &Path, rounds: u64) -> Option<u64> {
    let out = Command::new("valgrind")
        .args(["--tool=callgrind", "--callgrind-out-file=/dev/null"])
        .arg(exe)
        .arg(rounds.to_string())
        .output()
        .ok()?;
    let text = String::from_utf8_lossy(&out.stderr);
    let line = text.lines().find(|l| l.contains("Collected :"))?;
    line.rsplit(':').next()?.trim().parse().ok()
}

/// rustc -O of benches/programs/pingpong.rs, where rustc is installed.
fn rust_executable(dir: &Scratch) -> Option<PathBuf> {
    let source = dir.join("pingpong.rs");
    std::fs::write(&source, RUST).ok()?;
    let exe = dir.join("pingpong-rust");
    let status = Command::new("rustc")
        .args(["-O", "--edition", "2021", "-o"])
        .arg(&exe)
        .arg(&source)
        .status()
        .ok()?;
    status.success().then_some(exe)
}

fn lowered(lowering: Lowering) -> Target {
    Target {
        lowering,
        ..Target::default()
    }
}

fn main() {
    let dir = Scratch::new("bench-anchors").expect("scratch directory");
    let mut subjects = vec![
        Subject::Flux(lowered(Lowering::Table)),
        Subject::Flux(lowered(Lowering::Direct)),
        Subject::Flux(lowered(Lowering::Stackful)),
        Subject::Flux(Target {
            model: Model::Rust,
            ..Target::default()
        }),
        Subject::Hand {
            resume: "Table$resume",
        },
        Subject::Hand {
            resume: "Direct$resume",
        },
    ];
    match rust_executable(&dir) {
        Some(exe) => subjects.push(Subject::Rust(exe)),
        None => println!("note: rustc not found: no Rust anchor"),
    }
    println!(
        "Task.Yield() ping-pong, one await-and-resume cycle; instructions exact ({} and {} rounds), native best of {RUNS} ({} and {} rounds)",
        COUNTED.0, COUNTED.1, TIMED.0, TIMED.1
    );
    for subject in &subjects {
        let insns = subject
            .instructions_per_cycle()
            .map_or("-".to_string(), |n| format!("{n:.1}"));
        let ns = subject
            .native_ns_per_cycle(&dir)
            .map_or("-".to_string(), |n| format!("{n:.2}"));
        println!(
            "  {:<34} {insns:>6} instructions per cycle   {ns:>6} ns per cycle native",
            subject.name()
        );
    }
}
