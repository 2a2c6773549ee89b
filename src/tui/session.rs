//! A program loaded for the UI: the stepping [`Machine`] plus what the panes
//! need to find their lines fast (instruction ↔ source line ↔ async state),
//! the state machines' transitions, the run's events and the lesson.
//!
//! In: a path. Out: a [`Session`] whose motions wrap the machine's and keep
//! the event list and the "since it last suspended" snapshots up to date, or
//! the rendered diagnostics when the file does not compile.

use crate::lesson::{Lesson, LessonError};
use crate::machine::{
    Breakpoint, Event, EventKind, Forward, FrameView, KindSet, LineStep, Machine, Options,
    Progress, Register, Stop, Value,
};
use crate::source::FileId;
use crate::tui::timeline::Timeline;
use crate::{link::Image, pipeline};
use std::collections::HashMap;
use std::path::{Path, PathBuf};

/// Instructions run ahead at load (then undone) so the timeline shows the
/// whole run of a lesson from the start.
const PREFETCH: u64 = 3_000_000;

/// Instructions between the UI's checkpoints: the most a step back
/// replays (some 1 ms of the engine).
pub const CHECKPOINT_INTERVAL: u64 = 100_000;

/// How many events back the panes look for the latest one of a frame (a
/// frame not seen that recently is found by its address instead).
const SCAN_BACK: usize = 1 << 16;

/// The run's events by kind: the kind of each (one byte) and, per kind,
/// which events have it, so that panes find "the last fault" or "the
/// polls" without building or scanning events.
#[derive(Debug, Default)]
pub struct EventIndex {
    kinds: Vec<EventKind>,
    by_kind: [Vec<u32>; EventKind::ALL.len()],
}

impl EventIndex {
    fn push(&mut self, i: usize, kind: EventKind) {
        self.kinds.push(kind);
        self.by_kind[kind as usize].push(i as u32);
    }

    pub fn len(&self) -> usize {
        self.kinds.len()
    }

    pub fn is_empty(&self) -> bool {
        self.kinds.is_empty()
    }

    /// The kind of every event, in order.
    pub fn kinds(&self) -> &[EventKind] {
        &self.kinds
    }

    /// The events of one kind (their numbers, in order).
    pub fn of(&self, kind: EventKind) -> &[u32] {
        &self.by_kind[kind as usize]
    }

    /// How many of the first `n` events have a kind in `kinds`.
    pub fn count_before(&self, n: usize, kinds: KindSet) -> usize {
        EventKind::ALL
            .iter()
            .filter(|k| kinds.contains(**k))
            .map(|&k| self.of(k).partition_point(|&i| (i as usize) < n))
            .sum()
    }
}

/// The filters `e` cycles through for `a` / `B`: (name, kinds). The first
/// is the default (a lesson's `//! stops:` header comes before it).
pub fn stop_filters() -> Vec<(&'static str, KindSet)> {
    let saves = KindSet::of(&[EventKind::Save, EventKind::Restore]);
    vec![
        ("async", KindSet::ASYNC.union(KindSet::ENDS)),
        (
            "async + register saves",
            KindSet::ASYNC.union(saves).union(KindSet::ENDS),
        ),
        (
            "calls: saves, restores, output",
            saves
                .union(KindSet::of(&[EventKind::Output]))
                .union(KindSet::ENDS),
        ),
        ("all", KindSet::RECORDED.union(KindSet::ENDS)),
    ]
}

/// The events `a` / `B` stop at by default (before any lesson says otherwise).
pub fn async_kinds() -> KindSet {
    stop_filters()[0].1
}

/// One async method: its frame layout, states and transitions.
#[derive(Debug, Clone)]
pub struct Method {
    /// `Program.Twice`.
    pub name: String,
    /// `Program.Twice$resume`.
    pub resume: String,
    /// Index into `Program::frames`.
    pub layout: usize,
    /// (state, first address of its code), by address.
    pub state_addrs: Vec<(u32, u64)>,
    /// The state machine's edges, typed (from the lowering).
    pub transitions: Vec<crate::machine::layout::Transition>,
}

/// A row of the x86-64 pane.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AsmRow {
    /// A global symbol starts here (index into `Image::symbols`).
    Label(usize),
    /// A source line (only when interleaving).
    Source(FileId, usize),
    /// An instruction (index into `Image::map`).
    Insn(usize),
}

/// Registers and frame fields at the moment a frame suspended.
#[derive(Debug, Clone)]
pub struct Snapshot {
    pub icount: u64,
    pub registers: Vec<Register>,
    pub fields: Vec<Value>,
}

/// A program loaded into the machine, with its indexes.
pub struct Session {
    pub path: PathBuf,
    /// What the program is compiled for (the schedule and the lowering).
    pub target: pipeline::Target,
    pub machine: Machine,
    pub main_file: FileId,
    pub lesson: Option<Lesson>,
    pub lesson_errors: Vec<LessonError>,
    pub methods: Vec<Method>,
    /// `--emit sm` of the whole program, one entry per line.
    pub listing: Vec<String>,
    pub rows: Vec<AsmRow>,
    pub rows_mixed: Vec<AsmRow>,
    /// Instruction index → its row in `rows` / `rows_mixed`.
    pub insn_row: Vec<usize>,
    pub insn_row_mixed: Vec<usize>,
    /// Instruction index → (file, line).
    pub insn_line: Vec<Option<(FileId, usize)>>,
    /// Instruction index → (method index, state).
    pub insn_state: Vec<Option<(usize, u32)>>,
    pub line_insns: HashMap<(FileId, usize), Vec<usize>>,
    /// The run's events by kind, as far as it has been run (the machine
    /// keeps their compact records and builds an event when one is shown).
    pub events: EventIndex,
    /// A lesson's events, built (its narration matches them); empty for
    /// other files, whose runs may have millions.
    lesson_events: Vec<Event>,
    /// The timeline strip's index of the events `stops` keeps.
    pub timeline: Timeline,
    furthest: u64,
    snapshots: HashMap<u64, Snapshot>,
    /// When the file was read (to notice edits).
    pub modified: Option<std::time::SystemTime>,
    /// What `a` / `B` stop at: the filter's name and kinds (`e` cycles).
    pub stops: (String, KindSet),
}

impl Session {
    /// Compiles and loads a file; `Err` carries the rendered diagnostics.
    pub fn load(path: &Path, target: pipeline::Target) -> Result<Session, String> {
        let modified = modified(path);
        let compiled = pipeline::compile_file_with(path, target).map_err(|f| f.render())?;
        let listing = compiled.state_machines.clone();
        let main_file = compiled
            .sources
            .files()
            .next()
            .map_or(FileId(0), |(id, _)| id);
        let text = compiled.sources.get(main_file).text.clone();
        let (lesson, lesson_errors) = match Lesson::parse(&text) {
            Ok(lesson) => (lesson, Vec::new()),
            Err(errors) => (None, errors),
        };
        let options = Options {
            checkpoint_interval: CHECKPOINT_INTERVAL,
            ..Options::default()
        };
        let machine = Machine::with_options(compiled, options)?;
        let mut session = Session::index(path, machine, main_file, &listing, target);
        if let Some(kinds) = lesson.as_ref().and_then(|l| l.stops) {
            session.stops = ("the lesson's".to_string(), kinds);
        }
        session.lesson = lesson;
        session.lesson_errors = lesson_errors;
        session.modified = modified;
        session.prefetch();
        Ok(session)
    }

    fn index(
        path: &Path,
        machine: Machine,
        main_file: FileId,
        listing: &str,
        target: pipeline::Target,
    ) -> Session {
        let program = machine.program();
        let image = &program.image;
        let methods = methods(program);
        let insn_line: Vec<_> = image
            .map
            .iter()
            .map(|e| e.origin.span.map(|s| (s.file, program.sources.line(s))))
            .collect();
        let insn_state = insn_states(image, &methods);
        let mut line_insns: HashMap<(FileId, usize), Vec<usize>> = HashMap::new();
        for (i, line) in insn_line.iter().enumerate() {
            if let Some(line) = line {
                line_insns.entry(*line).or_default().push(i);
            }
        }
        let (rows, insn_row) = asm_rows(image, &insn_line, false);
        let (rows_mixed, insn_row_mixed) = asm_rows(image, &insn_line, true);
        let (name, kinds) = stop_filters()[0];
        Session {
            target,
            stops: (name.to_string(), kinds),
            path: path.to_path_buf(),
            main_file,
            lesson: None,
            lesson_errors: Vec::new(),
            methods,
            listing: listing.lines().map(str::to_string).collect(),
            rows,
            rows_mixed,
            insn_row,
            insn_row_mixed,
            insn_line,
            insn_state,
            line_insns,
            events: EventIndex::default(),
            lesson_events: Vec::new(),
            timeline: Timeline::default(),
            furthest: 0,
            snapshots: HashMap::new(),
            modified: None,
            machine,
        }
    }

    /// Runs ahead and back so the events of the whole run are known.
    fn prefetch(&mut self) {
        let ahead = self.machine.aside(|m| m.goto(PREFETCH).is_ok());
        if ahead {
            self.refresh_events();
        }
        let _ = self.machine.aside(|m| m.restart());
    }

    /// Has the file changed on disk since it was read?
    pub fn file_changed(&self) -> bool {
        modified(&self.path) != self.modified
    }

    // ----- motions ---------------------------------------------------------

    pub fn step(&mut self) -> Result<Stop, String> {
        self.after(|m| m.step())
    }
    /// To the next source line: over calls from a Flux# line, into the
    /// program from the runtime (else `n` at `_start` would run it all).
    /// To the next source line: over calls from a Flux# line, into the
    /// program from the runtime (else `n` at `_start` would run it all).
    pub fn step_line(&mut self) -> Result<Progress, String> {
        let how = match self.machine.current_line() {
            Some(_) => LineStep::Over,
            None => LineStep::Into,
        };
        self.start(Forward::Line(how))
    }
    /// `S`: to the next line executed, into calls.
    pub fn step_into(&mut self) -> Result<Progress, String> {
        self.start(Forward::Line(LineStep::Into))
    }
    /// `f`: until the current function returns (gdb's finish).
    pub fn finish(&mut self) -> Result<Progress, String> {
        self.start(Forward::Line(LineStep::Out))
    }
    pub fn next_event(&mut self) -> Result<Progress, String> {
        self.start(Forward::ToEvent(self.stops.1))
    }
    pub fn step_back(&mut self) -> Result<Stop, String> {
        self.after(|m| m.step_back())
    }
    pub fn back_event(&mut self) -> Result<Stop, String> {
        let kinds = self.stops.1;
        self.after(|m| m.back_to(kinds))
    }
    pub fn continue_run(&mut self) -> Result<Progress, String> {
        self.start(Forward::ToEnd)
    }
    pub fn goto(&mut self, icount: u64) -> Result<Progress, String> {
        self.start(Forward::To(icount))
    }

    /// To the next poll (the next event-loop iteration).
    pub fn next_iteration(&mut self) -> Result<Progress, String> {
        let now = self.machine.icount();
        let next = self.polls().find(|&at| at > now);
        match next {
            Some(at) => self.goto(at),
            None => self.start(Forward::ToEvent(
                KindSet::of(&[EventKind::Poll]).union(KindSet::ENDS),
            )),
        }
    }

    /// Back to the previous poll (or the start).
    pub fn prev_iteration(&mut self) -> Result<Stop, String> {
        let now = self.machine.icount();
        let previous = self.polls().rev().find(|&at| at < now);
        match previous {
            Some(at) => self.after(|m| m.goto(at)),
            None => self.after(|m| m.restart()),
        }
    }

    /// `e`: the next filter for `a` / `B` (the lesson's own comes first, and
    /// is left once for the built-in ones).
    pub fn cycle_stops(&mut self) {
        let filters = stop_filters();
        let next = filters
            .iter()
            .position(|(name, _)| *name == self.stops.0)
            .map_or(0, |i| (i + 1) % filters.len());
        let (name, kinds) = filters[next];
        self.stops = (name.to_string(), kinds);
        self.timeline.sync(self.events.kinds(), kinds);
    }

    /// Begins a motion that may be long; see [`Machine::start`].
    fn start(&mut self, motion: Forward) -> Result<Progress, String> {
        let progress = self.machine.start(motion)?;
        self.after_slice(&progress);
        Ok(progress)
    }

    /// The next slice of a long motion.
    pub fn proceed(&mut self) -> Result<Progress, String> {
        let progress = self.machine.proceed()?;
        self.after_slice(&progress);
        Ok(progress)
    }

    /// Stops a long motion where it stands (a key was pressed).
    pub fn interrupt(&mut self) {
        self.machine.interrupt();
        self.refresh_if_further();
    }

    /// Is a long motion under way?
    pub fn running(&self) -> bool {
        self.machine.in_progress()
    }

    fn after_slice(&mut self, progress: &Progress) {
        if let Progress::Done(_) = progress {
            self.refresh_if_further();
        }
    }

    /// The instruction counts of the polls, in order.
    fn polls(&self) -> impl DoubleEndedIterator<Item = u64> + '_ {
        let polls = self.events.of(EventKind::Poll);
        polls
            .iter()
            .filter_map(|&i| self.machine.event_icount(i as usize))
    }

    fn after(
        &mut self,
        motion: impl FnOnce(&mut Machine) -> Result<Stop, String>,
    ) -> Result<Stop, String> {
        let stop = motion(&mut self.machine)?;
        self.refresh_if_further();
        Ok(stop)
    }

    fn refresh_if_further(&mut self) {
        if self.machine.icount() > self.furthest || self.machine.ended().is_some() {
            self.refresh_events();
        }
    }

    /// Indexes the events recorded since the last refresh (each once;
    /// records are only ever appended). A lesson's are also built.
    fn refresh_events(&mut self) {
        let (from, to) = (self.events.len(), self.machine.event_count());
        for i in from..to {
            let kind = self.machine.event_kind(i).expect("a recorded event");
            self.events.push(i, kind);
        }
        if self.lesson.is_some() {
            let all = KindSet(u32::MAX);
            let new = self.machine.events_in(self.lesson_events.len()..to, all);
            self.lesson_events.extend(new);
        }
        self.timeline.sync(self.events.kinds(), self.stops.1);
        self.furthest = self.furthest.max(self.machine.icount());
    }

    /// How many events happened before now (the timeline position).
    pub fn events_before(&self) -> usize {
        self.machine.events_before()
    }

    /// The event at the current instruction, or else the last one before it.
    pub fn last_event(&self) -> Option<Event> {
        self.machine.last_event()
    }

    /// The events a lesson's narration matches (empty without a lesson).
    pub fn lesson_events(&self) -> &[Event] {
        &self.lesson_events
    }

    /// The lesson's note for this moment (see [`crate::lesson::Lesson::narrate`]).
    pub fn narration(&self) -> Option<crate::lesson::Narration<'_>> {
        let m = &self.machine;
        let line = m
            .current_line()
            .filter(|(f, _)| *f == self.main_file)
            .map(|(_, l)| l);
        self.lesson
            .as_ref()
            .filter(|_| self.lesson_elsewhere().is_none())?
            .narrate(self.lesson_events(), m.icount(), line, m.ended().is_some())
    }

    /// The lesson's lowering or model (`--lowering stackful`), when the
    /// program runs under another (its notes are then not shown: they tell
    /// of the lesson's code), with the key that switches back.
    pub fn lesson_elsewhere(&self) -> Option<(String, char)> {
        let lesson = self.lesson.as_ref()?;
        if lesson.model != self.target.model {
            return Some((format!("--model {}", lesson.model.name()), 'M'));
        }
        (lesson.lowering != self.target.lowering)
            .then(|| (format!("--lowering {}", lesson.lowering.name()), 'L'))
    }

    /// How many events before this instruction are of `kinds`.
    pub fn events_before_of(&self, kinds: KindSet) -> usize {
        (0..self.events_before())
            .filter(|&i| {
                self.machine
                    .event_kind(i)
                    .is_some_and(|k| kinds.contains(k))
            })
            .count()
    }

    /// The instruction count of the `n`th event (from 1) of `kinds`.
    pub fn event_number_of(&self, kinds: KindSet, n: usize) -> Option<u64> {
        let mut seen = 0;
        (0..)
            .map_while(|i| self.machine.event_kind(i).map(|k| (i, k)))
            .find(|&(_, k)| {
                seen += usize::from(kinds.contains(k));
                kinds.contains(k) && seen == n
            })
            .and_then(|(i, _)| self.machine.event_icount(i))
    }

    /// Event `n` of the run (1 is the first), by the `g` prompt's numbers.
    pub fn event_number(&self, n: usize) -> Option<u64> {
        self.machine.event_icount(n.checked_sub(1)?)
    }

    // ----- breakpoints -----------------------------------------------------

    /// Sets the breakpoint, or clears it if it is set; returns whether it is set now.
    pub fn toggle_breakpoint(&mut self, breakpoint: Breakpoint) -> Result<bool, String> {
        if self.machine.breakpoints().any(|b| *b == breakpoint) {
            self.machine.remove_breakpoint(&breakpoint)?;
            return Ok(false);
        }
        match self.machine.add_breakpoint(breakpoint.clone())? {
            0 => {
                self.machine.remove_breakpoint(&breakpoint)?;
                Err("no code starts there".to_string())
            }
            _ => Ok(true),
        }
    }

    pub fn has_breakpoint(&self, breakpoint: &Breakpoint) -> bool {
        self.machine.breakpoints().any(|b| b == breakpoint)
    }

    /// Is there a breakpoint (of any kind) on this instruction?
    pub fn insn_has_breakpoint(&self, index: usize) -> bool {
        let entry = &self.machine.program().image.map[index];
        self.machine.breakpoints().any(|b| match b {
            Breakpoint::Addr(a) => *a == entry.addr,
            Breakpoint::Line { file, line } => {
                self.insn_line[index] == Some((*file, *line)) && self.line_start(index)
            }
            Breakpoint::State { method, state } => self
                .methods
                .iter()
                .any(|m| m.name == *method && m.state_addrs.contains(&(*state, entry.addr))),
        })
    }

    /// Does a line begin at this instruction (the previous one is another line)?
    fn line_start(&self, index: usize) -> bool {
        index == 0 || self.insn_line[index - 1] != self.insn_line[index]
    }

    // ----- where things are ------------------------------------------------

    /// The index of the next instruction.
    /// The instruction the CPU stands at; once the program has exited, the
    /// `syscall` that ended it (rip is past it, on code that never runs).
    pub fn pc_index(&self) -> Option<usize> {
        let image = &self.machine.program().image;
        let pc = self.machine.pc();
        if let Some(crate::machine::End::Exit(_)) = self.machine.ended() {
            let last = pc.checked_sub(1).and_then(|a| image.insn_index_at(a));
            if last.is_some_and(|i| image.map[i].end() == pc) {
                return last;
            }
        }
        image.insn_index_at(pc)
    }

    /// In runtime code, the async method the CPU works for: the one whose
    /// promise the event it stands at concerns (at a poll, the promise being
    /// polled; at a completion, the one completing).
    pub fn method_at_event(&self) -> Option<usize> {
        let now = self.machine.icount();
        let events = self.machine.events_before()..self.machine.events_through(now);
        events
            .filter_map(|i| self.machine.event_at(i))
            .find_map(|e| {
                let owner = &e.promise.as_ref()?.owner;
                self.methods.iter().position(|m| m.name == *owner)
            })
    }

    /// The failed run-time check the program stands after, if it does: the
    /// fault event (with the line of the check and the exception).
    pub fn failure(&self) -> Option<Event> {
        let through = self.machine.events_through(self.machine.icount());
        let faults = self.events.of(EventKind::Fault);
        let last = faults[..faults.partition_point(|&i| (i as usize) < through)].last()?;
        self.machine
            .event_at(*last as usize)
            .filter(|e| e.line.is_some())
    }

    /// The method index and state of the code at the CPU.
    pub fn cpu_state(&self) -> Option<(usize, u32)> {
        self.pc_index().and_then(|i| self.insn_state[i])
    }

    /// The async method (index) an instruction belongs to (starter or resume).
    pub fn method_of_insn(&self, index: usize) -> Option<usize> {
        let function = &self.machine.program().image.map[index].origin.function;
        let name = crate::lower::labels::method_of_body(function);
        self.methods.iter().position(|m| m.name == name)
    }

    /// The live frame of a method the CPU works on: the frame in r15 (or
    /// rdi) if it is one of the method's, else the one of the latest event.
    pub fn frame_of(&self, method: usize) -> Option<FrameView> {
        let name = &self.methods[method].name;
        let frames: Vec<FrameView> = self
            .machine
            .frames()
            .into_iter()
            .filter(|f| f.method == *name)
            .collect();
        let regs = self.machine.registers();
        let reg = |n: &str| regs.iter().find(|r| r.name == n).map(|r| r.value);
        let now = self.machine.icount();
        let through = self.machine.events_through(now);
        let by_event = (through.saturating_sub(SCAN_BACK)..through)
            .rev()
            .filter_map(|i| self.machine.event_promise(i))
            .find(|addr| frames.iter().any(|f| f.promise.addr == *addr));
        [reg("r15"), reg("rdi"), by_event]
            .into_iter()
            .flatten()
            .find_map(|addr| frames.iter().find(|f| f.promise.addr == addr).cloned())
            .or_else(|| frames.last().cloned())
    }

    /// Registers and fields of `frame` when it last suspended (cached; going
    /// there and back replays from a checkpoint).
    pub fn since_suspend(&mut self, frame: &FrameView) -> Option<&Snapshot> {
        let before = self.machine.events_before();
        let suspends = self.events.of(EventKind::Suspend);
        let suspends = &suspends[..suspends.partition_point(|&i| (i as usize) < before)];
        let i = suspends
            .iter()
            .rev()
            .take(SCAN_BACK)
            .find(|&&i| self.machine.event_promise(i as usize) == Some(frame.promise.addr))?;
        let at = self.machine.event_icount(*i as usize)?;
        if !self.snapshots.contains_key(&at) {
            let snapshot = self.snapshot_at(at, frame)?;
            self.snapshots.insert(at, snapshot);
        }
        self.snapshots.get(&at)
    }

    fn snapshot_at(&mut self, at: u64, frame: &FrameView) -> Option<Snapshot> {
        let now = self.machine.icount();
        let seen = self.machine.aside(|m| {
            m.goto(at).ok()?;
            let fields = m
                .frames()
                .into_iter()
                .find(|f| f.promise == frame.promise)
                .map(|f| f.fields);
            let registers = m.registers();
            m.goto(now).ok()?;
            Some((registers, fields))
        });
        let (registers, fields) = seen?;
        Some(Snapshot {
            icount: at,
            registers,
            fields: fields?,
        })
    }

    /// The program image.
    pub fn image(&self) -> &Image {
        &self.machine.program().image
    }
}

fn modified(path: &Path) -> Option<std::time::SystemTime> {
    std::fs::metadata(path).and_then(|m| m.modified()).ok()
}

/// The async methods, with their state labels' addresses and transitions.
fn methods(program: &crate::machine::Program) -> Vec<Method> {
    program
        .frames
        .iter()
        .enumerate()
        .map(|(layout, frame)| {
            let mut state_addrs: Vec<(u32, u64)> = (0..=frame.states.len() as u32)
                .filter_map(|s| {
                    let label = format!("{}.state{s}", frame.resume);
                    program.image.symbol(&label).map(|a| (s, a))
                })
                .collect();
            state_addrs.sort_by_key(|&(_, a)| a);
            Method {
                name: frame.method.clone(),
                resume: frame.resume.clone(),
                layout,
                state_addrs,
                transitions: frame.transitions.clone(),
            }
        })
        .collect()
}

/// The state each instruction of a resume function runs in: the last state
/// label at or before it (the prologue and dispatch belong to none).
fn insn_states(image: &Image, methods: &[Method]) -> Vec<Option<(usize, u32)>> {
    image
        .map
        .iter()
        .map(|entry| {
            if let Some(state) = entry.origin.state {
                let name = crate::lower::labels::method_of_body(&entry.origin.function);
                return methods
                    .iter()
                    .position(|m| m.name == name)
                    .map(|m| (m, state));
            }
            let m = methods
                .iter()
                .position(|m| *m.resume == *entry.origin.function)?;
            methods[m]
                .state_addrs
                .iter()
                .rev()
                .find(|(_, a)| *a <= entry.addr)
                .map(|&(s, _)| (m, s))
        })
        .collect()
}

/// The rows of the x86-64 pane: labels and instructions (and source lines
/// when `mixed`), with each instruction's row.
fn asm_rows(
    image: &Image,
    insn_line: &[Option<(FileId, usize)>],
    mixed: bool,
) -> (Vec<AsmRow>, Vec<usize>) {
    let mut rows = Vec::with_capacity(image.map.len() * 2);
    let mut insn_row = Vec::with_capacity(image.map.len());
    let mut symbols = image
        .symbols
        .iter()
        .enumerate()
        .filter(|(_, s)| s.section == crate::asm::Section::Text && !s.local)
        .peekable();
    let mut last_line = None;
    for (i, entry) in image.map.iter().enumerate() {
        while let Some((s, _)) = symbols.next_if(|(_, s)| s.addr <= entry.addr) {
            rows.push(AsmRow::Label(s));
            last_line = None;
        }
        if mixed && insn_line[i].is_some() && insn_line[i] != last_line {
            let (file, line) = insn_line[i].expect("checked");
            rows.push(AsmRow::Source(file, line));
            last_line = insn_line[i];
        }
        insn_row.push(rows.len());
        rows.push(AsmRow::Insn(i));
    }
    (rows, insn_row)
}
