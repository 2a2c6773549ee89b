//! `flux-viz compare FILE`: one program under each lowering, measured.
//!
//! In: a Flux# file and a schedule. Out: for each lowering (`table`,
//! `direct`, `stackful`), per async method and for the whole program, the figures that
//! answer "what does a state machine transition cost?" — as a text table or
//! JSON. Every figure is exact: counted from the run's events (their
//! instruction counts) or from the image's source map (each instruction's
//! bytes and role), never from reading the assembly text.
//!
//! The await-and-resume cycle of a frame is the machinery around its
//! suspension, in three stretches the events delimit: from the state store
//! to the suspension (registering as an awaiter, or `Task.Yield()`'s
//! enqueue), from the suspension back to the event loop's next poll (the
//! epilogue and the loop's iteration: only when the loop ran the method,
//! and nothing else happened between), and from the continuation call to
//! the state's code (the prologue, the dispatch). The body's own work is
//! not in it. A stackful task stores no state: its first stretch is from
//! `Task.Yield()`'s enqueue of its own frame to the switch (other awaits
//! register as awaiters with no event to start from: "-"), the second the
//! switch and the way back to the loop, the third the switch back in.
//! Under Rust's model (`--model rust`) a future's state store comes before
//! it polls its child, and its Pending after the child's: one method's
//! stretches would hold its children's work, so `compare` gives none there
//! (benches/async_cycle.rs counts Rust's cycle over a whole run) and keeps
//! the code, frame and run figures.
//!
//! The one figure that is not exact is the native time: the program's own
//! ELF, run natively, best of [`NATIVE_RUNS`], less an empty program's run
//! (process start-up), per resume of the whole run — given only where that
//! difference is at least [`MIN_TIMED`] long enough to stand out of the
//! start-up's noise, and the emulated run ended by itself.

use crate::asm::Role;
use crate::machine::{End, EventKind, KindSet, Machine, Options, Stop, SLICE};
use crate::pipeline::{self, Failure, Lowering, Model, Target};
use crate::runtime_layout::{FIBER_STACK, RECORD_ROOM};
use serde::Serialize;
use std::collections::HashMap;
use std::path::Path;
use std::time::{Duration, Instant};

/// How many times each native run is made (the best one counts).
pub const NATIVE_RUNS: usize = 5;
/// The least time a program must take beyond start-up for a native figure.
pub const MIN_TIMED: Duration = Duration::from_millis(2);
/// A native run that takes longer is not timed.
const NATIVE_TIMEOUT: Duration = Duration::from_secs(10);

/// What `compare` measures, in its order: C#'s model under each lowering,
/// then Rust's (lazy futures, polled: its own lowering, a state table).
pub const VARIANTS: [(Lowering, Model); 4] = [
    (Lowering::Table, Model::Csharp),
    (Lowering::Direct, Model::Csharp),
    (Lowering::Stackful, Model::Csharp),
    (Lowering::Table, Model::Rust),
];

/// One async method under one lowering.
#[derive(Debug, Clone, Serialize)]
pub struct MethodFigures {
    pub method: String,
    /// Its await points (its states beyond 0).
    pub awaits: usize,
    /// Resumes measured in the run (continuation calls that reached the
    /// state's code).
    pub resumes: usize,
    /// Instructions of machinery per await-and-resume cycle (see the module
    /// comment); `None` when the run suspended it nowhere measurable.
    pub cycle: Option<f64>,
    /// The three stretches of it: state store → suspension, suspension →
    /// the loop's next poll, continuation call → the state's code.
    pub to_suspend: Option<f64>,
    pub to_loop: Option<f64>,
    pub to_state: Option<f64>,
    /// Code bytes: the resume function, the starter, the state table.
    pub resume_bytes: u64,
    pub starter_bytes: u64,
    pub table_bytes: u64,
    /// The frame: the heap memory one suspended task of it holds (stackful:
    /// besides its stack).
    pub frame_bytes: u32,
    /// `stackful`: the bytes of its own stack each task reserves, and those
    /// in use while it is suspended (every await is in the body itself, with
    /// nothing pushed: its base record, the body's frame, the switch's
    /// pushes); 0 for the state machines, whose tasks keep no stack.
    pub stack_reserved: u64,
    pub stack_in_use: u64,
    /// Locals saved into the frame and restored from it, per await point.
    pub saved_per_await: f64,
    pub restored_per_await: f64,
    /// Callee-saved registers pushed on every resume: the resume function's
    /// (stackful: the context switch's, on each stack it leaves).
    pub pushes_per_resume: usize,
}

/// The whole program under one lowering.
#[derive(Debug, Clone, Serialize)]
pub struct LoweringFigures {
    pub lowering: &'static str,
    /// The execution model: `csharp`, or `rust` (lazy futures, polled).
    pub model: &'static str,
    /// Instructions the whole run executed.
    pub instructions: u64,
    /// Did the run end by itself (not at the instruction budget)?
    pub complete: bool,
    /// The cycle over every measured resume of every method.
    pub cycle: Option<f64>,
    /// All async code: resume functions, starters and state tables.
    pub async_code_bytes: u64,
    /// Native nanoseconds per resume of the whole run (see the module's
    /// doc), where the run is long enough to time.
    pub native_ns_per_resume: Option<f64>,
    pub methods: Vec<MethodFigures>,
}

/// Compiles and runs `path` under every variant of [`VARIANTS`], each run
/// for at most `max_insns` instructions (a program Rust's model cannot
/// compile, one with `async void`, is measured under C#'s alone).
pub fn compare(
    path: &Path,
    schedule: pipeline::Schedule,
    max_insns: u64,
) -> Result<Vec<LoweringFigures>, Failure> {
    let mut start_up = None;
    VARIANTS
        .iter()
        .filter_map(|&(lowering, model)| {
            let target = Target {
                schedule,
                lowering,
                model,
            };
            match pipeline::compile_file_with(path, target) {
                Err(_) if model == Model::Rust => None,
                compiled => Some((lowering, model, compiled)),
            }
        })
        .map(|(lowering, model, compiled)| {
            let compiled = compiled?;
            let image = compiled.image.clone();
            let mut figures = measure(compiled, lowering, max_insns).map_err(Failure::Io)?;
            if model == Model::Rust {
                figures.model = model.name();
                figures.without_stretches();
            }
            let resumes: usize = figures.methods.iter().map(|m| m.resumes).sum();
            if figures.complete && resumes > 0 {
                let empty = *start_up.get_or_insert_with(empty_program_time);
                figures.native_ns_per_resume = native_time(&image)
                    .zip(empty)
                    .map(|(run, empty)| run.saturating_sub(empty))
                    .filter(|beyond| *beyond >= MIN_TIMED)
                    .map(|beyond| beyond.as_nanos() as f64 / resumes as f64);
            }
            Ok(figures)
        })
        .collect()
}

/// The best of [`NATIVE_RUNS`] native runs of the image as flux-viz's own
/// ELF, or None where it cannot run here (or runs too long).
fn native_time(image: &crate::link::Image) -> Option<Duration> {
    use crate::verify::process;
    let dir = process::Scratch::new("compare").ok()?;
    let exe = dir.join("timed");
    crate::elf::write_file(image, &exe).ok()?;
    (0..NATIVE_RUNS)
        .map(|_| {
            let start = Instant::now();
            process::run(&mut std::process::Command::new(&exe), NATIVE_TIMEOUT).ok()?;
            Some(start.elapsed())
        })
        .collect::<Option<Vec<_>>>()?
        .into_iter()
        .min()
}

/// What an empty program's run takes: the start-up every run pays.
fn empty_program_time() -> Option<Duration> {
    let source = "class Program { static void Main() { } }\n";
    let compiled = pipeline::compile_source("empty.fs", source).ok()?;
    native_time(&compiled.image)
}

/// Sums of one stretch: (instructions, samples).
#[derive(Default, Clone, Copy)]
struct Stretch(u64, usize);

impl Stretch {
    fn add(&mut self, n: u64) {
        self.0 += n;
        self.1 += 1;
    }
    fn mean(self) -> Option<f64> {
        (self.1 > 0).then(|| self.0 as f64 / self.1 as f64)
    }
}

#[derive(Default, Clone, Copy)]
struct Stretches {
    to_suspend: Stretch,
    to_loop: Stretch,
    to_state: Stretch,
}

fn measure(
    compiled: pipeline::Compiled,
    lowering: Lowering,
    max_insns: u64,
) -> Result<LoweringFigures, String> {
    let statics = static_figures(&compiled, lowering);
    let options = Options {
        max_insns,
        checkpoint_interval: Options::FORWARD_ONLY,
    };
    let mut machine = Machine::with_options(compiled, options)?;
    let mut by_method: HashMap<String, Stretches> = HashMap::new();
    // Per frame (promise address): where its last state store was, whether
    // the loop's poll ran it, and where its last continuation call was.
    let mut stored: HashMap<u64, u64> = HashMap::new();
    let mut polled: HashMap<u64, bool> = HashMap::new();
    let mut called: HashMap<u64, u64> = HashMap::new();
    // A suspension the loop may poll next: (method, icount, frame).
    let mut returning: Option<(String, u64, u64)> = None;
    // The last event, when it was a frame joining the ready queue: a
    // stackful `Task.Yield()` queues itself right before it switches.
    let mut woke: Option<(u64, u64)> = None;
    let (instructions, complete) = loop {
        let stop = machine.run_for(SLICE)?;
        for e in machine.take_events(KindSet::RECORDED) {
            let woke_just_now = woke.take();
            let Some(p) = &e.promise else {
                if !matches!(e.kind, EventKind::Save | EventKind::Restore) {
                    returning = None;
                }
                continue;
            };
            let owner = p.owner.clone();
            match e.kind {
                EventKind::State => {
                    stored.insert(p.addr, e.icount);
                }
                EventKind::Suspend => {
                    let stretches = by_method.entry(owner.clone()).or_default();
                    if let Some(at) = stored.remove(&p.addr) {
                        stretches.to_suspend.add(e.icount - at);
                    }
                    if lowering == Lowering::Stackful {
                        if let Some((_, at)) = woke_just_now.filter(|(addr, _)| *addr == p.addr) {
                            stretches.to_suspend.add(e.icount - at);
                        }
                    }
                    returning = polled
                        .get(&p.addr)
                        .copied()
                        .unwrap_or(false)
                        .then_some((owner, e.icount, p.addr));
                    continue;
                }
                // Task.Yield suspends by a tail call to rt_enqueue: the frame
                // joining the queue is still its way back to the loop.
                EventKind::Wake if returning.as_ref().is_some_and(|r| r.2 == p.addr) => continue,
                EventKind::Wake => {
                    woke = Some((p.addr, e.icount));
                }
                EventKind::Poll | EventKind::Resume => {
                    if let (EventKind::Poll, Some((method, at, _))) = (e.kind, returning.take()) {
                        by_method
                            .entry(method)
                            .or_default()
                            .to_loop
                            .add(e.icount - at);
                    }
                    polled.insert(p.addr, e.kind == EventKind::Poll);
                    called.insert(p.addr, e.icount);
                }
                EventKind::Jump => {
                    if let Some(at) = called.remove(&p.addr) {
                        by_method
                            .entry(owner)
                            .or_default()
                            .to_state
                            .add(e.icount - at);
                    }
                }
                EventKind::Save | EventKind::Restore => continue,
                _ => {}
            }
            returning = None;
        }
        if let Stop::End(end) = stop {
            break (machine.icount(), !matches!(end, End::Budget));
        }
    };
    let mut total = Stretches::default();
    let methods: Vec<MethodFigures> = statics
        .into_iter()
        .map(|mut m| {
            let s = by_method.get(&m.method).copied().unwrap_or_default();
            for (sum, part) in [
                (&mut total.to_suspend, s.to_suspend),
                (&mut total.to_loop, s.to_loop),
                (&mut total.to_state, s.to_state),
            ] {
                sum.0 += part.0;
                sum.1 += part.1;
            }
            m.resumes = s.to_state.1;
            m.to_suspend = s.to_suspend.mean();
            m.to_loop = s.to_loop.mean();
            m.to_state = s.to_state.mean();
            m.cycle = cycle(s);
            m
        })
        .collect();
    Ok(LoweringFigures {
        lowering: lowering.name(),
        model: Model::Csharp.name(),
        instructions,
        complete,
        cycle: cycle(total),
        native_ns_per_resume: None,
        async_code_bytes: methods
            .iter()
            .map(|m| m.resume_bytes + m.starter_bytes + m.table_bytes)
            .sum(),
        methods,
    })
}

impl LoweringFigures {
    /// No cycle figures (see the module's doc on Rust's model).
    fn without_stretches(&mut self) {
        self.cycle = None;
        for m in &mut self.methods {
            (m.cycle, m.to_suspend, m.to_loop, m.to_state) = (None, None, None, None);
        }
    }
}

/// The three stretches' means, added up (all three must have been seen).
fn cycle(s: Stretches) -> Option<f64> {
    Some(s.to_suspend.mean()? + s.to_loop.mean()? + s.to_state.mean()?)
}

/// What the image says of each async method: bytes, frame, saves.
fn static_figures(compiled: &pipeline::Compiled, lowering: Lowering) -> Vec<MethodFigures> {
    compiled
        .frames
        .iter()
        .map(|frame| {
            let entries = |function: &str| -> Vec<&crate::link::MapEntry> {
                compiled
                    .image
                    .map
                    .iter()
                    .filter(|e| &*e.origin.function == function)
                    .collect()
            };
            let bytes = |function: &str| -> u64 {
                entries(function).iter().map(|e| u64::from(e.len)).sum()
            };
            let roles = |pick: fn(&Role) -> bool| {
                entries(&frame.resume)
                    .iter()
                    .filter(|e| e.origin.role.as_ref().is_some_and(pick))
                    .count()
            };
            let awaits = frame.states.len();
            let per_await = |n: usize| n as f64 / awaits.max(1) as f64;
            let stackful = lowering == Lowering::Stackful;
            let body = compiled.functions.iter().find(|f| f.label == frame.resume);
            MethodFigures {
                method: frame.method.clone(),
                awaits,
                resumes: 0,
                cycle: None,
                to_suspend: None,
                to_loop: None,
                to_state: None,
                resume_bytes: bytes(&frame.resume),
                starter_bytes: bytes(&frame.method),
                table_bytes: match lowering {
                    Lowering::Table => 8 * (awaits as u64 + 1),
                    Lowering::Direct | Lowering::Stackful => 0,
                },
                frame_bytes: frame.size,
                stack_reserved: if stackful { FIBER_STACK as u64 } else { 0 },
                stack_in_use: match body {
                    Some(body) if stackful => stack_in_use(body),
                    _ => 0,
                },
                saved_per_await: per_await(roles(|r| matches!(r, Role::SaveToFrame { .. }))),
                restored_per_await: per_await(roles(|r| {
                    matches!(r, Role::RestoreFromFrame { .. })
                })),
                pushes_per_resume: if stackful {
                    switch_pushes(compiled)
                } else {
                    roles(|r| matches!(r, Role::SaveCallee(_)))
                },
            }
        })
        .collect()
}

/// The bytes of its own stack a stackful task of `body` holds while it is
/// suspended: its base record at the top (rt_fiber_entry), the return
/// address into rt_fiber_entry, the body's frame (rbp, its saves, its
/// slots), the return address of `call rt_fiber_switch` and the switch's
/// pushes. An await is always in the body, with nothing else pushed.
fn stack_in_use(body: &crate::machine::layout::FunctionLayout) -> u64 {
    let frame =
        8 * (u64::from(body.frame_pointer) + u64::from(body.saved)) + u64::from(body.stack_size);
    RECORD_ROOM as u64 + 8 + frame + 8 + crate::machine::sites::SWITCH_PUSHES
}

/// The registers rt_fiber_switch pushes on the stack it leaves (and pops
/// from the one it goes to), counted in the image.
fn switch_pushes(compiled: &pipeline::Compiled) -> usize {
    let image = &compiled.image;
    image
        .map
        .iter()
        .filter(|e| &*e.origin.function == crate::codegen::runtime::FIBER_SWITCH)
        .filter(|e| {
            let insn = iced_x86::Decoder::with_ip(
                64,
                image.insn_bytes(e),
                e.addr,
                iced_x86::DecoderOptions::NONE,
            )
            .decode();
            insn.mnemonic() == iced_x86::Mnemonic::Push
        })
        .count()
}

/// The figures as the table `flux-viz compare` prints.
pub fn render(path: &Path, schedule: pipeline::Schedule, figures: &[LoweringFigures]) -> String {
    use std::fmt::Write;
    let mut out = format!(
        "flux-viz compare {} (schedule {}): exact counts\n\
         cycle = instructions of machinery per await-and-resume cycle: state store → suspend → the loop's next poll, and continuation call → the state's code\n\n",
        path.display(),
        schedule.name()
    );
    let _ = writeln!(
        out,
        "{:<8} {:<28} {:>7} {:>7} {:>8} {:>6} {:>6} {:>7} {:>7} {:>6} {:>6} {:>6} {:>11} {:>6} {:>6}",
        "lowering",
        "method",
        "awaits",
        "resumes",
        "cycle",
        "→susp",
        "→loop",
        "→state",
        "resume",
        "start",
        "table",
        "frame",
        "stack",
        "saved",
        "pushes"
    );
    let _ = writeln!(
        out,
        "{:<8} {:<28} {:>7} {:>7} {:>8} {:>6} {:>6} {:>7} {:>7} {:>6} {:>6} {:>6} {:>11} {:>6} {:>6}",
        "",
        "",
        "",
        "",
        "insns",
        "insns",
        "insns",
        "insns",
        "bytes",
        "bytes",
        "bytes",
        "bytes",
        "used/rsvd",
        "/await",
        "/resum"
    );
    for f in figures {
        for m in &f.methods {
            let _ = writeln!(
                out,
                "{:<8} {:<28} {:>7} {:>7} {:>8} {:>6} {:>6} {:>7} {:>7} {:>6} {:>6} {:>6} {:>11} {:>6.1} {:>6}",
                variant(f),
                m.method,
                m.awaits,
                m.resumes,
                number(m.cycle),
                number(m.to_suspend),
                number(m.to_loop),
                number(m.to_state),
                m.resume_bytes,
                m.starter_bytes,
                m.table_bytes,
                m.frame_bytes,
                stack_words(m),
                m.saved_per_await,
                m.pushes_per_resume
            );
        }
        let _ = writeln!(
            out,
            "{:<8} {:<28} {:>7} {:>7} {:>8}   the whole run: {} instructions{}, {} bytes of async code; {}\n",
            variant(f),
            "(whole program)",
            f.methods.iter().map(|m| m.awaits).sum::<usize>(),
            f.methods.iter().map(|m| m.resumes).sum::<usize>(),
            number(f.cycle),
            f.instructions,
            budget_note(f),
            f.async_code_bytes,
            native_words(f)
        );
    }
    out
}

/// `used/reserved` bytes of a stackful task's own stack, `-` for none.
fn stack_words(m: &MethodFigures) -> String {
    match m.stack_reserved {
        0 => "-".to_string(),
        reserved => format!("{}/{reserved}", m.stack_in_use),
    }
}

/// The variant's short name in the table's first column (`rust`: the
/// Rust model, whose futures have a state table).
fn variant(f: &LoweringFigures) -> &'static str {
    match f.model {
        "rust" => "rust",
        _ => f.lowering,
    }
}

/// The variant as the options that make it.
fn variant_options(f: &LoweringFigures) -> String {
    match f.model {
        "rust" => "--model rust".to_string(),
        _ => format!("--lowering {}", f.lowering),
    }
}

/// The native figure in words.
fn native_words(f: &LoweringFigures) -> String {
    match f.native_ns_per_resume {
        Some(ns) => format!("native {ns:.1} ns per resume (whole run less start-up)"),
        None => "native: too short to time".to_string(),
    }
}

/// A mean to one decimal, or `-` where nothing was measured.
fn number(v: Option<f64>) -> String {
    v.map_or("-".to_string(), |v| format!("{v:.1}"))
}

fn budget_note(f: &LoweringFigures) -> &'static str {
    match f.complete {
        true => "",
        false => " (stopped at the budget: the figures are of that much)",
    }
}

/// The figures in lines of at most ~90 columns (the UI's `C` overlay).
pub fn render_short(figures: &[LoweringFigures]) -> Vec<String> {
    let mut lines = vec![
        "cycle: instructions of machinery per await-and-resume cycle =".to_string(),
        "  state store → suspend + suspend → the loop's next poll + continuation call → state code"
            .to_string(),
        String::new(),
    ];
    for f in figures {
        lines.push(format!(
            "{}: cycle {} · {} instructions{} · {} bytes of async code",
            variant_options(f),
            number(f.cycle),
            f.instructions,
            budget_note(f),
            f.async_code_bytes
        ));
        lines.push(format!("  {}", native_words(f)));
        for m in &f.methods {
            lines.push(format!(
                "  {:<26} cycle {} = {} + {} + {} · {} resumes",
                m.method,
                number(m.cycle),
                number(m.to_suspend),
                number(m.to_loop),
                number(m.to_state),
                m.resumes
            ));
            let stack = match m.stack_reserved {
                0 => String::new(),
                reserved => format!(" · stack {} of {reserved} B", m.stack_in_use),
            };
            lines.push(format!(
                "  {:<26} code {} + {} B · table {} B · frame {} B{stack} · {:.1} saved/await · {} pushed/resume",
                "",
                m.resume_bytes,
                m.starter_bytes,
                m.table_bytes,
                m.frame_bytes,
                m.saved_per_await,
                m.pushes_per_resume
            ));
        }
        lines.push(String::new());
    }
    lines
}
