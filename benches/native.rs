//! Native speed: flux-viz's own ELF against the same program as C# under mono
//! (compiled by the oracle, `flux_viz::verify::oracle`), wall time of the whole
//! process, median of 5 runs each:
//!
//! - fib(32), recursive (benches/programs/fib.fs), and a sieve of Eratosthenes
//!   to 10 million (benches/programs/sieve.fs): both times and the ratio,
//!   and the same less each one's start-up (the median of an empty `Main`);
//! - the sieve's instructions against the same algorithm written by hand in
//!   NASM (benches/programs/sieve_hand.asm): the emulator's exact counts, and
//!   `perf stat -e instructions:u` of the native runs where the machine has
//!   hardware counters (virtual machines often have none);
//! - one await-and-resume cycle of a two-task `Task.Yield()` ping-pong
//!   (benches/programs/pingpong_cycle.fs, shared with benches/async_cycle.rs),
//!   run at two loop counts so start-up and every other fixed cost cancel.
//!
//! Run: `cargo bench --bench native` (needs mcs and mono for the C# side).

use flux_viz::emulate::{self, Options, Stop};
use flux_viz::link::{self, Image};
use flux_viz::verify::process::{self, Scratch};
use flux_viz::verify::{oracle, Run};
use flux_viz::{elf, pipeline};
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

const RUNS: usize = 5;
const TIMEOUT: Duration = Duration::from_secs(300);

const FIB: &str = include_str!("programs/fib.fs");
const SIEVE: &str = include_str!("programs/sieve.fs");
const SIEVE_HAND: &str = include_str!("programs/sieve_hand.asm");
const PINGPONG: &str = include_str!("programs/pingpong_cycle.fs");

/// One program built both ways: flux-viz's ELF and mono's executable.
struct Built {
    elf: PathBuf,
    mono: Option<PathBuf>,
}

/// Compiles `source` with flux-viz (ELF into `dir`) and, when mono is there,
/// with mcs through the oracle (cached under target/oracle-cache).
fn build(name: &str, source: &str, dir: &Scratch) -> Built {
    let compiled =
        pipeline::compile_source(name, source).unwrap_or_else(|f| panic!("{}", f.render()));
    let elf = dir.join(name);
    elf::write_file(&compiled.image, &elf).expect("write ELF");
    let cache = Path::new(env!("CARGO_MANIFEST_DIR")).join("target/oracle-cache");
    let mono = oracle::available()
        .then(|| oracle::compile(name, source, &cache).unwrap_or_else(|e| panic!("{e}")));
    Built { elf, mono }
}

/// Median wall time of `RUNS` runs of `run`, each checked to print `expected`.
fn median(expected: &[u8], run: impl Fn() -> Result<Run, String>) -> Duration {
    let mut times: Vec<Duration> = (0..RUNS)
        .map(|_| {
            let start = Instant::now();
            let out = run().unwrap_or_else(|e| panic!("{e}"));
            let elapsed = start.elapsed();
            assert_eq!(out.exit_code, 0, "{}", String::from_utf8_lossy(&out.stderr));
            assert_eq!(
                String::from_utf8_lossy(&out.stdout),
                String::from_utf8_lossy(expected)
            );
            elapsed
        })
        .collect();
    times.sort();
    times[RUNS / 2]
}

/// (ours, mono's) median times of a built program.
fn time(built: &Built, expected: &[u8]) -> (Duration, Option<Duration>) {
    let ours = median(expected, || {
        process::run(&mut Command::new(&built.elf), TIMEOUT)
    });
    let mono = built.mono.as_ref().map(|exe| {
        median(expected, || {
            oracle::run_exe(exe, TIMEOUT, Default::default())
        })
    });
    (ours, mono)
}

fn ms(d: Duration) -> String {
    format!("{:.1} ms", d.as_secs_f64() * 1e3)
}

/// `fib(32): flux-viz 12.3 ms, mono 45.6 ms: flux-viz takes 0.27x mono's time`.
/// Returns both times.
fn compare(
    what: &str,
    source: &str,
    expected: &[u8],
    dir: &Scratch,
) -> (Duration, Option<Duration>) {
    let (ours, mono) = time(&build(what, source, dir), expected);
    match mono {
        Some(mono) => println!(
            "{what:<12} flux-viz {:>9}   mono {:>9}   ratio {:.2} (flux-viz time / mono time)",
            ms(ours),
            ms(mono),
            ours.as_secs_f64() / mono.as_secs_f64()
        ),
        None => println!("{what:<12} flux-viz {:>9}   mono not found", ms(ours)),
    }
    (ours, mono)
}

/// The times of `what` less the start-up of each side (an empty `Main`).
fn without_start_up(
    what: &str,
    (ours, mono): (Duration, Option<Duration>),
    (ours_empty, mono_empty): (Duration, Option<Duration>),
) {
    let ours = ours.saturating_sub(ours_empty);
    match mono.zip(mono_empty) {
        Some((mono, empty)) => {
            let mono = mono.saturating_sub(empty);
            println!(
                "{what:<12} flux-viz {:>9}   mono {:>9}   ratio {:.2} (less each one's empty Main)",
                ms(ours),
                ms(mono),
                ours.as_secs_f64() / mono.as_secs_f64()
            )
        }
        None => println!(
            "{what:<12} flux-viz {:>9}   (less its empty Main)",
            ms(ours)
        ),
    }
}

/// The hand-written sieve linked with the runtime, as benches/emulate.rs does.
fn hand_image() -> Image {
    match link::build_hand_written("sieve_hand.asm", SIEVE_HAND) {
        Ok((_, _, image)) => image,
        Err(_) => panic!("sieve_hand.asm links"),
    }
}

/// The emulator's exact count of the instructions a run executes.
fn emulated_instructions(image: &Image, expected: &[u8]) -> u64 {
    let out = emulate::run(
        image,
        &Options {
            max_insns: 20_000_000_000,
            ..Options::default()
        },
    );
    assert_eq!(out.stop, Stop::Exited(0));
    assert_eq!(out.stdout, expected);
    out.insns
}

/// `perf stat -e instructions:u` of a native run, when the machine counts.
fn perf_instructions(exe: &Path) -> Option<u64> {
    let out = Command::new("perf")
        .args(["stat", "-x,", "-e", "instructions:u"])
        .arg(exe)
        .output()
        .ok()?;
    let text = String::from_utf8_lossy(&out.stderr);
    let line = text.lines().find(|l| l.contains("instructions"))?;
    line.split(',').next()?.trim().parse().ok()
}

/// The sieve's instructions, ours against the hand-written loop.
fn sieve_instructions(dir: &Scratch) {
    let expected = b"664579\n";
    let ours_image = pipeline::compile_source("sieve.fs", SIEVE)
        .unwrap_or_else(|f| panic!("{}", f.render()))
        .image;
    let hand_image = hand_image();
    let ours = emulated_instructions(&ours_image, expected);
    let hand = emulated_instructions(&hand_image, expected);
    println!(
        "sieve(1e7) instructions, emulated (exact): flux-viz {ours}   hand-written NASM {hand}   ratio {:.2}",
        ours as f64 / hand as f64
    );
    let (ours_exe, hand_exe) = (dir.join("sieve-ours"), dir.join("sieve-hand"));
    elf::write_file(&ours_image, &ours_exe).expect("write ELF");
    elf::write_file(&hand_image, &hand_exe).expect("write ELF");
    match (perf_instructions(&ours_exe), perf_instructions(&hand_exe)) {
        (Some(ours), Some(hand)) => println!(
            "sieve(1e7) instructions, native (perf stat): flux-viz {ours}   hand-written NASM {hand}   ratio {:.2}",
            ours as f64 / hand as f64
        ),
        _ => println!("sieve(1e7) instructions, native: perf stat has no instruction counter here"),
    }
}

/// Nanoseconds per await-and-resume cycle, ours and mono's, from the ping-pong
/// at `small` and `large` rounds per task (two tasks: two cycles per round).
fn pingpong(small: u32, large: u32, dir: &Scratch) {
    let at = |rounds: u32| {
        let source = PINGPONG.replace("ROUNDS", &rounds.to_string());
        time(
            &build(&format!("pingpong{rounds}.fs"), &source, dir),
            b"done\n",
        )
    };
    let ((ours_small, mono_small), (ours_large, mono_large)) = (at(small), at(large));
    let cycles = 2.0 * f64::from(large - small);
    let per_cycle = |a: Duration, b: Duration| (b.as_secs_f64() - a.as_secs_f64()) * 1e9 / cycles;
    let ours = per_cycle(ours_small, ours_large);
    print!(
        "await cycle  flux-viz {ours:>6.1} ns   ({} at {small} rounds, {} at {large})",
        ms(ours_small),
        ms(ours_large)
    );
    if let (Some(a), Some(b)) = (mono_small, mono_large) {
        let mono = per_cycle(a, b);
        print!(
            "\n             mono     {mono:>6.1} ns   ({} at {small} rounds, {} at {large})   ratio {:.2}",
            ms(a),
            ms(b),
            ours / mono
        );
    }
    println!();
}

fn main() {
    let dir = Scratch::new("bench-native").expect("scratch directory");
    if !oracle::available() {
        println!("note: mcs/mono not found: only flux-viz's times");
    }
    println!("native wall time of the whole process, median of {RUNS} runs");
    compare("fib(32)", FIB, b"2178309\n", &dir);
    let sieve = compare("sieve(1e7)", SIEVE, b"664579\n", &dir);
    let empty = compare(
        "empty Main",
        "class P { static void Main() { } }\n",
        b"",
        &dir,
    );
    without_start_up("sieve(1e7)", sieve, empty);
    pingpong(200_000, 2_000_000, &dir);
    sieve_instructions(&dir);
}
