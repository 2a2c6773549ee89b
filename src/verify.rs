//! The four-way proof: one Flux# program run
//!
//! 1. emulated (Unicorn, the image `flux-viz run` runs),
//! 2. natively as flux-viz's own static ELF of that image,
//! 3. natively after `--emit asm` → `nasm -f elf64` → `ld` at the image's own
//!    addresses, with the byte check: nasm's bytes equal ours instruction for
//!    instruction,
//! 4. as real C# under mono with the oracle prelude ([`oracle`]),
//!
//! and every way must agree with the emulated run: the same stdout, the same
//! exit code, and the same exception name on the first stderr line.
//!
//! In: a program path and a [`Config`]. Out: a [`Report`] with one
//! [`WayReport`] per way (agrees, differs, failed to run, or skipped: a tool is
//! missing, or the program is marked `// oracle: skip`) that renders as one line
//! per way plus a verdict. Used by `flux-viz verify` and tests/fourway.rs.

pub mod native;
pub mod oracle;
pub mod process;

use crate::emulate;
use crate::pipeline::{self, Compiled, Failure};
use std::path::{Path, PathBuf};
use std::time::Duration;

/// What one run produced.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Run {
    pub stdout: Vec<u8>,
    pub stderr: Vec<u8>,
    pub exit_code: i32,
}

impl Run {
    /// The first line of stderr (lossy UTF-8), or "" when stderr is empty.
    pub fn stderr_first_line(&self) -> String {
        let text = String::from_utf8_lossy(&self.stderr);
        text.lines().next().unwrap_or("").to_string()
    }

    /// The exception the first stderr line names: `System.DivideByZeroException`
    /// from `Unhandled exception. System.DivideByZeroException: Attempted …`,
    /// `deadlock` for the deadlock line, the whole line for anything else;
    /// `None` when stderr is empty.
    pub fn exception(&self) -> Option<String> {
        let line = self.stderr_first_line();
        if self.stderr.is_empty() {
            return None;
        }
        let name = line
            .strip_prefix("Unhandled exception. ")
            .map_or(line.as_str(), |rest| rest.split(':').next().unwrap_or(rest));
        Some(name.trim().to_string())
    }

    /// `exit 4  stdout 42 bytes  System.DivideByZeroException`.
    pub fn summary(&self) -> String {
        let mut text = format!(
            "exit {}  stdout {} bytes",
            self.exit_code,
            self.stdout.len()
        );
        if let Some(name) = self.exception() {
            text.push_str("  ");
            text.push_str(&name);
        }
        text
    }
}

/// How `other` differs from `reference` (named `reference_name` in the
/// messages): stdout, exit code, exception name. Empty when they agree.
pub fn differences(reference: &Run, reference_name: &str, other: &Run) -> Vec<String> {
    let mut problems = Vec::new();
    if other.stdout != reference.stdout {
        let at = first_difference(&reference.stdout, &other.stdout);
        let line = reference.stdout[..at]
            .iter()
            .filter(|&&b| b == b'\n')
            .count()
            + 1;
        problems.push(format!(
            "stdout differs from {reference_name}'s at byte {at} (line {line})"
        ));
    }
    if other.exit_code != reference.exit_code {
        problems.push(format!("{reference_name} exits {}", reference.exit_code));
    }
    if other.exception() != reference.exception() {
        let name = reference
            .exception()
            .unwrap_or_else(|| "no exception".to_string());
        problems.push(format!("{reference_name} says {name}"));
    }
    problems
}

fn first_difference(a: &[u8], b: &[u8]) -> usize {
    a.iter().zip(b).take_while(|(x, y)| x == y).count()
}

/// The five ways, in the order they run and print.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Way {
    Emulated,
    /// The stepping engine the UI shows, with every event detector on.
    Engine,
    OwnElf,
    NasmLd,
    Mono,
}

impl Way {
    pub const ALL: [Way; 5] = [
        Way::Emulated,
        Way::Engine,
        Way::OwnElf,
        Way::NasmLd,
        Way::Mono,
    ];

    /// The name printed at the start of the way's line.
    pub fn label(self) -> &'static str {
        match self {
            Way::Emulated => "emulated",
            Way::Engine => "engine",
            Way::OwnElf => "own ELF",
            Way::NasmLd => "nasm+ld",
            Way::Mono => "mono",
        }
    }

    /// The external tools the way needs on PATH.
    pub fn tools(self) -> &'static [&'static str] {
        match self {
            Way::Emulated | Way::Engine | Way::OwnElf => &[],
            Way::NasmLd => &native::TOOLS,
            Way::Mono => &oracle::TOOLS,
        }
    }
}

/// The verdict on one way.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Status {
    /// Ran and agrees with the reference (and, for nasm+ld, the bytes are equal).
    Agrees,
    /// Ran and disagrees: what differs.
    Differs(String),
    /// Could not produce a run (a tool failed, a CPU fault, a timeout …).
    Failed(String),
    /// Not run, and why.
    Skipped(String),
}

/// One way's line of the report.
#[derive(Debug, Clone)]
pub struct WayReport {
    pub way: Way,
    pub status: Status,
    /// What it produced (when it ran).
    pub run: Option<Run>,
    /// A remark for the line, e.g. the byte check's count.
    pub note: Option<String>,
}

impl WayReport {
    /// `nasm+ld    ok       exit 0  stdout 42 bytes  (bytes equal: 812 instructions)`.
    pub fn line(&self) -> String {
        let summary = self.run.as_ref().map(Run::summary).unwrap_or_default();
        let (verdict, detail) = match &self.status {
            Status::Agrees => ("ok", self.note.clone().map(|n| format!("({n})"))),
            Status::Differs(what) => ("DIFFERS", Some(what.clone())),
            Status::Failed(why) => ("FAILED", Some(why.clone())),
            Status::Skipped(why) => ("skipped", Some(why.clone())),
        };
        let text = [summary, detail.unwrap_or_default()]
            .into_iter()
            .filter(|s| !s.is_empty())
            .collect::<Vec<_>>()
            .join("  ");
        format!("{:<10} {:<8} {}", self.way.label(), verdict, text)
            .trim_end()
            .to_string()
    }
}

/// The outcome of all five ways.
#[derive(Debug, Clone)]
pub struct Report {
    /// In [`Way::ALL`] order.
    pub ways: Vec<WayReport>,
}

impl Report {
    /// True when no way differs or failed (skipped ways do not count against).
    pub fn agree(&self) -> bool {
        self.ways
            .iter()
            .all(|w| matches!(w.status, Status::Agrees | Status::Skipped(_)))
    }

    /// The report of one way.
    pub fn way(&self, way: Way) -> &WayReport {
        self.ways
            .iter()
            .find(|w| w.way == way)
            .expect("every way is reported")
    }

    /// `verdict: all 4 ways agree`, `verdict: 3 ways agree (1 skipped)` or
    /// `verdict: DISAGREEMENT (own ELF, mono)`.
    pub fn verdict(&self) -> String {
        let count = |f: fn(&Status) -> bool| self.ways.iter().filter(|w| f(&w.status)).count();
        let bad: Vec<&str> = self
            .ways
            .iter()
            .filter(|w| matches!(w.status, Status::Differs(_) | Status::Failed(_)))
            .map(|w| w.way.label())
            .collect();
        if !bad.is_empty() {
            return format!("verdict: DISAGREEMENT ({})", bad.join(", "));
        }
        let (agreeing, skipped) = (
            count(|s| *s == Status::Agrees),
            count(|s| matches!(s, Status::Skipped(_))),
        );
        match skipped {
            0 => format!("verdict: all {agreeing} ways agree"),
            n => format!("verdict: {agreeing} ways agree ({n} skipped)"),
        }
    }

    /// One line per way, then the verdict; each line ends with a newline.
    pub fn render(&self) -> String {
        let mut out = String::new();
        for way in &self.ways {
            out.push_str(&way.line());
            out.push('\n');
        }
        out.push_str(&self.verdict());
        out.push('\n');
        out
    }
}

/// How to verify.
#[derive(Debug, Clone)]
pub struct Config {
    /// Where compiled C# programs are cached ([`oracle::default_cache_dir`]).
    pub mono_cache: PathBuf,
    /// Time limit of each native or mono run (and each tool).
    pub timeout: Duration,
    /// The emulated run's instruction budget.
    pub max_insns: u64,
    /// The schedule of every way (mono's prelude follows it too).
    pub schedule: pipeline::Schedule,
    /// How async methods are lowered (mono runs C#'s own).
    pub lowering: pipeline::Lowering,
}

impl Default for Config {
    fn default() -> Config {
        Config {
            mono_cache: oracle::default_cache_dir(),
            timeout: Duration::from_secs(60),
            max_insns: emulate::DEFAULT_MAX_INSNS,
            schedule: pipeline::Schedule::default(),
            lowering: pipeline::Lowering::default(),
        }
    }
}

/// Compiles the file and runs it all four ways (mono on a second thread while
/// the other three run). A program that does not compile is the `Failure`.
pub fn verify_file(path: &Path, config: &Config) -> Result<Report, Failure> {
    let src = std::fs::read_to_string(path)
        .map_err(|e| Failure::Io(format!("{}: {e}", path.display())))?;
    let target = pipeline::Target {
        schedule: config.schedule,
        lowering: config.lowering,
        ..pipeline::Target::default()
    };
    let compiled = pipeline::compile_file_with(path, target)?;
    let name = path.display().to_string();
    let ways = std::thread::scope(|scope| {
        let mono = scope.spawn(|| attempt_mono(&name, &src, config));
        let mut ways: Vec<WayReport> = [Way::Emulated, Way::Engine, Way::OwnElf, Way::NasmLd]
            .into_iter()
            .map(|way| attempt_native(way, &compiled, config))
            .collect();
        ways.push(
            mono.join()
                .unwrap_or_else(|_| failed(Way::Mono, "the mono thread panicked".into())),
        );
        ways
    });
    Ok(judge(ways))
}

/// Compares every run with the emulated one (or, if that did not run, the
/// first way that did) and turns each way's pending status into its verdict.
fn judge(mut ways: Vec<WayReport>) -> Report {
    let reference = ways
        .iter()
        .find(|w| w.run.is_some() && w.status == Status::Agrees)
        .map(|w| (w.way.label(), w.run.clone().expect("ran")));
    for way in &mut ways {
        let (Some((name, reference)), Some(run)) = (&reference, &way.run) else {
            continue;
        };
        let mut problems = differences(reference, name, run);
        if let Status::Differs(own) = &way.status {
            problems.push(own.clone());
        }
        if !problems.is_empty() {
            way.status = Status::Differs(problems.join("; "));
        }
    }
    Report { ways }
}

/// A way that is not run because a tool is missing (`None` when all are there).
fn missing_tools(way: Way) -> Option<WayReport> {
    let missing = process::missing(way.tools());
    (!missing.is_empty()).then(|| skipped(way, format!("{} not found on PATH", missing.join(", "))))
}

/// Runs one of the three ways that need only the compiled image.
fn attempt_native(way: Way, compiled: &Compiled, config: &Config) -> WayReport {
    if let Some(report) = missing_tools(way) {
        return report;
    }
    let result = process::Scratch::new("verify").and_then(|dir| match way {
        Way::Emulated => emulated(compiled, config).map(|run| ran(way, run)),
        Way::Engine => engine(compiled, config).map(|run| ran(way, run)),
        Way::OwnElf => {
            native::run_own_elf(&compiled.image, &dir, config.timeout).map(|run| ran(way, run))
        }
        _ => nasm_ld(compiled, &dir, config),
    });
    result.unwrap_or_else(|why| failed(way, why))
}

/// The emulated run; a fault or an exhausted budget is a failure to run.
fn emulated(compiled: &Compiled, config: &Config) -> Result<Run, String> {
    let options = emulate::Options {
        max_insns: config.max_insns,
        ..emulate::Options::default()
    };
    let outcome = emulate::run(&compiled.image, &options);
    if let Some(message) = outcome.stop_message(&compiled.sources) {
        return Err(message);
    }
    let exit_code = outcome.exit_code();
    Ok(Run {
        stdout: outcome.stdout,
        stderr: outcome.stderr,
        exit_code,
    })
}

/// The run in the stepping engine (what the UI and `trace` show), to its
/// end with every event detector on; a fault or the budget is a failure.
fn engine(compiled: &Compiled, config: &Config) -> Result<Run, String> {
    use crate::machine::{End, Machine, Options};
    let options = Options {
        max_insns: config.max_insns,
        ..Options::default()
    };
    let mut machine = Machine::with_options(compiled.clone(), options)?;
    machine.run_to_end()?;
    let exit_code = match machine.ended() {
        Some(End::Exit(code)) => *code,
        Some(End::Budget) => return Err("stopped: instruction budget exhausted".to_string()),
        Some(End::Fault(reason)) => return Err(format!("stopped: CPU fault: {reason}")),
        None => return Err("the engine stopped before the end (a breakpoint?)".to_string()),
    };
    Ok(Run {
        stdout: machine.stdout().to_vec(),
        stderr: machine.stderr().to_vec(),
        exit_code,
    })
}

/// nasm + ld at our addresses, the byte check, and the run of that executable.
fn nasm_ld(
    compiled: &Compiled,
    dir: &process::Scratch,
    config: &Config,
) -> Result<WayReport, String> {
    let exe = native::nasm_ld(&compiled.asm, &compiled.image, dir, config.timeout)?;
    let run = process::run(&mut std::process::Command::new(&exe), config.timeout)?;
    let mut report = ran(Way::NasmLd, run);
    match native::byte_check(&exe, &compiled.image, &compiled.sources) {
        Ok(n) => report.note = Some(format!("bytes equal to ours: {n} instructions")),
        Err(problem) => report.status = Status::Differs(problem),
    }
    Ok(report)
}

/// The C# way: skipped for `// oracle: skip` programs and without mcs/mono.
fn attempt_mono(name: &str, src: &str, config: &Config) -> WayReport {
    match oracle::parse_header(src) {
        Ok(oracle::Header {
            oracle_skip: Some(reason),
            ..
        }) => return skipped(Way::Mono, format!("marked `// oracle: skip` ({reason})")),
        Err(e) => return failed(Way::Mono, e),
        Ok(_) => {}
    }
    if let Some(report) = missing_tools(Way::Mono) {
        return report;
    }
    oracle::compile(name, src, &config.mono_cache)
        .and_then(|exe| oracle::run_exe(&exe, config.timeout, config.schedule))
        .map_or_else(|why| failed(Way::Mono, why), |run| ran(Way::Mono, run))
}

fn ran(way: Way, run: Run) -> WayReport {
    WayReport {
        way,
        status: Status::Agrees,
        run: Some(run),
        note: None,
    }
}

fn failed(way: Way, why: String) -> WayReport {
    WayReport {
        way,
        status: Status::Failed(why),
        run: None,
        note: None,
    }
}

fn skipped(way: Way, why: String) -> WayReport {
    WayReport {
        way,
        status: Status::Skipped(why),
        run: None,
        note: None,
    }
}
