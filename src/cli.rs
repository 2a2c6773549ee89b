//! The command line: `flux-viz check | compile | run | build | trace | verify | FILE`.
//!
//! In: the process arguments. Out: the command's output on stdout/stderr and an
//! exit code. Every command is a thin layer over the library (see `pipeline`), so
//! the UI and the tests call exactly what the commands call.

use crate::pipeline::{self, Failure};
use crate::{diag, emulate};
use clap::{Parser, Subcommand, ValueEnum};
use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

/// Compile Flux# (a C# subset with async/await) to x86-64 and watch it run.
#[derive(Parser, Debug)]
#[command(
    name = "flux-viz",
    version,
    about,
    args_conflicts_with_subcommands = true
)]
pub struct Cli {
    #[command(subcommand)]
    command: Option<Command>,
    /// A Flux# file to open in the terminal UI.
    file: Option<PathBuf>,
    /// Do not show a lesson's narration (on by default for files in lessons/).
    #[arg(long)]
    no_narration: bool,
}

#[derive(Subcommand, Debug)]
enum Command {
    /// Parse and type-check files; print every diagnostic (exit 1 on errors).
    Check {
        #[arg(required = true)]
        files: Vec<PathBuf>,
    },
    /// Compile a file and write one of its intermediate forms.
    Compile {
        file: PathBuf,
        /// What to write.
        #[arg(long, value_enum)]
        emit: Emit,
        /// Output file (default: stdout).
        #[arg(short, long)]
        output: Option<PathBuf>,
    },
    /// Run a file in the emulator: its output, then its exit code as ours.
    Run {
        file: PathBuf,
        /// Stop after this many instructions.
        #[arg(long, default_value_t = emulate::DEFAULT_MAX_INSNS)]
        max_insns: u64,
    },
    /// Write a static Linux ELF of the very image `run` emulates.
    Build {
        file: PathBuf,
        /// The executable to write.
        #[arg(short, long)]
        output: PathBuf,
    },
    /// Run a file to its end in the stepping engine and print its events (see README "trace").
    Trace {
        file: PathBuf,
        /// Event kinds to print, comma-separated: save, restore, poll, jump, state, suspend,
        /// complete, wake, timer, output, fault, budget, deadlock, exit; or all, async.
        #[arg(long, default_value = crate::machine::trace::DEFAULT_KINDS)]
        events: String,
        /// One JSON object per line instead of text.
        #[arg(long)]
        json: bool,
        /// Stop after this many instructions.
        #[arg(long, default_value_t = emulate::DEFAULT_MAX_INSNS)]
        max_insns: u64,
    },
    /// Run a file emulated, as our own ELF, through nasm+ld and under mono; all must agree.
    Verify { file: PathBuf },
}

/// The forms `compile --emit` can write.
#[derive(ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
enum Emit {
    /// The syntax tree, one node per line.
    Ast,
    /// The state machines of the async methods: frames, states, awaits, transitions.
    Sm,
    /// The same state machines as a Graphviz graph.
    Dot,
    /// One self-contained NASM file (generated code + runtime).
    Asm,
    /// A listing: address, bytes, instruction, source line (like objdump -d -l).
    Map,
    /// The raw image: each section's bytes, padded to its address.
    Bin,
}

/// Runs the command line; returns the process exit code.
pub fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        Some(Command::Check { files }) => check(&files),
        Some(Command::Compile { file, emit, output }) => compile(&file, emit, output.as_deref()),
        Some(Command::Run { file, max_insns }) => run(&file, max_insns),
        Some(Command::Build { file, output }) => build(&file, &output),
        Some(Command::Verify { file }) => verify(&file),
        Some(Command::Trace {
            file,
            events,
            json,
            max_insns,
        }) => trace(&file, &events, json, max_insns),
        None => match cli.file {
            Some(file) => open_ui(&file, !cli.no_narration),
            None => {
                eprintln!(
                    "flux-viz: give a Flux# file to open, or a command (see flux-viz --help)"
                );
                Ok(ExitCode::from(2))
            }
        },
    };
    result.unwrap_or_else(|message| {
        eprintln!("flux-viz: {message}");
        ExitCode::from(2)
    })
}

/// `flux-viz trace FILE [--events KINDS] [--json] [--max-insns N]`: the
/// events, one per line; the program's exit code (1 for any other end).
fn trace(file: &Path, events: &str, json: bool, max_insns: u64) -> Result<ExitCode, String> {
    use crate::machine::{trace, End, KindSet};
    let kinds = KindSet::parse(events)?;
    let compiled = match pipeline::compile_file(file) {
        Ok(compiled) => compiled,
        Err(failure) => {
            report(&failure)?;
            return Ok(ExitCode::from(1));
        }
    };
    let mut out = std::io::stdout().lock();
    Ok(
        match trace::trace(compiled, kinds, json, max_insns, &mut out)? {
            End::Exit(code) => ExitCode::from(code as u8),
            End::Budget | End::Fault(_) => ExitCode::from(1),
        },
    )
}

/// `flux-viz FILE [--no-narration]`: the terminal UI (narration only for lessons).
fn open_ui(file: &Path, narration: bool) -> Result<ExitCode, String> {
    if !file.exists() {
        return Err(format!("cannot read {}: no such file", file.display()));
    }
    let narration = narration && crate::lesson::is_lesson_path(file);
    crate::tui::run(file, narration).map(|()| ExitCode::SUCCESS)
}

/// `flux-viz check FILE…`: all diagnostics of every file; exit 1 if any.
fn check(files: &[PathBuf]) -> Result<ExitCode, String> {
    let mut clean = true;
    for file in files {
        match pipeline::check_file(file) {
            Ok(_) => {}
            Err(failure) => {
                report(&failure)?;
                clean = false;
            }
        }
    }
    Ok(if clean {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    })
}

/// `flux-viz compile FILE --emit KIND [-o OUT]`.
fn compile(file: &Path, emit: Emit, output: Option<&Path>) -> Result<ExitCode, String> {
    let bytes = match emit {
        Emit::Ast => pipeline::parse_file(file)
            .map(|parsed| crate::ast::dump::program(&parsed.sources, &parsed.program).into_bytes()),
        Emit::Sm => pipeline::state_machines(file, false).map(String::into_bytes),
        Emit::Dot => pipeline::state_machines(file, true).map(String::into_bytes),
        Emit::Asm => pipeline::compile_file(file).map(|c| c.asm.to_nasm().into_bytes()),
        Emit::Map => pipeline::compile_file(file).map(|c| c.image.listing(&c.sources).into_bytes()),
        Emit::Bin => pipeline::compile_file(file).map(|c| flat_image(&c.image)),
    };
    match bytes {
        Ok(bytes) => {
            write_output(output, &bytes)?;
            Ok(ExitCode::SUCCESS)
        }
        Err(failure) => {
            report(&failure)?;
            Ok(ExitCode::from(1))
        }
    }
}

/// `flux-viz run FILE`: the guest's stdout/stderr stream through; its exit
/// code becomes ours. A fault or an exhausted budget is reported on stderr.
fn run(file: &Path, max_insns: u64) -> Result<ExitCode, String> {
    let compiled = match pipeline::compile_file(file) {
        Ok(compiled) => compiled,
        Err(failure) => {
            report(&failure)?;
            return Ok(ExitCode::from(1));
        }
    };
    let options = emulate::Options {
        max_insns,
        ..emulate::Options::default()
    };
    let tee: (Box<dyn Write>, Box<dyn Write>) =
        (Box::new(std::io::stdout()), Box::new(std::io::stderr()));
    let outcome = emulate::run_streaming(&compiled.image, &options, Some(tee));
    if let Some(message) = outcome.stop_message(&compiled.sources) {
        eprintln!("flux-viz: {message}");
    }
    Ok(ExitCode::from(outcome.exit_code().clamp(0, 255) as u8))
}

/// `flux-viz build FILE -o EXE`: the static ELF of the image, made executable.
fn build(file: &Path, output: &Path) -> Result<ExitCode, String> {
    match pipeline::compile_file(file) {
        Ok(compiled) => {
            crate::elf::write_file(&compiled.image, output)
                .map_err(|e| format!("cannot write {}: {e}", output.display()))?;
            Ok(ExitCode::SUCCESS)
        }
        Err(failure) => {
            report(&failure)?;
            Ok(ExitCode::from(1))
        }
    }
}

/// `flux-viz verify FILE`: one line per way, then the verdict; exit 1 on any
/// disagreement (or a program that does not compile).
fn verify(file: &Path) -> Result<ExitCode, String> {
    match crate::verify::verify_file(file, &crate::verify::Config::default()) {
        Ok(result) => {
            print!("{}", result.render());
            Ok(ExitCode::from(u8::from(!result.agree())))
        }
        Err(failure) => {
            report(&failure)?;
            Ok(ExitCode::from(1))
        }
    }
}

/// Prints a failure: rendered diagnostics, or a plain message (missing file …).
fn report(failure: &Failure) -> Result<(), String> {
    match failure {
        Failure::Io(message) => Err(message.clone()),
        Failure::Diagnostics {
            sources,
            diagnostics,
        } => {
            let color = use_color(&std::io::stderr());
            eprint!("{}", diag::render(sources, diagnostics, color));
            let n = diagnostics.len();
            eprintln!("{} error{} found", n, if n == 1 { "" } else { "s" });
            Ok(())
        }
    }
}

/// Colour only on a terminal, and never when NO_COLOR is set.
fn use_color(stream: &impl IsTerminal) -> bool {
    stream.is_terminal() && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
}

fn write_output(output: Option<&Path>, bytes: &[u8]) -> Result<(), String> {
    match output {
        Some(path) => {
            std::fs::write(path, bytes).map_err(|e| format!("cannot write {}: {e}", path.display()))
        }
        None => std::io::stdout()
            .write_all(bytes)
            .map_err(|e| format!("cannot write to stdout: {e}")),
    }
}

/// `--emit bin`: the file-backed sections (code, rodata, data) as one flat
/// block starting at the code address, gaps zero-filled; like `objcopy -O binary`.
fn flat_image(image: &crate::link::Image) -> Vec<u8> {
    let loaded: Vec<_> = image
        .regions
        .iter()
        .filter(|r| !r.section.is_nobits())
        .collect();
    let Some(base) = loaded.first().map(|r| r.addr) else {
        return Vec::new();
    };
    let mut out = Vec::new();
    for region in loaded {
        out.resize((region.addr - base) as usize, 0);
        out.extend_from_slice(&region.bytes);
    }
    out
}
