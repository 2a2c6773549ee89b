//! The pipeline driver: chains the stages for the commands, the UI and tests.
//!
//! In: a path or an in-memory source. Out: the product of the requested stage,
//! or a [`Failure`] carrying every diagnostic (with the sources to render them).
//! Every stage that walks a syntax tree runs on a thread with a large stack:
//! the parser bounds how deep a tree may be ([`parse::MAX_TREE_DEPTH`]: long
//! chains such as a 100,000-term sum are deep without being nested), and the
//! stack is sized for that bound, so deep input gets a diagnostic or works
//! instead of overflowing whatever thread called us (test threads have small
//! stacks). Dropping a tree recurses too: the trees handed out ([`Parsed`],
//! [`Checked`]) are dropped on such a thread as well.

use crate::asm::Asm;
use crate::diag::Diagnostic;
use crate::link::Image;
use crate::machine::layout::{FrameLayout, FunctionLayout};
use crate::source::Sources;
use crate::{ast, check, codegen, generic, link, lower, parse, typed};
use std::path::Path;

/// Where an awaiter resumes when the task it awaits completes (LANGUAGE.md §7).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, clap::ValueEnum)]
pub enum Schedule {
    /// C# on one thread: inline, inside the completion (timers and
    /// `Task.Yield()` go through the ready queue).
    #[default]
    Csharp,
    /// Every continuation through the ready queue, as JavaScript promises do
    /// (a teaching option: `--schedule queued`).
    Queued,
}

impl Schedule {
    /// The option's spelling (`csharp`, `queued`).
    pub fn name(self) -> &'static str {
        match self {
            Schedule::Csharp => "csharp",
            Schedule::Queued => "queued",
        }
    }
}

/// How an async method's state machine finds the code to continue at
/// (issue 17; docs/internals.md "Async lowering").
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, clap::ValueEnum)]
pub enum Lowering {
    /// The frame keeps the state's number; resuming jumps through the
    /// method's state table (`jmp [rcx + rax*8]`).
    #[default]
    Table,
    /// The frame keeps the address of the code to continue at; resuming is
    /// one indirect jump (`jmp [r15 + 32]`), and there is no table.
    Direct,
    /// Every task runs on a stack of its own (runtime/fiber.asm); `await`
    /// switches stacks, and the locals stay where they are.
    Stackful,
}

impl Lowering {
    /// The option's spelling (`table`, `direct`, `stackful`).
    pub fn name(self) -> &'static str {
        match self {
            Lowering::Table => "table",
            Lowering::Direct => "direct",
            Lowering::Stackful => "stackful",
        }
    }
}

/// The execution model async methods follow (issue 17).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, clap::ValueEnum)]
pub enum Model {
    /// C#: calling an async method runs it at once (a hot start), and a
    /// completing task resumes its awaiters (continuations).
    #[default]
    Csharp,
    /// Rust: calling an async method only makes its future, which does
    /// nothing until it is polled; `await` polls the child in place and
    /// returns Pending upward; an executor polls the top-level task, and a
    /// waker puts it back in the ready queue (runtime/poll.asm).
    Rust,
}

impl Model {
    /// The option's spelling (`csharp`, `rust`).
    pub fn name(self) -> &'static str {
        match self {
            Model::Csharp => "csharp",
            Model::Rust => "rust",
        }
    }
}

/// What a program is compiled for: where awaiters resume, how async
/// methods are lowered, and which execution model they follow.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash)]
pub struct Target {
    pub schedule: Schedule,
    pub lowering: Lowering,
    pub model: Model,
}

impl From<Schedule> for Target {
    fn from(schedule: Schedule) -> Target {
        Target {
            schedule,
            ..Target::default()
        }
    }
}

/// Why a stage produced nothing.
#[derive(Debug)]
pub enum Failure {
    /// The input could not be read at all (missing file, invalid UTF-8).
    Io(String),
    /// The input was read and is wrong; `diagnostics` is sorted and non-empty.
    Diagnostics {
        sources: Sources,
        diagnostics: Vec<Diagnostic>,
    },
}

impl Failure {
    /// A plain-text rendering (no colour), for tests and logs.
    pub fn render(&self) -> String {
        match self {
            Failure::Io(message) => format!("error: {message}\n"),
            Failure::Diagnostics {
                sources,
                diagnostics,
            } => crate::diag::render(sources, diagnostics, false),
        }
    }
}

pub struct Parsed {
    pub sources: Sources,
    pub program: ast::Program,
}

pub struct Checked {
    pub sources: Sources,
    pub program: typed::Program,
}

/// Stack for the stages that walk trees: tree depth is limited by the parser,
/// and this leaves a wide margin for the recursion that limit still allows.
/// Only the pages a program touches are ever mapped.
const FRONT_END_STACK: usize = 256 << 20;

fn on_big_stack<T: Send>(f: impl FnOnce() -> T + Send) -> T {
    std::thread::scope(|scope| {
        std::thread::Builder::new()
            .name("flux-front-end".into())
            .stack_size(FRONT_END_STACK)
            .spawn_scoped(scope, f)
            .expect("cannot start the front-end thread")
            .join()
            .unwrap_or_else(|panic| std::panic::resume_unwind(panic))
    })
}

/// Drops the tree on the big stack (see the module comment).
impl Drop for Parsed {
    fn drop(&mut self) {
        let program = std::mem::take(&mut self.program);
        on_big_stack(move || drop(program));
    }
}

/// Drops the tree on the big stack (see the module comment).
impl Drop for Checked {
    fn drop(&mut self) {
        let program = std::mem::take(&mut self.program);
        on_big_stack(move || drop(program));
    }
}

/// Parses a file and its includes.
pub fn parse_file(path: &Path) -> Result<Parsed, Failure> {
    on_big_stack(|| {
        let mut sources = Sources::new();
        let (program, diagnostics) = parse::parse_file(&mut sources, path).map_err(Failure::Io)?;
        finish(sources, diagnostics, |sources| Parsed { sources, program })
    })
}

/// Parses and checks a file and its includes.
pub fn check_file(path: &Path) -> Result<Checked, Failure> {
    on_big_stack(|| {
        let mut sources = Sources::new();
        let (program, diagnostics) = parse::parse_file(&mut sources, path).map_err(Failure::Io)?;
        check_parsed(sources, program, diagnostics)
    })
}

/// Parses and checks source text held in memory (`name` is used in messages).
pub fn check_source(name: &str, text: &str) -> Result<Checked, Failure> {
    on_big_stack(|| {
        let mut sources = Sources::new();
        let (program, diagnostics) = parse::parse_source(&mut sources, name, text.to_string());
        check_parsed(sources, program, diagnostics)
    })
}

/// A program compiled down to machine code.
#[derive(Clone)]
pub struct Compiled {
    /// The Flux# files and the runtime's `.asm` files (spans point into both).
    pub sources: Sources,
    /// Generated code plus runtime, the form `--emit asm` prints.
    pub asm: Asm,
    /// The bytes at their addresses, symbols and the source map.
    pub image: Image,
    /// The frame layout of every async method (for the stepping engine).
    pub frames: Vec<FrameLayout>,
    /// The object layout of every class (for the heap view).
    pub classes: Vec<crate::machine::layout::ClassLayout>,
    /// Where every function keeps its locals (for the Stack and Registers panes).
    pub functions: Vec<FunctionLayout>,
    /// `--emit sm` of the program (shown whole by the UI's `w`).
    pub state_machines: String,
}

/// The syntax tree of a file, one node per line (`--emit ast`).
pub fn ast_dump(path: &Path) -> Result<String, Failure> {
    let parsed = parse_file(path)?;
    on_big_stack(|| Ok(ast::dump::program(&parsed.sources, &parsed.program)))
}

/// Compiles a file all the way to an image (the C# schedule).
pub fn compile_file(path: &Path) -> Result<Compiled, Failure> {
    compile_file_with(path, Schedule::default())
}

/// Compiles a file all the way to an image, for the given schedule (and
/// lowering: a [`Target`]).
pub fn compile_file_with(path: &Path, target: impl Into<Target>) -> Result<Compiled, Failure> {
    let target = target.into();
    let checked = check_file(path)?;
    on_big_stack(|| compile_checked(checked, target))
}

/// Compiles source text held in memory all the way to an image.
pub fn compile_source(name: &str, text: &str) -> Result<Compiled, Failure> {
    let checked = check_source(name, text)?;
    on_big_stack(|| compile_checked(checked, Target::default()))
}

/// Lowering and code generation (on the big stack: they recurse over the tree).
fn compile_checked(mut checked: Checked, target: Target) -> Result<Compiled, Failure> {
    // A Rust future is a state machine with a state table (rustc's lowering).
    let target = match target.model {
        Model::Rust => Target {
            lowering: Lowering::Table,
            ..target
        },
        Model::Csharp => target,
    };
    let mut sources = std::mem::take(&mut checked.sources);
    let program = &checked.program;
    let module = lower::lower(program, target);
    let frames = FrameLayout::all(&module);
    let classes = crate::machine::layout::ClassLayout::all(program);
    let functions = FunctionLayout::all(&module);
    let state_machines = lower::listing::state_machines(&module, &sources, target.lowering);
    let generated = match codegen::generate(&module, &sources, target) {
        Ok(asm) => asm,
        Err(diagnostics) => return finish(sources, diagnostics, |_| unreachable!()),
    };
    match link::build(generated, &mut sources) {
        Ok((asm, image)) => Ok(Compiled {
            sources,
            asm,
            image,
            frames,
            classes,
            functions,
            state_machines,
        }),
        Err(diagnostics) => finish(sources, diagnostics, |_| unreachable!()),
    }
}

/// The code generator's output for a file, without the runtime (for review
/// and snapshots; `compile_file(…).asm` is the complete, assemblable program).
pub fn generated_asm(path: &Path) -> Result<String, Failure> {
    let mut checked = check_file(path)?;
    on_big_stack(|| {
        let module = lower::lower(&checked.program, Target::default());
        match codegen::generate(&module, &checked.sources, Target::default()) {
            Ok(asm) => Ok(asm.to_nasm()),
            Err(diagnostics) => {
                let sources = std::mem::take(&mut checked.sources);
                finish(sources, diagnostics, |_| {
                    unreachable!("there are diagnostics")
                })
            }
        }
    })
}

/// The async methods' state machines of a file, as text (`dot`: Graphviz).
pub fn state_machines(path: &Path, dot: bool, target: Target) -> Result<String, Failure> {
    let checked = check_file(path)?;
    on_big_stack(|| {
        let lowering = target.lowering;
        let module = lower::lower(&checked.program, target);
        Ok(if dot {
            lower::listing::dot(&module, &checked.sources)
        } else {
            lower::listing::state_machines(&module, &checked.sources, lowering)
        })
    })
}

/// The front end after parsing: the system library joined, generic classes
/// instantiated, the program checked (with everything any step reported).
pub fn check_program(
    sources: &mut Sources,
    program: &mut ast::Program,
) -> (typed::Program, Vec<Diagnostic>) {
    parse::add_system_library(sources, program);
    let (mut generics, mut diagnostics) = generic::instantiate(program);
    // Each round makes the generic method instances the last one inferred
    // (an instance's body may call others), then checks again.
    let mut round = 0;
    let mut calls = Vec::new();
    loop {
        let (typed, check_diagnostics, requests) = check::check_with_instances(program, round);
        if requests.is_empty() || round == check::MAX_GENERIC_ROUNDS {
            diagnostics.extend(check_diagnostics);
            explain_library_errors(sources, program, &calls, &mut diagnostics);
            return (typed, diagnostics);
        }
        calls.extend(requests.iter().map(|r| r.call));
        diagnostics.extend(generics.add_methods(program, requests));
        round += 1;
    }
}

/// An error inside the system library comes from the types the program
/// gave a generic method or class of it (`Array.Sort(people)` of a class
/// with no order): says so, and where the program's own calls of generic
/// methods are, so the student looks there.
fn explain_library_errors(
    sources: &Sources,
    program: &ast::Program,
    calls: &[crate::source::Span],
    diagnostics: &mut [Diagnostic],
) {
    let own: Vec<String> = calls
        .iter()
        .filter(|c| !program.is_system(c.file))
        .map(|&c| sources.location(c))
        .take(3)
        .collect();
    for d in diagnostics
        .iter_mut()
        .filter(|d| program.is_system(d.span.file))
    {
        let mut note =
            "this is flux-viz's library code, checked for the types the program gives it"
                .to_string();
        if !own.is_empty() {
            note.push_str(&format!(
                "; the program's calls of library generic methods: {}",
                own.join(", ")
            ));
        }
        d.notes.push(note);
    }
}

/// Checks even when parsing reported errors (e.g. unsupported constructs
/// replaced by error nodes), so one run reports everything it can.
fn check_parsed(
    mut sources: Sources,
    mut program: ast::Program,
    mut diagnostics: Vec<Diagnostic>,
) -> Result<Checked, Failure> {
    // A syntax error leaves the file's items out: checking the rest would
    // only report what is missing ("no entry point") as if it were wrong.
    if diagnostics.iter().any(parse::is_syntax_error) {
        return finish(sources, diagnostics, |_| {
            unreachable!("there are diagnostics")
        });
    }
    let (typed, check_diagnostics) = check_program(&mut sources, &mut program);
    diagnostics.extend(check_diagnostics);
    if diagnostics.is_empty() {
        diagnostics.extend(check::leftover_error(&typed));
    }
    finish(sources, diagnostics, |sources| Checked {
        sources,
        program: typed,
    })
}

fn finish<T>(
    sources: Sources,
    mut diagnostics: Vec<Diagnostic>,
    ok: impl FnOnce(Sources) -> T,
) -> Result<T, Failure> {
    if diagnostics.is_empty() {
        Ok(ok(sources))
    } else {
        crate::diag::sort(&mut diagnostics);
        Err(Failure::Diagnostics {
            sources,
            diagnostics,
        })
    }
}
