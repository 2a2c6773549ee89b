//! The command line: `flux-viz check | compile | run | build | trace | verify | FILE`.
//!
//! In: the process arguments. Out: the command's output on stdout/stderr and an
//! exit code. Every command is a thin layer over the library (see `pipeline`), so
//! the UI and the tests call exactly what the commands call.

pub mod output;

use crate::pipeline::{self, Failure, Lowering, Model, Schedule};
use crate::{diag, emulate};
use clap::{Parser, Subcommand, ValueEnum};
use output::{exit, CliError};
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
    /// The colours: classic, projector (high contrast, dark text on white)
    /// or plain (no colour; the UI's default when NO_COLOR is set). For
    /// `export` the default is projector, for paper.
    #[arg(long, value_enum, global = true)]
    theme: Option<crate::tui::theme::ThemeName>,
    /// Predict the next step: before each `a`, the UI asks what it will find
    /// (the `Q` key turns it on and off).
    #[arg(long)]
    quiz: bool,
    /// Where an awaiter resumes when its task completes: csharp (inline, inside
    /// the completion, as C# does on one thread) or queued (every continuation
    /// through the ready queue, as JavaScript promises do).
    #[arg(long, value_enum, global = true, default_value_t = Schedule::Csharp)]
    schedule: Schedule,
    /// How an async method finds the code to continue at when resumed:
    /// table (the frame keeps the state's number, a jump through the state
    /// table) or direct (the frame keeps the code's address, one indirect
    /// jump).
    #[arg(long, value_enum, global = true, default_value_t = Lowering::Table)]
    lowering: Lowering,
    /// The execution model: csharp (calling an async method runs it at once;
    /// completions resume their awaiters) or rust (lazy futures: nothing runs
    /// until polled; await polls the child; an executor and wakers). Under
    /// rust the lowering is the state table, with a byte for the state.
    #[arg(long, value_enum, global = true, default_value_t = Model::Csharp)]
    model: Model,
}

#[derive(Subcommand, Debug)]
enum Command {
    /// Parse and type-check files; print every diagnostic (exit 65 on errors).
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
        /// Stop after this many instructions (exit 124 when they run out).
        #[arg(long, default_value_t = emulate::DEFAULT_MAX_INSNS)]
        max_insns: u64,
        /// Arguments for `Main(string[] args)`, after `--`.
        #[arg(last = true)]
        args: Vec<String>,
    },
    /// Write a static Linux ELF of the very image `run` emulates.
    Build {
        file: PathBuf,
        /// The executable to write.
        #[arg(short, long)]
        output: PathBuf,
        /// Add a symbol table and DWARF (functions, lines, frames) for gdb, objdump, perf.
        #[arg(short = 'g')]
        debug: bool,
    },
    /// Run a file to its end in the stepping engine and print its events (see README "trace").
    Trace {
        file: PathBuf,
        /// Event kinds to print, comma-separated: save, restore, poll, resume, jump, state,
        /// suspend, complete, wake, timer, output, fault, budget, deadlock, exit; or all, async.
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
    /// Run a file under each lowering (table, direct) and measure its async
    /// methods: instructions per await-and-resume cycle, code bytes, frame
    /// bytes, saves per await.
    Compare {
        file: PathBuf,
        /// The same figures as JSON.
        #[arg(long)]
        json: bool,
        /// Stop each run after this many instructions.
        #[arg(long, default_value_t = emulate::DEFAULT_MAX_INSNS)]
        max_insns: u64,
    },
    /// Write a lesson's walkthrough to hand out: every narrated stop with
    /// its source, state machine, x86-64, registers, stack and promises, as
    /// the UI draws them (HTML or Markdown); or one screen as SVG.
    Export {
        file: PathBuf,
        /// Output file; its extension picks the format unless --format does.
        #[arg(short, long)]
        output: PathBuf,
        #[arg(long, value_enum)]
        format: Option<crate::tui::export::Format>,
        /// For svg: the screen after this many instructions.
        #[arg(long, default_value_t = 0)]
        at: u64,
    },
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

/// Runs the command line; returns the process exit code (README "Exit codes").
pub fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(error) => {
            // --help and --version are "errors" that print to stdout and exit 0.
            let code = if error.use_stderr() { exit::USAGE } else { 0 };
            let _ = error.print();
            return ExitCode::from(code);
        }
    };
    match dispatch(cli) {
        Ok(code) => code,
        Err(error) => {
            error.report();
            ExitCode::from(error.exit_code())
        }
    }
}

fn dispatch(cli: Cli) -> Result<ExitCode, CliError> {
    let target = pipeline::Target {
        schedule: cli.schedule,
        lowering: cli.lowering,
        model: cli.model,
    };
    match cli.command {
        Some(Command::Check { files }) => check(&files),
        Some(Command::Compile { file, emit, output }) => {
            compile(&file, emit, output.as_deref(), target)
        }
        Some(Command::Run {
            file,
            max_insns,
            args,
        }) => run(&file, target, max_insns, args),
        Some(Command::Build {
            file,
            output,
            debug,
        }) => build(&file, target, &output, debug),
        Some(Command::Verify { file }) => verify(&file, target),
        Some(Command::Export {
            file,
            output,
            format,
            at,
        }) => {
            let theme = cli.theme.unwrap_or(crate::tui::theme::ThemeName::Projector);
            export(&file, target, &output, format, theme, at)
        }
        Some(Command::Trace {
            file,
            events,
            json,
            max_insns,
        }) => trace(&file, target, &events, json, max_insns),
        Some(Command::Compare {
            file,
            json,
            max_insns,
        }) => compare(&file, target.schedule, json, max_insns),
        None => match cli.file {
            Some(file) => open_ui(
                &file,
                target,
                crate::tui::Options {
                    narration: !cli.no_narration,
                    theme: cli.theme,
                    quiz: cli.quiz,
                },
            ),
            None => {
                output::stderr(
                    "flux-viz: give a Flux# file to open, or a command (see flux-viz --help)\n",
                )?;
                Ok(ExitCode::from(exit::USAGE))
            }
        },
    }
}

/// Compiles `file`, or prints its diagnostics and says which exit code that means.
fn compiled_or_report(
    file: &Path,
    target: pipeline::Target,
) -> Result<Result<pipeline::Compiled, ExitCode>, CliError> {
    match pipeline::compile_file_with(file, target) {
        Ok(compiled) => Ok(Ok(compiled)),
        Err(failure) => Ok(Err(report(&failure)?)),
    }
}

/// `flux-viz trace FILE [--events KINDS] [--json] [--max-insns N]`: the
/// events, one per line; the program's exit code (1 for any other end).
fn trace(
    file: &Path,
    target: pipeline::Target,
    events: &str,
    json: bool,
    max_insns: u64,
) -> Result<ExitCode, CliError> {
    use crate::machine::{trace, End, KindSet};
    let kinds = match KindSet::parse(events) {
        Ok(kinds) => kinds,
        Err(message) => {
            output::stderr(&format!("flux-viz: {message}\n"))?;
            return Ok(ExitCode::from(exit::USAGE));
        }
    };
    let compiled = match compiled_or_report(file, target)? {
        Ok(compiled) => compiled,
        Err(code) => return Ok(code),
    };
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    let end = trace::trace(compiled, kinds, json, max_insns, &mut out).map_err(|e| match e {
        trace::Error::Write(error) => CliError::from_write("stdout", &error),
        trace::Error::Machine(message) => CliError::Other(message),
    })?;
    out.flush()
        .map_err(|e| CliError::from_write("stdout", &e))?;
    Ok(ExitCode::from(match end {
        End::Exit(code) => code as u8,
        End::Budget => exit::BUDGET,
        End::Fault(_) => exit::CPU_FAULT,
    }))
}

/// `flux-viz compare FILE [--json]`: the program under each lowering,
/// measured (src/compare.rs).
fn compare(
    file: &Path,
    schedule: Schedule,
    json: bool,
    max_insns: u64,
) -> Result<ExitCode, CliError> {
    let figures = match crate::compare::compare(file, schedule, max_insns) {
        Ok(figures) => figures,
        Err(failure) => return report(&failure),
    };
    let text = match json {
        true => {
            serde_json::to_string_pretty(&figures).map_err(|e| CliError::Other(e.to_string()))?
                + "\n"
        }
        false => crate::compare::render(file, schedule, &figures),
    };
    output::stdout(text.as_bytes())?;
    Ok(ExitCode::SUCCESS)
}

/// `flux-viz FILE [--no-narration] [--theme T] [--quiz]`: the terminal UI
/// (narration only for lessons).
fn open_ui(
    file: &Path,
    target: pipeline::Target,
    options: crate::tui::Options,
) -> Result<ExitCode, CliError> {
    if let Err(e) = std::fs::metadata(file) {
        return Err(CliError::Input(format!(
            "cannot read {}: {}",
            file.display(),
            output::plain(&e)
        )));
    }
    crate::tui::run(file, target, options).map_err(CliError::Other)?;
    Ok(ExitCode::SUCCESS)
}

/// `flux-viz check FILE…`: all diagnostics of every file; exit 65 if any (66 if one cannot be read).
/// Every file is checked, also after one that cannot be read; the exit code
/// is the worst seen (a missing file 66 wins over compile errors 65).
fn check(files: &[PathBuf]) -> Result<ExitCode, CliError> {
    let mut worst = 0u8;
    for file in files {
        if let Err(failure) = pipeline::check_file(file) {
            let code = report_code(&failure)?;
            worst = worst.max(code);
        }
    }
    Ok(ExitCode::from(worst))
}

/// `flux-viz compile FILE --emit KIND [-o OUT]`.
fn compile(
    file: &Path,
    emit: Emit,
    output: Option<&Path>,
    target: pipeline::Target,
) -> Result<ExitCode, CliError> {
    if let Some(output) = output {
        output::refuse_input_as_output(output, &[file.to_path_buf()])?;
    }
    let compiled = || pipeline::compile_file_with(file, target);
    let bytes = match emit {
        Emit::Ast => pipeline::ast_dump(file).map(String::into_bytes),
        Emit::Sm => pipeline::state_machines(file, false, target).map(String::into_bytes),
        Emit::Dot => pipeline::state_machines(file, true, target).map(String::into_bytes),
        Emit::Asm => compiled().map(|c| c.asm.to_nasm().into_bytes()),
        Emit::Map => compiled().map(|c| c.image.listing(&c.sources).into_bytes()),
        Emit::Bin => compiled().map(|c| flat_image(&c.image)),
    };
    match bytes {
        Ok(bytes) => {
            match output {
                Some(path) => output::write_file(path, &bytes, None)?,
                None => output::stdout(&bytes)?,
            }
            Ok(ExitCode::SUCCESS)
        }
        Err(failure) => report(&failure),
    }
}

/// `flux-viz export FILE -o OUT [--format html|md|svg] [--theme T] [--at N]`.
fn export(
    file: &Path,
    target: pipeline::Target,
    output: &Path,
    format: Option<crate::tui::export::Format>,
    theme: crate::tui::theme::ThemeName,
    at: u64,
) -> Result<ExitCode, CliError> {
    use crate::tui::export::Format;
    output::refuse_input_as_output(output, &[file.to_path_buf()])?;
    let format = match (format, output.extension().and_then(|e| e.to_str())) {
        (Some(format), _) => format,
        (None, Some("md" | "markdown")) => Format::Md,
        (None, Some("svg")) => Format::Svg,
        (None, _) => Format::Html,
    };
    // Diagnostics as every command prints them (the UI keeps only text).
    if let Err(code) = compiled_or_report(file, target)? {
        return Ok(code);
    }
    let theme = crate::tui::theme::Theme::named(theme);
    let text =
        crate::tui::export::export(file, target, theme, format, at).map_err(CliError::Other)?;
    output::write_file(output, text.as_bytes(), None)?;
    Ok(ExitCode::SUCCESS)
}

/// `flux-viz run FILE [-- ARGS]`: the guest's stdout/stderr stream through;
/// its exit code becomes ours. A fault or an exhausted budget is reported on
/// stderr with an exit code of its own.
fn run(
    file: &Path,
    target: pipeline::Target,
    max_insns: u64,
    args: Vec<String>,
) -> Result<ExitCode, CliError> {
    let compiled = match compiled_or_report(file, target)? {
        Ok(compiled) => compiled,
        Err(code) => return Ok(code),
    };
    let options = emulate::Options {
        max_insns,
        args,
        ..emulate::Options::default()
    };
    let tee: (Box<dyn Write>, Box<dyn Write>) =
        (Box::new(std::io::stdout()), Box::new(std::io::stderr()));
    let outcome = emulate::run_streaming(&compiled.image, &options, Some(tee));
    if let Some(error) = &outcome.tee_error {
        let stream = if error.0 == 1 { "stdout" } else { "stderr" };
        return Err(CliError::from_write(stream, &error.1));
    }
    if let Some(message) = outcome.stop_message(&compiled.sources) {
        output::stderr(&format!("flux-viz: {message}\n"))?;
    }
    Ok(ExitCode::from(match outcome.stop {
        emulate::Stop::Exited(code) => code.clamp(0, 255) as u8,
        emulate::Stop::Budget(_) => exit::BUDGET,
        emulate::Stop::Fault(_) | emulate::Stop::Syscall { .. } => exit::CPU_FAULT,
    }))
}

/// `flux-viz build [-g] FILE -o EXE`: the static ELF of the image, made
/// executable (written beside the target and renamed into place); with `-g`
/// also its symbol table and DWARF.
fn build(
    file: &Path,
    target: pipeline::Target,
    output: &Path,
    debug: bool,
) -> Result<ExitCode, CliError> {
    output::refuse_input_as_output(output, &[file.to_path_buf()])?;
    let compiled = match compiled_or_report(file, target)? {
        Ok(compiled) => compiled,
        Err(code) => return Ok(code),
    };
    let elf = if debug {
        debug_elf(&compiled)?
    } else {
        crate::elf::write_elf(&compiled.image)
    };
    output::write_file(output, &elf, Some(0o777))?;
    // The process ends now: freeing a big program's tables piece by piece
    // would take longer than building its ELF did (0.2 s at 100 k lines).
    std::mem::forget(compiled);
    Ok(ExitCode::SUCCESS)
}

/// The ELF with symbols and DWARF; source names are relative to the
/// current directory, as they were given.
fn debug_elf(compiled: &pipeline::Compiled) -> Result<Vec<u8>, CliError> {
    let sites =
        crate::machine::sites::Sites::find(&compiled.image, &compiled.frames, &compiled.sources);
    let dir = std::env::current_dir().unwrap_or_default();
    let sections = crate::dwarf::sections(&compiled.image, &compiled.sources, &sites, &dir)
        .map_err(|e| CliError::Create(format!("cannot write DWARF: {e}")))?;
    Ok(crate::elf::write_elf_debug(&compiled.image, &sections))
}

/// `flux-viz verify FILE`: one line per way, then the verdict; exit 1 on any
/// disagreement.
fn verify(file: &Path, target: pipeline::Target) -> Result<ExitCode, CliError> {
    crate::verify::process::clean_up_on_signals();
    let config = crate::verify::Config {
        schedule: target.schedule,
        lowering: target.lowering,
        ..crate::verify::Config::default()
    };
    match crate::verify::verify_file(file, &config) {
        Ok(result) => {
            output::stdout(result.render().as_bytes())?;
            Ok(ExitCode::from(if result.agree() {
                0
            } else {
                exit::DISAGREE
            }))
        }
        Err(failure) => report(&failure),
    }
}

/// Prints a failure (rendered diagnostics, or a plain message for an
/// unreadable input); returns the exit code it means.
fn report(failure: &Failure) -> Result<ExitCode, CliError> {
    report_code(failure).map(ExitCode::from)
}

fn report_code(failure: &Failure) -> Result<u8, CliError> {
    match failure {
        Failure::Io(message) => {
            output::stderr(&format!("flux-viz: {message}\n"))?;
            Ok(exit::NO_INPUT)
        }
        Failure::Diagnostics {
            sources,
            diagnostics,
        } => {
            let color = use_color(&std::io::stderr());
            let n = diagnostics.len();
            let text = format!(
                "{}{} error{} found\n",
                diag::render(sources, diagnostics, color),
                n,
                if n == 1 { "" } else { "s" }
            );
            output::stderr(&text)?;
            Ok(exit::COMPILE)
        }
    }
}

/// Colour only on a terminal, and never when NO_COLOR is set.
fn use_color(stream: &impl IsTerminal) -> bool {
    stream.is_terminal() && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
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
