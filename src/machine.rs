//! The stepping engine: run a compiled program forwards and backwards, one
//! instruction, one source line or one event at a time, and look inside.
//!
//! In: a [`Compiled`] program. Out: a [`Machine`] whose every action is
//! deterministic (the same program and actions give the same events and
//! values), with [`Event`]s explained in plain words and live inspection.
//! Nothing here needs a terminal: the UI and `flux-viz trace` are clients.
//!
//! API summary (see docs/machine.md for examples):
//!
//! ```text
//! Machine::new(compiled) / with_options(compiled, Options { max_insns, checkpoint_interval })
//! forward:  step() · step_line(Over|Into) · run_to(KindSet) · run_to_end()
//! back:     step_back() · back_to(KindSet) · back_line() · restart() · goto(icount)
//!           (each returns a Stop: Event(e) | Breakpoint(addr) | Line | Step | End(End) | Start)
//! stops:    add_breakpoint(Breakpoint::{Addr, Line{file,line}, State{method,state}}) · remove_breakpoint
//! where:    icount() · pc() · ended() · current_line() · last_event()
//! events:   events() (all recorded up to the furthest point reached) · events_before(n)
//! inspect:  registers() · stack() · frames() · promises() · ready_queue() · timers()
//!           · now() · stdout() · stderr() · state_hash() · history_bytes()
//! ```
//!
//! How it works: [`engine`] runs Unicorn with a block hook that counts
//! instructions exactly and code hooks only on the [`sites`] where events
//! happen; [`history`] keeps checkpoints (CPU context + the pages written
//! since the previous one) every `checkpoint_interval` instructions, and going
//! back restores the nearest checkpoint and replays forward to the exact count.

pub mod engine;
pub mod events;
pub mod history;
pub mod inspect;
pub mod layout;
pub mod sites;
pub mod trace;
pub mod written;

pub use events::{Event, EventKind, KindSet, PromiseRef, RegTransfer};
pub use inspect::{FrameView, PromiseView, Register, StackSlot, TimerView, Value};

use crate::link::Image;
use crate::pipeline::Compiled;
use crate::source::{FileId, Sources};
use engine::{Engine, Halt, LineGoal, Record, What};
use history::{History, Marks};
use layout::FrameLayout;
use sites::{Made, SiteKind, Sites};
use std::collections::HashMap;
use std::sync::Arc;
use unicorn_engine::RegisterX86;

/// What the machine knows about the program, fixed at load.
/// Which registers the last motion changed (see [`Machine::change_marks`]).
#[derive(Debug, Clone)]
pub struct ChangeMarks(Vec<u64>, Vec<bool>);

pub struct Program {
    pub image: Image,
    pub sources: Sources,
    pub frames: Vec<FrameLayout>,
    /// Where each method's layout is in `frames`, by method name.
    frame_index: HashMap<String, usize>,
    /// Every function's locals, by label.
    pub functions: HashMap<String, layout::FunctionLayout>,
    /// Every class's object layout, by its Flux# name.
    pub classes: HashMap<String, layout::ClassLayout>,
    pub sites: Arc<Sites>,
    /// Some function computes with doubles in xmm0/xmm1 ([`layout::FunctionLayout::uses_sse`]).
    pub uses_sse: bool,
}

impl Program {
    /// The layout of an async method by its name (`Program.Twice`).
    pub fn frame(&self, method: &str) -> Option<&FrameLayout> {
        self.frame_index.get(method).map(|&i| &self.frames[i])
    }

    /// The continuation the event loop calls for a promise's owner.
    fn continuation_name(&self, promise: &PromiseRef) -> String {
        match self.frame(&promise.owner) {
            Some(f) if f.stackful => format!(
                "{} (which switches to the task's own stack, where {} stopped)",
                crate::codegen::runtime::FIBER_RESUME,
                f.resume
            ),
            Some(f) => f.resume.clone(),
            None => "its continuation".to_string(),
        }
    }

    /// `" with result 42"` for a `Task<int>`, nothing for a `Task`.
    /// ` with result …` for a `Task<T>`'s result (`format` states pointers).
    fn result_text(
        &self,
        promise: &PromiseRef,
        value: u64,
        format: &dyn Fn(u64) -> String,
    ) -> String {
        match self.frame(&promise.owner).and_then(|f| f.result.as_ref()) {
            Some(layout::ValueKind::Int) => format!(" with result {}", value as i32),
            Some(layout::ValueKind::Long) => format!(" with result {}", value as i64),
            Some(layout::ValueKind::Double) => {
                format!(
                    " with result {}",
                    inspect::dotnet_double(f64::from_bits(value))
                )
            }
            Some(layout::ValueKind::Bool) => format!(" with result {}", value != 0),
            Some(_) => format!(" with result {}", format(value)),
            None => String::new(),
        }
    }
}

/// The runtime's arrays that fill from one end (see `history`): the ready
/// queue ring and the timer heap fill upward from their start, the stack
/// downward from its top.
fn filling_arrays(sites: &Sites) -> Vec<(u64, bool)> {
    [
        ("rt_queue", false),
        ("rt_timer_heap", false),
        ("rt_stack_top", true),
    ]
    .iter()
    .filter_map(|(name, down)| Some((sites.symbol(name)?, *down)))
    .collect()
}

/// Machine options.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Options {
    /// The instruction budget (as `flux-viz run --max-insns`).
    pub max_insns: u64,
    /// Instructions between checkpoints: the most a step back replays.
    pub checkpoint_interval: u64,
}

impl Options {
    /// The checkpoint interval of a machine that never steps back.
    pub const FORWARD_ONLY: u64 = u64::MAX;
}

impl Default for Options {
    fn default() -> Options {
        Options {
            max_insns: crate::emulate::DEFAULT_MAX_INSNS,
            checkpoint_interval: 4_000_000,
        }
    }
}

/// How a run ended.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum End {
    /// The program exited with this code.
    Exit(i32),
    /// The instruction budget is used up.
    Budget,
    /// The CPU faulted (reason), or made an unsupported system call.
    Fault(String),
}

/// Why a forward or backward motion stopped.
#[derive(Debug, Clone, PartialEq)]
pub enum Stop {
    /// At an event of a wanted kind (the machine is before its instruction).
    Event(Box<Event>),
    /// At a breakpoint.
    Breakpoint(u64),
    /// At the first instruction of a source line.
    Line,
    /// After the requested number of instructions.
    Step,
    /// At the end of the run.
    End(End),
    /// At the start (nothing before).
    Start,
}

/// Where to stop.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Breakpoint {
    /// Before the instruction at this address.
    Addr(u64),
    /// At the start of a source line (every place the line begins).
    Line { file: FileId, line: usize },
    /// When state `state` of async method `method` (e.g. `Program.Twice`) is entered.
    State { method: String, state: u32 },
}

/// Step over calls, or into them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LineStep {
    /// To the next line of this function (or its caller, once it returns).
    Over,
    /// To the next line executed, into calls.
    Into,
    /// Until this function returns: the caller's line (gdb's `finish`).
    Out,
}

/// A program loaded into the emulator, with its history.
pub struct Machine {
    program: Arc<Program>,
    engine: Engine,
    history: History,
    options: Options,
    icount: u64,
    /// The end of the run, once reached: (instruction count, how).
    end: Option<(u64, End)>,
    breakpoints: Vec<(Breakpoint, Vec<u64>)>,
    /// Promise address → index into the engine's `created`.
    promise_index: HashMap<u64, usize>,
    /// The indices in `created` of the promises that are async frames.
    frame_promises: Vec<usize>,
    previous: Vec<u64>,
    changed: Vec<bool>,
    /// The instruction limit of a sliced motion under way ([`Machine::start`]).
    pending: Option<u64>,
    /// Each async frame's call as [`Machine::call_of`] writes it, once its
    /// arguments are known (they never change: frames are never reused).
    calls: std::cell::RefCell<HashMap<u64, String>>,
}

/// Instructions per slice of a long motion: some 10 ms of the engine.
pub const SLICE: u64 = 1_000_000;

/// A forward motion that may take long (run in slices by [`Machine::start`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Forward {
    /// To the next event of these kinds (as [`Machine::run_to`]).
    ToEvent(KindSet),
    /// To the next source line (as [`Machine::step_line`]).
    Line(LineStep),
    /// To a breakpoint or the end (as [`Machine::run_to_end`]).
    ToEnd,
    /// To the moment this many instructions have run (as [`Machine::goto`]).
    To(u64),
}

/// How a sliced motion stands.
#[derive(Debug, Clone, PartialEq)]
pub enum Progress {
    /// Finished: where it stopped.
    Done(Stop),
    /// Not yet: call [`Machine::proceed`] again.
    Running,
}

impl Machine {
    /// Loads a compiled program, ready at its first instruction.
    pub fn new(compiled: Compiled) -> Result<Machine, String> {
        Machine::with_options(compiled, Options::default())
    }

    pub fn with_options(compiled: Compiled, options: Options) -> Result<Machine, String> {
        let sites = Arc::new(Sites::find(
            &compiled.image,
            &compiled.frames,
            &compiled.sources,
        ));
        let mut engine = Engine::new(&compiled.image, sites.clone())?;
        let mut history = History::new(
            &engine,
            options.checkpoint_interval.max(1),
            sites.symbol("rt_heap_ptr"),
            filling_arrays(&sites),
            |addr| {
                let regions = &compiled.image.regions;
                regions
                    .iter()
                    .find(|r| r.addr == addr)
                    .map_or(0, |r| r.bytes.len())
            },
        )?;
        // A machine that only goes forward (`trace`) takes no checkpoints.
        if options.checkpoint_interval != Options::FORWARD_ONLY {
            history.track_writes(&mut engine);
        }
        let uses_sse = compiled.functions.iter().any(|f| f.uses_sse);
        let program = Arc::new(Program {
            uses_sse,
            image: compiled.image,
            sources: compiled.sources,
            frame_index: (compiled.frames.iter().enumerate())
                .map(|(i, f)| (f.method.clone(), i))
                .collect(),
            frames: compiled.frames,
            classes: compiled
                .classes
                .into_iter()
                .map(|c| (c.name.clone(), c))
                .collect(),
            functions: compiled
                .functions
                .into_iter()
                .map(|f| (f.label.clone(), f))
                .collect(),
            sites,
        });
        let mut machine = Machine {
            program,
            engine,
            history,
            options,
            icount: 0,
            end: None,
            breakpoints: Vec::new(),
            promise_index: HashMap::new(),
            previous: Vec::new(),
            changed: Vec::new(),
            pending: None,
            calls: Default::default(),
            frame_promises: Vec::new(),
        };
        machine.previous = machine.register_values();
        machine.changed = vec![false; machine.previous.len()];
        Ok(machine)
    }

    /// The program: image, sources, frame layouts, sites.
    pub fn program(&self) -> &Program {
        &self.program
    }

    /// Instructions executed so far.
    pub fn icount(&self) -> u64 {
        self.icount
    }

    /// The address of the next instruction.
    pub fn pc(&self) -> u64 {
        self.engine.pc()
    }

    /// How the run ended, when the machine stands at its end.
    pub fn ended(&self) -> Option<&End> {
        self.end
            .as_ref()
            .filter(|(at, _)| *at == self.icount)
            .map(|(_, e)| e)
    }

    /// The Flux# file and line of the next instruction.
    pub fn current_line(&self) -> Option<(FileId, usize)> {
        self.program.sites.line_at(self.pc())
    }

    // ----- forward -------------------------------------------------------

    /// Executes one instruction.
    pub fn step(&mut self) -> Result<Stop, String> {
        self.motion(|m| m.advance(m.icount + 1, KindSet::default(), None))
    }

    /// Runs to the first instruction of the next source line.
    pub fn step_line(&mut self, how: LineStep) -> Result<Stop, String> {
        // Outside Flux# code (the runtime, `_start`) there is no line to step over.
        let goal = self.line_goal(how);
        self.motion(|m| m.advance(u64::MAX, KindSet::default(), Some(goal)))
    }

    /// Runs to the next event of one of `kinds` (or a breakpoint, or the end).
    /// `insn` stops after one instruction; `line` at the next source line.
    pub fn run_to(&mut self, kinds: KindSet) -> Result<Stop, String> {
        if kinds.contains(EventKind::Insn) {
            return self.step();
        }
        let line = kinds.contains(EventKind::Line).then_some(LineGoal::Into);
        self.motion(|m| m.advance(u64::MAX, kinds.recorded(), line))
    }

    /// Runs at most `n` instructions further, stopping at no event (they
    /// are recorded all the same), at a breakpoint or at the end.
    pub fn run_for(&mut self, n: u64) -> Result<Stop, String> {
        let limit = self.icount.saturating_add(n);
        self.motion(|m| m.advance(limit, KindSet::default(), None))
    }

    /// Runs to a breakpoint or the end.
    pub fn run_to_end(&mut self) -> Result<Stop, String> {
        self.motion(|m| m.advance(u64::MAX, KindSet::default(), None))
    }

    // ----- long motions, in slices -----------------------------------------

    /// Starts a forward motion that may take long; runs its first slice of
    /// at most [`SLICE`] instructions. Call [`Machine::proceed`] while it
    /// answers [`Progress::Running`]; between slices the machine stands at a
    /// real instruction, so stopping there (any key, in the UI) is a normal
    /// position the student can step back from.
    pub fn start(&mut self, motion: Forward) -> Result<Progress, String> {
        self.pending = None;
        if let Forward::To(target) = motion {
            // Going back is possible from anywhere, the end included.
            if target <= self.icount {
                return self.goto(target).map(Progress::Done);
            }
        }
        if let Some(end) = self.ended() {
            return Ok(Progress::Done(Stop::End(end.clone())));
        }
        let (limit, kinds, line) = match motion {
            Forward::ToEvent(kinds) if kinds.contains(EventKind::Insn) => {
                return self.step().map(Progress::Done)
            }
            Forward::ToEvent(kinds) => (
                u64::MAX,
                kinds.recorded(),
                kinds.contains(EventKind::Line).then_some(LineGoal::Into),
            ),
            Forward::Line(how) => (u64::MAX, KindSet::default(), Some(self.line_goal(how))),
            Forward::ToEnd => (u64::MAX, KindSet::default(), None),
            Forward::To(target) if target <= self.icount => {
                return self.goto(target).map(Progress::Done)
            }
            Forward::To(target) => {
                self.jump_near(target)?;
                (target, KindSet::default(), None)
            }
        };
        self.prepare(kinds, line)?;
        self.pending = Some(limit);
        self.proceed()
    }

    /// Runs the next slice of the motion [`Machine::start`] began.
    pub fn proceed(&mut self) -> Result<Progress, String> {
        let Some(limit) = self.pending else {
            return Ok(Progress::Done(Stop::Step));
        };
        let slice_end = limit.min(self.icount.saturating_add(SLICE));
        let stop = self.motion(|m| m.run_until(slice_end))?;
        if stop == Stop::Step && self.icount < limit {
            return Ok(Progress::Running);
        }
        self.pending = None;
        Ok(Progress::Done(stop))
    }

    /// Is a sliced motion under way?
    pub fn in_progress(&self) -> bool {
        self.pending.is_some()
    }

    /// Abandons a sliced motion where it stands.
    pub fn interrupt(&mut self) {
        self.pending = None;
    }

    /// The goal of a line step from here (see [`Machine::step_line`]):
    /// over calls by frame identity, as gdb's `next`; from runtime code
    /// (no Flux# line) to the first statement of a function body.
    fn line_goal(&self, how: LineStep) -> LineGoal {
        let sites = &self.program.sites;
        let pc = self.pc();
        let line = sites.line_of_index(pc);
        let cfa = sites.cfa_at(
            pc,
            self.engine.reg(RegisterX86::RSP),
            self.engine.reg(RegisterX86::RBP),
        );
        match (how, cfa) {
            _ if line == 0 => LineGoal::IntoBody,
            (LineStep::Over, Some(cfa)) => LineGoal::Over { cfa, line },
            (LineStep::Out, Some(cfa)) => LineGoal::Out { cfa },
            _ => LineGoal::Into,
        }
    }

    /// Restores the last checkpoint at or before `target` when that is
    /// ahead of (or behind) where the machine stands, as `travel` does.
    fn jump_near(&mut self, target: u64) -> Result<(), String> {
        let index = self.history.at_or_before(target);
        let checkpoint = self.history.marks(index).icount;
        if self.icount > target || self.icount < checkpoint {
            let marks = self.history.restore(&mut self.engine, index)?;
            self.set_marks(marks);
        }
        Ok(())
    }

    // ----- backward ------------------------------------------------------

    /// Undoes one instruction.
    pub fn step_back(&mut self) -> Result<Stop, String> {
        match self.icount.checked_sub(1) {
            Some(target) => self.motion(|m| m.travel(target).map(|_| Stop::Step)),
            None => Ok(Stop::Start),
        }
    }

    /// Goes back to the previous event of one of `kinds` (or to the start).
    pub fn back_to(&mut self, kinds: KindSet) -> Result<Stop, String> {
        if kinds.contains(EventKind::Insn) {
            return self.step_back();
        }
        let event = self.previous_record(kinds.recorded());
        let line = if kinds.contains(EventKind::Line) {
            self.previous_line_start()?
        } else {
            None
        };
        let target = event.map(|r| r.icount).max(line);
        match target {
            None => self.motion(|m| m.travel(0).map(|_| Stop::Start)),
            Some(t) if Some(t) == line && event.is_none_or(|r| r.icount < t) => {
                self.motion(|m| m.travel(t).map(|_| Stop::Line))
            }
            Some(t) => {
                let record = event.expect("an event at the target");
                self.motion(|m| m.travel(t).map(|_| Stop::Event(Box::new(m.event(&record)))))
            }
        }
    }

    /// Goes back to the start of the previous source line.
    pub fn back_line(&mut self) -> Result<Stop, String> {
        self.back_to(KindSet(EventKind::Line.bit()))
    }

    /// Back to the first instruction.
    pub fn restart(&mut self) -> Result<Stop, String> {
        self.motion(|m| m.travel(0).map(|_| Stop::Start))
    }

    /// Goes to the moment `icount` instructions have run (forward or back).
    pub fn goto(&mut self, icount: u64) -> Result<Stop, String> {
        self.motion(|m| m.travel(icount).map(|_| Stop::Step))
    }

    // ----- breakpoints ---------------------------------------------------

    /// Adds a breakpoint; returns how many addresses it covers (0: nowhere).
    pub fn add_breakpoint(&mut self, breakpoint: Breakpoint) -> Result<usize, String> {
        let addrs = self.addresses_of(&breakpoint);
        for &addr in &addrs {
            self.engine.set_break(addr, true)?;
        }
        let n = addrs.len();
        self.breakpoints.push((breakpoint, addrs));
        Ok(n)
    }

    pub fn remove_breakpoint(&mut self, breakpoint: &Breakpoint) -> Result<(), String> {
        let Some(i) = self.breakpoints.iter().position(|(b, _)| b == breakpoint) else {
            return Ok(());
        };
        let (_, addrs) = self.breakpoints.remove(i);
        for addr in addrs {
            let still = self.breakpoints.iter().any(|(_, a)| a.contains(&addr));
            if !still {
                self.engine.set_break(addr, false)?;
            }
        }
        Ok(())
    }

    pub fn breakpoints(&self) -> impl Iterator<Item = &Breakpoint> {
        self.breakpoints.iter().map(|(b, _)| b)
    }

    fn addresses_of(&self, breakpoint: &Breakpoint) -> Vec<u64> {
        let sites = &self.program.sites;
        match breakpoint {
            Breakpoint::Addr(addr) => vec![*addr],
            Breakpoint::Line { file, line } => sites.line_starts(*file, *line),
            Breakpoint::State { method, state } => {
                let body = self.program.frames.iter().find(|f| &f.method == method);
                let label =
                    body.map(|f| format!("{}{}", f.resume, crate::codegen::state_label(*state)));
                label
                    .and_then(|label| self.program.image.symbol(&label))
                    .into_iter()
                    .collect()
            }
        }
    }

    // ----- events --------------------------------------------------------

    /// Every event recorded so far (up to the furthest point ever reached).
    pub fn events(&self) -> Vec<Event> {
        self.engine
            .detector()
            .records
            .iter()
            .map(|r| self.event(r))
            .collect()
    }

    /// The events recorded so far whose kind is in `kinds`; the machine
    /// forgets every record (it can no longer list them or step back to
    /// them by event): for `trace`, which only goes forward, so that the
    /// memory for a run's events is what one slice records.
    pub fn take_events(&mut self, kinds: KindSet) -> impl Iterator<Item = Event> + '_ {
        let records = self.engine.detector_mut().take_records();
        let machine = &*self;
        records
            .into_iter()
            .filter(move |r| kinds.contains(machine.record_kind(r)))
            .map(move |r| machine.event(&r))
    }

    /// Event `i` of the run (in record order), built now.
    pub fn event_at(&self, i: usize) -> Option<Event> {
        self.records().get(i).map(|r| self.event(r))
    }

    /// The instruction count of event `i`.
    pub fn event_icount(&self, i: usize) -> Option<u64> {
        self.records().get(i).map(|r| r.icount)
    }

    /// The kind of event `i`, without building it.
    pub fn event_kind(&self, i: usize) -> Option<EventKind> {
        self.records().get(i).map(|r| self.record_kind(r))
    }

    /// The address of the promise event `i` concerns, without building it
    /// (the same as `event_at(i)?.promise?.addr`).
    pub fn event_promise(&self, i: usize) -> Option<u64> {
        let record = self.records().get(i)?;
        match record.what {
            What::Site(site) => {
                events::promise_addr(&self.program.sites.list[site as usize].kind, record)
            }
            What::Budget | What::CpuFault => None,
        }
    }

    fn records(&self) -> &[Record] {
        &self.engine.detector().records
    }

    /// How many events have been recorded so far (records are only ever
    /// appended: going back and forth does not record an event twice).
    /// Keeps the engine's code hook over every instruction (no sparse
    /// coverage, see `Engine::retune`): the events must be the same.
    pub fn pin_dense_hooks(&mut self) -> Result<(), String> {
        self.engine.pin_dense()
    }

    /// How often the engine moved its code hook between dense and sparse
    /// coverage (the first install counts as one).
    pub fn coverage_changes(&self) -> u32 {
        self.engine.coverage_changes()
    }

    pub fn event_count(&self) -> usize {
        self.engine.detector().records.len()
    }

    /// The events of records `range` whose kind is in `kinds`, built only for
    /// those: `trace --events exit` pays for one event, not for all, and a
    /// caller that keeps what it built pays for each event once.
    pub fn events_in(&self, range: std::ops::Range<usize>, kinds: KindSet) -> Vec<Event> {
        let records = &self.engine.detector().records;
        records[range.start.min(records.len())..range.end.min(records.len())]
            .iter()
            .filter(|r| kinds.contains(self.record_kind(r)))
            .map(|r| self.event(r))
            .collect()
    }

    /// How many events were recorded at or before instruction `icount`.
    pub fn events_through(&self, icount: u64) -> usize {
        self.engine
            .detector()
            .records
            .partition_point(|r| r.icount <= icount)
    }

    /// How many events were recorded before the current position.
    pub fn events_before(&self) -> usize {
        let records = &self.engine.detector().records;
        records.partition_point(|r| r.icount < self.icount)
    }

    /// The event at the current position, or the last one before it.
    pub fn last_event(&self) -> Option<Event> {
        let records = &self.engine.detector().records;
        let i = records.partition_point(|r| r.icount <= self.icount);
        i.checked_sub(1).map(|i| self.event(&records[i]))
    }

    fn event(&self, record: &Record) -> Event {
        // What an event says depends on its moment only, not on when it is
        // shown: promises and values as they were at the record.
        let promise = |addr: u64| self.promise_ref_at(addr, record.icount);
        let fault = match &self.end {
            Some((_, End::Fault(reason))) => reason.as_str(),
            _ => "",
        };
        let value = |v: u64| self.format_value_at(v, Some(record.icount));
        let cx = events::Context {
            program: &self.program,
            promise: &promise,
            value: &value,
            output: &self.engine.detector().out,
            fault,
            budget: self.options.max_insns,
        };
        events::from_record(record, &cx)
    }

    /// The promise at `addr` as it is now (it may have been created further
    /// on, in a run the student has stepped back from: then it is none yet).
    fn promise_ref(&self, addr: u64) -> Option<PromiseRef> {
        self.promise_ref_at(addr, self.icount)
    }

    /// The promise at `addr` as it was at instruction `at`.
    fn promise_ref_at(&self, addr: u64, at: u64) -> Option<PromiseRef> {
        if Some(addr) == self.program.sites.symbol("rt_completed_task") {
            return Some(PromiseRef::new(0, addr, "Task.CompletedTask".to_string()));
        }
        let i = *self.promise_index.get(&addr)?;
        let created = self.engine.detector().created[i];
        if created.icount > at {
            return None;
        }
        let made = match &self.program.sites.list[created.site as usize].kind {
            SiteKind::Create(made) => *made,
            _ => Made::Timer,
        };
        let mut promise = PromiseRef::new(i + 1, addr, events::owner_of(&self.program, made));
        if let Some(call) = self.call_of(addr, &promise.owner, at) {
            promise.call = call;
        }
        Some(promise)
    }

    /// `Brew("tea", 30)`: an async method's short name and the arguments
    /// its frame received (captured when its body first ran, by `at`).
    fn call_of(&self, frame: u64, method: &str, at: u64) -> Option<String> {
        let (seen, args) = self.engine.detector().args.get(&frame)?;
        if *seen > at {
            return None;
        }
        if let Some(call) = self.calls.borrow().get(&frame) {
            return Some(call.clone());
        }
        let layout = self.program.frame(method)?;
        let shown: Vec<String> = layout
            .params
            .iter()
            .zip(args)
            .map(|(&field, &raw)| self.render_argument(raw, &layout.fields[field].kind))
            .collect();
        let short = method.rsplit('.').next().unwrap_or(method);
        let call = format!("{short}({})", shown.join(", "));
        self.calls.borrow_mut().insert(frame, call.clone());
        Some(call)
    }

    // ----- the core ------------------------------------------------------

    /// Runs `look` (which may travel, as long as it comes back) without
    /// touching which registers the last motion changed: the Registers
    /// pane's `*` marks compare two stops the student made, not a stop and
    /// a moment the UI looked at.
    pub fn aside<R>(&mut self, look: impl FnOnce(&mut Machine) -> R) -> R {
        let kept = (self.previous.clone(), self.changed.clone());
        let result = look(self);
        (self.previous, self.changed) = kept;
        result
    }

    /// The registers' change marks, for a look ahead that must travel
    /// through the session (which indexes the events it passes) and come
    /// back as if it had not happened: [`Machine::aside`]'s rule.
    pub fn change_marks(&self) -> ChangeMarks {
        ChangeMarks(self.previous.clone(), self.changed.clone())
    }

    /// Puts back marks taken by [`Machine::change_marks`].
    pub fn restore_change_marks(&mut self, marks: ChangeMarks) {
        (self.previous, self.changed) = (marks.0, marks.1);
    }

    /// Runs an action and updates which registers it changed.
    fn motion(
        &mut self,
        action: impl FnOnce(&mut Machine) -> Result<Stop, String>,
    ) -> Result<Stop, String> {
        let stop = action(self)?;
        let now = self.register_values();
        self.changed = now
            .iter()
            .zip(&self.previous)
            .map(|(a, b)| a != b)
            .collect();
        self.previous = now;
        Ok(stop)
    }

    /// Goes to exactly `target` instructions (restoring a checkpoint when it
    /// lies behind, or too far ahead of one).
    fn travel(&mut self, target: u64) -> Result<(), String> {
        self.jump_near(target)?;
        if self.icount < target {
            self.advance(target, KindSet::default(), None)?;
        }
        Ok(())
    }

    fn set_marks(&mut self, marks: Marks) {
        self.icount = marks.icount;
        let d = self.engine.detector_mut();
        d.counted = marks.icount;
        d.out_len = marks.out_len;
    }

    fn marks(&self) -> Marks {
        Marks {
            icount: self.icount,
            out_len: self.engine.detector().out_len,
        }
    }

    /// Runs forward until `limit` instructions, an event of `kinds`, a
    /// breakpoint, a line change (with a goal), or the end.
    fn advance(
        &mut self,
        limit: u64,
        kinds: KindSet,
        line: Option<LineGoal>,
    ) -> Result<Stop, String> {
        if let Some(end) = self.ended() {
            return Ok(Stop::End(end.clone()));
        }
        self.prepare(kinds, line)?;
        self.run_until(limit)
    }

    /// Sets up the detector for a forward run toward `kinds` / `line`.
    fn prepare(&mut self, kinds: KindSet, line: Option<LineGoal>) -> Result<(), String> {
        self.engine.set_line_mode(line.is_some())?;
        let start_line = self.program.sites.line_of_index(self.pc());
        let d = self.engine.detector_mut();
        d.run_start = self.icount;
        d.stop_kinds = kinds.0;
        d.line_goal = line.unwrap_or(LineGoal::Collect);
        d.last_line = start_line;
        d.next_addr = 0;
        d.line_hits.clear();
        Ok(())
    }

    /// Runs a prepared forward run until `limit` instructions or a stop; the
    /// detector's goal is kept, so a run can go on in slices.
    fn run_until(&mut self, limit: u64) -> Result<Stop, String> {
        loop {
            self.engine.retune(self.icount)?;
            let rebase = self.history.next_after(self.icount);
            let budget = self.options.max_insns;
            let d = self.engine.detector_mut();
            d.counted = self.icount;
            d.limit = limit.min(budget).min(rebase.unwrap_or(u64::MAX));
            d.checkpoint_due = match rebase {
                Some(_) => u64::MAX,
                None => self
                    .history
                    .last_icount()
                    .saturating_add(self.history.interval),
            };
            let mut halt = self.engine.run_once(0);
            if let Halt::Partial { block } = halt {
                halt = self.engine.finish_partial(block);
            }
            if let Some(stop) = self.after_halt(halt, limit, rebase)? {
                self.sync_promises();
                return Ok(stop);
            }
        }
    }

    /// Handles one halt; `None` means: keep running.
    fn after_halt(
        &mut self,
        halt: Halt,
        limit: u64,
        rebase: Option<u64>,
    ) -> Result<Option<Stop>, String> {
        self.sync_promises();
        let d = self.engine.detector();
        match halt {
            Halt::Partial { .. } | Halt::Limit => {
                self.icount = d.limit.min(d.counted);
                if Some(self.icount) == rebase {
                    let index = self.history.at_or_before(self.icount);
                    self.history.rebase(&mut self.engine, index);
                }
                if self.icount >= self.options.max_insns {
                    return Ok(Some(self.finish(What::Budget, End::Budget)));
                }
                Ok((self.icount >= limit).then_some(Stop::Step))
            }
            Halt::Checkpoint => {
                self.icount = d.counted;
                let marks = self.marks();
                self.history.checkpoint(&mut self.engine, marks)?;
                Ok(None)
            }
            Halt::Site => {
                self.icount = d.halt_icount;
                let pc = self.pc();
                let records = &self.engine.detector().records;
                let at = records
                    .iter()
                    .rev()
                    .find(|r| r.icount == self.icount)
                    .copied();
                Ok(Some(match at {
                    Some(r) if self.engine.detector().stop_kinds != 0 && !self.is_break(pc) => {
                        Stop::Event(Box::new(self.event(&r)))
                    }
                    Some(r) if !self.is_break(pc) => Stop::Event(Box::new(self.event(&r))),
                    _ => Stop::Breakpoint(pc),
                }))
            }
            Halt::Line => {
                self.icount = d.halt_icount;
                Ok(Some(Stop::Line))
            }
            Halt::Exit(code) => {
                self.icount = d.halt_icount;
                self.end = Some((self.icount, End::Exit(code)));
                Ok(Some(Stop::End(End::Exit(code))))
            }
            Halt::BadSyscall(number, addr) => {
                self.icount = d.halt_icount;
                let reason = format!("unsupported system call {number} at {addr:#x}");
                Ok(Some(self.finish(What::CpuFault, End::Fault(reason))))
            }
            Halt::Fault => {
                self.engine.settle_fault();
                self.icount = self.engine.detector().counted;
                let reason = self.fault_reason();
                Ok(Some(self.finish(What::CpuFault, End::Fault(reason))))
            }
        }
    }

    fn is_break(&self, addr: u64) -> bool {
        self.engine.detector().is_break(addr)
    }

    /// Records a synthetic end event and marks the end.
    fn finish(&mut self, what: What, end: End) -> Stop {
        let pc = self.pc();
        let d = self.engine.detector_mut();
        let record = Record {
            icount: self.icount,
            what,
            a: pc,
            b: 0,
        };
        d.record(record);
        self.end = Some((self.icount, end.clone()));
        Stop::End(end)
    }

    fn fault_reason(&self) -> String {
        let d = self.engine.detector();
        match d.bad_access {
            Some((kind, addr)) => crate::emulate::access_reason(&self.program.image, kind, addr),
            None => "the CPU stopped on an invalid instruction".to_string(),
        }
    }

    /// Indexes promises created since the last call.
    fn sync_promises(&mut self) {
        let created = &self.engine.detector().created;
        for (i, c) in created.iter().enumerate().skip(self.promise_index.len()) {
            self.promise_index.insert(c.addr, i);
            let site = &self.program.sites.list[c.site as usize].kind;
            if matches!(site, SiteKind::Create(Made::Frame(_))) {
                self.frame_promises.push(i);
            }
        }
    }

    /// The last recorded event of `kinds` strictly before now.
    fn previous_record(&self, kinds: KindSet) -> Option<Record> {
        let records = &self.engine.detector().records;
        let i = records.partition_point(|r| r.icount < self.icount);
        records[..i]
            .iter()
            .rev()
            .find(|r| kinds.contains(self.record_kind(r)))
            .copied()
    }

    fn record_kind(&self, record: &Record) -> EventKind {
        match record.what {
            What::Budget => EventKind::Budget,
            What::CpuFault => EventKind::Fault,
            What::Site(i) => {
                let kind = &self.program.sites.list[i as usize].kind;
                EventKind::of_site(kind, record.a).unwrap_or(EventKind::Fault)
            }
        }
    }

    /// The latest source-line start before now, found by replaying from the
    /// checkpoints behind us (nearest first) with the line hook on.
    fn previous_line_start(&mut self) -> Result<Option<u64>, String> {
        let here = self.icount;
        let mut upto = here;
        while upto > 0 {
            let index = self.history.at_or_before(upto - 1);
            let from = self.history.marks(index).icount;
            self.travel(from)?;
            self.advance(upto, KindSet::default(), Some(LineGoal::Collect))?;
            let hits: Vec<u64> = self
                .engine
                .detector()
                .line_hits
                .iter()
                .copied()
                .filter(|&h| h < upto)
                .collect();
            if let Some(&last) = hits.last() {
                self.travel(here)?;
                return Ok(Some(last));
            }
            upto = from;
        }
        self.travel(here)?;
        Ok(None)
    }
}
