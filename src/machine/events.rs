//! Events: what the stepping engine reports, and their plain-words explanations.
//!
//! In: a compact [`Record`] (site + two values read when it happened), the
//! static [`Program`] knowledge and the promise registry. Out: an [`Event`]
//! with its kind, instruction address and count, the promise concerned, the
//! state before/after, the registers saved or restored and where, and one
//! sentence a student understands. Also [`EventKind`] / [`KindSet`] (parsed
//! from `"poll,jump"`), and the one-line and JSON forms `flux-viz trace` prints.

use super::engine::{Record, What};
use super::sites::{Dispatch, Made, Place, SiteKind};
use super::Program;
use serde::Serialize;

/// The kinds of events (DESIGN.md), plus the three ways a run can end.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum EventKind {
    /// Every instruction (stepping only; never recorded).
    Insn,
    /// The source line changes (stepping only; never recorded).
    Line,
    Save,
    Restore,
    Poll,
    /// A completing task resumes its awaiter inline (C# on one thread).
    Resume,
    Jump,
    State,
    Suspend,
    Complete,
    /// A task ends with an exception (it faults).
    Faulted,
    /// An exception is thrown (by a check, or again at an await).
    Throw,
    /// A handler receives an exception.
    Catch,
    /// An exception is thrown again as it was (`throw;`, or the await of a
    /// faulted task).
    Rethrow,
    /// A `finally` block starts.
    Finally,
    Wake,
    Timer,
    Output,
    Fault,
    Budget,
    Deadlock,
    Exit,
}

impl EventKind {
    /// Does an event of this kind move some task on (so that what was
    /// said about the moment before is over)?
    pub fn moves_a_task(self) -> bool {
        matches!(
            self,
            EventKind::Poll
                | EventKind::Resume
                | EventKind::Jump
                | EventKind::State
                | EventKind::Suspend
                | EventKind::Complete
                | EventKind::Faulted
                | EventKind::Catch
        )
    }

    pub const ALL: [EventKind; 22] = [
        EventKind::Insn,
        EventKind::Line,
        EventKind::Save,
        EventKind::Restore,
        EventKind::Poll,
        EventKind::Resume,
        EventKind::Jump,
        EventKind::State,
        EventKind::Suspend,
        EventKind::Complete,
        EventKind::Faulted,
        EventKind::Throw,
        EventKind::Catch,
        EventKind::Rethrow,
        EventKind::Finally,
        EventKind::Wake,
        EventKind::Timer,
        EventKind::Output,
        EventKind::Fault,
        EventKind::Budget,
        EventKind::Deadlock,
        EventKind::Exit,
    ];

    pub fn name(self) -> &'static str {
        match self {
            EventKind::Insn => "insn",
            EventKind::Line => "line",
            EventKind::Save => "save",
            EventKind::Restore => "restore",
            EventKind::Poll => "poll",
            EventKind::Resume => "resume",
            EventKind::Jump => "jump",
            EventKind::State => "state",
            EventKind::Suspend => "suspend",
            EventKind::Complete => "complete",
            EventKind::Faulted => "faulted",
            EventKind::Throw => "throw",
            EventKind::Catch => "catch",
            EventKind::Rethrow => "rethrow",
            EventKind::Finally => "finally",
            EventKind::Wake => "wake",
            EventKind::Timer => "timer",
            EventKind::Output => "output",
            EventKind::Fault => "fault",
            EventKind::Budget => "budget",
            EventKind::Deadlock => "deadlock",
            EventKind::Exit => "exit",
        }
    }

    pub fn bit(self) -> u32 {
        1 << self as u32
    }

    /// The kind a site reports (`a` tells a write from an exit at a `syscall`).
    pub fn of_site(kind: &SiteKind, a: u64) -> Option<EventKind> {
        Some(match kind {
            SiteKind::Save { .. } => EventKind::Save,
            SiteKind::Restore { .. } => EventKind::Restore,
            SiteKind::State { .. } => EventKind::State,
            // The context switch's return to whoever resumed a task (a = 0)
            // is not a jump into a state.
            SiteKind::Jump { .. } if a == 0 => return None,
            SiteKind::Jump { .. } => EventKind::Jump,
            SiteKind::Suspend { .. } => EventKind::Suspend,
            SiteKind::Poll | SiteKind::PollChild => EventKind::Poll,
            SiteKind::Resume => EventKind::Resume,
            SiteKind::Complete => EventKind::Complete,
            SiteKind::Faulted => EventKind::Faulted,
            SiteKind::Throw => EventKind::Throw,
            SiteKind::Catch => EventKind::Catch,
            SiteKind::Rethrow => EventKind::Rethrow,
            SiteKind::Finally { .. } => EventKind::Finally,
            SiteKind::Uncaught => EventKind::Fault,
            SiteKind::Wake => EventKind::Wake,
            SiteKind::TimerAdvance | SiteKind::TimerFire | SiteKind::TimerSet => EventKind::Timer,
            SiteKind::Syscall => match a & 0xffff {
                1 => EventKind::Output,
                crate::emulate::SYS_EXIT => EventKind::Exit,
                _ => return None,
            },
            SiteKind::Fail { name } if name == "deadlock" => EventKind::Deadlock,
            SiteKind::Fail { .. } => EventKind::Fault,
            SiteKind::Create(_) | SiteKind::Allocate(_) => return None,
        })
    }
}

/// A set of event kinds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct KindSet(pub u32);

impl KindSet {
    /// Every kind that is recorded as the program runs (all but `insn` and `line`).
    pub const RECORDED: KindSet = KindSet(
        !(1 << EventKind::Insn as u32 | 1 << EventKind::Line as u32)
            & ((1 << EventKind::ALL.len()) - 1),
    );
    /// What every lowering makes alike, event for event: all that is
    /// recorded but the register saves and restores, the state stores and
    /// the jumps into a state's code (a stackful task has none of those:
    /// its switch pushes registers and its stack says where it stopped).
    pub const TASK_STORY: KindSet = KindSet(
        KindSet::RECORDED.0
            & !(1 << EventKind::Save as u32
                | 1 << EventKind::Restore as u32
                | 1 << EventKind::State as u32
                | 1 << EventKind::Jump as u32),
    );
    /// The async machinery: poll, resume, jump, state, suspend, complete,
    /// faulted, throw, catch, rethrow, finally, wake, timer.
    pub const ASYNC: KindSet = KindSet(
        1 << EventKind::Poll as u32
            | 1 << EventKind::Resume as u32
            | 1 << EventKind::Jump as u32
            | 1 << EventKind::State as u32
            | 1 << EventKind::Suspend as u32
            | 1 << EventKind::Complete as u32
            | 1 << EventKind::Faulted as u32
            | 1 << EventKind::Throw as u32
            | 1 << EventKind::Catch as u32
            | 1 << EventKind::Rethrow as u32
            | 1 << EventKind::Finally as u32
            | 1 << EventKind::Wake as u32
            | 1 << EventKind::Timer as u32,
    );
    /// How a run ends: fault, budget, deadlock, exit.
    pub const ENDS: KindSet = KindSet(
        1 << EventKind::Fault as u32
            | 1 << EventKind::Budget as u32
            | 1 << EventKind::Deadlock as u32
            | 1 << EventKind::Exit as u32,
    );

    pub fn of(kinds: &[EventKind]) -> KindSet {
        KindSet(kinds.iter().fold(0, |bits, k| bits | k.bit()))
    }

    pub fn contains(self, kind: EventKind) -> bool {
        self.0 & kind.bit() != 0
    }

    pub fn union(self, other: KindSet) -> KindSet {
        KindSet(self.0 | other.0)
    }

    /// The names of the kinds in this set, in [`EventKind::ALL`] order.
    pub fn names(self) -> Vec<&'static str> {
        EventKind::ALL
            .iter()
            .filter(|k| self.contains(**k))
            .map(|k| k.name())
            .collect()
    }

    /// The recorded kinds of this set.
    pub fn recorded(self) -> KindSet {
        KindSet(self.0 & KindSet::RECORDED.0)
    }

    /// Parses `"poll,jump,state"` (also `all` and `async`).
    pub fn parse(text: &str) -> Result<KindSet, String> {
        let mut set = KindSet::default();
        for word in text.split(',').map(str::trim).filter(|w| !w.is_empty()) {
            set = set.union(match word {
                "all" => KindSet::RECORDED,
                "async" => KindSet::ASYNC,
                _ => EventKind::ALL
                    .iter()
                    .find(|k| k.name() == word)
                    .map(|k| KindSet(k.bit()))
                    .ok_or_else(|| {
                        format!("unknown event kind `{word}` (kinds: {})", kind_names())
                    })?,
            });
        }
        Ok(set)
    }
}

fn kind_names() -> String {
    let names: Vec<&str> = EventKind::ALL.iter().map(|k| k.name()).collect();
    names.join(", ")
}

/// A promise as events name it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct PromiseRef {
    /// 1, 2, … in order of creation (0: `Task.CompletedTask`).
    pub id: usize,
    pub addr: u64,
    /// `Program.Twice`, `Task.Delay`, `Task.WhenAll`, `Task.FromResult`, …
    pub owner: String,
    /// What created it, as a student would write the call: `Brew("tea", 30)`
    /// (the arguments as the method's frame received them), else `owner`.
    pub call: String,
}

impl PromiseRef {
    /// A promise known by its owner only.
    pub fn new(id: usize, addr: u64, owner: String) -> PromiseRef {
        PromiseRef {
            id,
            addr,
            call: owner.clone(),
            owner,
        }
    }
}

/// A register written to or read from memory.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct RegTransfer {
    pub reg: String,
    pub value: u64,
    /// The memory address (the stack slot, or the frame).
    pub addr: u64,
    /// `stack`, `frame+56 (x)` or `slot rbp-8 (x)`.
    pub place: String,
}

/// One event.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Event {
    pub kind: EventKind,
    /// Instructions executed before the event's instruction: the machine
    /// stops *before* it (a fault's instruction never runs; an exit has run).
    pub icount: u64,
    pub addr: u64,
    /// The function or runtime routine the instruction belongs to.
    pub function: String,
    pub promise: Option<PromiseRef>,
    pub state_before: Option<u32>,
    pub state_after: Option<u32>,
    pub regs: Vec<RegTransfer>,
    /// The bytes written, for `output`.
    pub output: Option<String>,
    /// For a `fault` of a run-time check: the source line of the check that
    /// failed (the code generator hands it to the failure routine in edi),
    /// and the exception it throws.
    pub line: Option<u32>,
    pub exception: Option<String>,
    pub explain: String,
}

impl Event {
    /// The one-line form `flux-viz trace` prints.
    pub fn line(&self) -> String {
        let mut out = String::new();
        let _ = self.write_line(&mut out);
        out
    }

    /// Writes [`Event::line`] to `out` without building it first.
    pub fn write_line(&self, out: &mut impl std::fmt::Write) -> std::fmt::Result {
        write!(
            out,
            "{:>10} {:<8} {:#x}",
            self.icount,
            self.kind.name(),
            self.addr
        )?;
        if let Some(p) = &self.promise {
            write!(out, " #{} {}", p.id, p.call)?;
        }
        match (self.state_before, self.state_after) {
            (Some(a), Some(b)) => write!(out, " state {a}->{b}")?,
            (Some(a), None) | (None, Some(a)) => write!(out, " state {a}")?,
            _ => {}
        }
        write!(out, "  {}", self.explain)
    }

    /// The JSON Lines form (`flux-viz trace --json`).
    pub fn json(&self) -> String {
        serde_json::to_string(self).unwrap_or_default()
    }
}

/// What an event needs besides its record: the promise registry and output.
pub(crate) struct Context<'a> {
    pub program: &'a Program,
    pub promise: &'a dyn Fn(u64) -> Option<PromiseRef>,
    /// A value as every pane states it (`Machine::format_value`).
    pub value: &'a dyn Fn(u64) -> String,
    pub output: &'a [Vec<u8>; 2],
    pub fault: &'a str,
    pub budget: u64,
}

impl Context<'_> {
    fn promise_or_addr(&self, addr: u64) -> PromiseRef {
        (self.promise)(addr)
            .unwrap_or_else(|| PromiseRef::new(0, addr, format!("the promise at {addr:#x}")))
    }
}

/// The address of the promise a record's event concerns, read from the
/// record alone (no event built): what [`describe`] puts in `Event::promise`.
/// A source position as the code generator hands it to the runtime (see
/// `Codegen::position_of`): the line in the low 32 bits, and above them
/// the file plus one for a line of the system library (0: the program's).
fn split_position(at: u64) -> (Option<crate::source::FileId>, u32) {
    let file = (at >> 32) as u32;
    (file.checked_sub(1).map(crate::source::FileId), at as u32)
}

/// The line of a position in the program's own code (the one the UI's
/// source pane and `trace` lines refer to), if it is there.
fn own_line(at: u64) -> Option<u32> {
    match split_position(at) {
        (None, line) if line > 0 => Some(line),
        _ => None,
    }
}

/// `line 12`, or `line 40 of <flux-viz>/lib/Collections.fs` for a line of
/// the system library.
fn position(cx: &Context<'_>, at: u64) -> String {
    let (file, line) = split_position(at);
    let name = file.and_then(|file| {
        cx.program
            .sources
            .files()
            .find(|(id, _)| *id == file)
            .map(|(_, f)| f.name.clone())
    });
    match name {
        Some(name) => format!("line {line} of {name}"),
        None => format!("line {line}"),
    }
}

pub(crate) fn promise_addr(kind: &SiteKind, r: &Record) -> Option<u64> {
    match kind {
        SiteKind::State { .. }
        | SiteKind::Jump { .. }
        | SiteKind::Suspend { .. }
        | SiteKind::Poll
        | SiteKind::PollChild
        | SiteKind::Resume
        | SiteKind::Complete
        | SiteKind::Faulted
        | SiteKind::Wake
        | SiteKind::TimerFire
        | SiteKind::TimerSet => Some(r.a),
        SiteKind::Save { place, .. } | SiteKind::Restore { place, .. } => match place {
            Place::Stack => None,
            Place::Frame { .. } | Place::Slot { .. } => Some(r.b),
        },
        SiteKind::TimerAdvance
        | SiteKind::Syscall
        | SiteKind::Fail { .. }
        | SiteKind::Throw
        | SiteKind::Catch
        | SiteKind::Rethrow
        | SiteKind::Finally { .. }
        | SiteKind::Uncaught => None,
        SiteKind::Create(_) | SiteKind::Allocate(_) => None,
    }
}

/// Builds the full event for a record.
pub(crate) fn from_record(record: &Record, cx: &Context<'_>) -> Event {
    let mut event = Event {
        kind: EventKind::Fault,
        icount: record.icount,
        addr: 0,
        function: String::new(),
        promise: None,
        state_before: None,
        state_after: None,
        regs: Vec::new(),
        output: None,
        line: None,
        exception: None,
        explain: String::new(),
    };
    match record.what {
        What::Budget => {
            event.kind = EventKind::Budget;
            event.addr = record.a;
            event.explain = format!(
                "The instruction budget of {} instructions is used up, so the run stops here.",
                cx.budget
            );
        }
        What::CpuFault => {
            event.addr = record.a;
            event.explain = format!("The CPU cannot go on: {}.", cx.fault);
        }
        What::Site(i) => {
            let site = &cx.program.sites.list[i as usize];
            event.addr = site.addr;
            event.function = site.function.clone();
            event.kind = EventKind::of_site(&site.kind, record.a).unwrap_or(EventKind::Fault);
            describe(&mut event, &site.kind, site.method, record, cx);
        }
    }
    event
}

fn method_name(cx: &Context<'_>, method: Option<usize>, function: &str) -> String {
    method.map_or_else(
        || function.to_string(),
        |m| cx.program.frames[m].method.clone(),
    )
}

/// Fills in promise, states, registers and the explanation of a site's event.
fn describe(e: &mut Event, kind: &SiteKind, method: Option<usize>, r: &Record, cx: &Context<'_>) {
    let who = method_name(cx, method, &e.function);
    // The promise is the one `promise_addr` reads from the record (what the
    // UI reads without building the event).
    e.promise = promise_addr(kind, r).map(|addr| cx.promise_or_addr(addr));
    let p = e
        .promise
        .clone()
        .unwrap_or_else(|| PromiseRef::new(0, 0, String::new()));
    match kind {
        SiteKind::Save { reg, place } => save_restore(e, reg, place, true, &who, &p, r, cx),
        SiteKind::Restore { reg, place } => save_restore(e, reg, place, false, &who, &p, r, cx),
        SiteKind::State { to, as_address } => {
            e.state_before = Some(r.b as u32);
            e.state_after = Some(*to);
            let what = match as_address {
                false => format!("state {to}"),
                true => format!("the address of state {to}'s code"),
            };
            e.explain = format!(
                "{who} stores {what} in its frame (promise #{}, was state {}): when it is resumed, it continues after await number {to}.",
                p.id, r.b
            );
        }
        SiteKind::Jump {
            how: Dispatch::Enter,
        } => {
            e.state_after = Some(0);
            e.explain = format!(
                "Promise #{} ({}) runs for the first time: on its own stack, fresh from the heap, rt_fiber_entry calls the method's body, which starts from the top.",
                p.id, p.call
            );
        }
        SiteKind::Jump {
            how: Dispatch::Switched,
        } => {
            e.state_after = Some(r.b as u32);
            e.explain = format!(
                "The context switch is done: rsp is promise #{}'s own stack again, its registers are popped as it pushed them, and this jump to the return address it left there goes back into {} right after await number {}, with every local where it was.",
                p.id, p.call, r.b
            );
        }
        SiteKind::Jump { how } => {
            e.state_after = Some(r.b as u32);
            let how = match how {
                Dispatch::Table => "jumps through its state table",
                _ => "jumps to the address its frame keeps",
            };
            e.explain = if r.b == 0 {
                format!(
                    "{} {how} to state 0: promise #{} starts running its body from the top.",
                    e.function, p.id
                )
            } else {
                format!("{} {how} to the code of state {} (right after await number {}) for promise #{}.", e.function, r.b, r.b, p.id)
            };
        }
        SiteKind::Suspend { at: Some(_) } => {
            e.state_before = Some(r.b as u32);
            e.explain = format!(
                "{who} suspends at await number {}: rt_fiber_switch pushes its callee-saved registers, keeps rsp in the frame (promise #{}) and switches to the stack of whoever resumed it (the event loop, or its caller on the hot start). Its locals stay where they are, on its own stack.",
                r.b, p.id
            );
        }
        SiteKind::Suspend { at: None } if cx.program.sites.future => {
            e.state_before = Some(r.b as u32);
            e.explain = format!(
                "{who} returns Pending (1) in state {}: to the future that polled it, which returns Pending too, up to the executor. Nothing of promise #{} runs again until its waker queues the top-level task and the polls come back down to this await.",
                r.b, p.id
            );
        }
        SiteKind::Suspend { at: None } => {
            e.state_before = Some(r.b as u32);
            e.explain = format!(
                "{who} suspends in state {}: it returns to whoever ran it (the event loop, or its caller on the hot start), and promise #{} stays pending until the task it awaits wakes it.",
                r.b, p.id
            );
        }
        SiteKind::Poll if cx.program.sites.future => {
            e.state_before = Some(r.b as u32);
            e.explain = format!(
                "The executor takes promise #{} ({}, state {}) from the ready queue and polls it: its poll function, with the frame in rdi and its own waker (cx) in rsi. The polls run down the chain of awaits to the future that was waiting.",
                p.id, p.call, r.b
            );
        }
        SiteKind::Poll => {
            let resume = cx.program.continuation_name(&p);
            e.state_before = Some(r.b as u32);
            e.explain = format!(
                "The event loop takes promise #{} ({}, state {}) from the ready queue and calls its continuation {} with the frame in rdi.",
                p.id, p.call, r.b, resume
            );
        }
        SiteKind::PollChild => {
            let waker = cx.promise_or_addr(r.b);
            e.explain = format!(
                "{who} polls promise #{} ({}) in place: it calls its poll function with the same waker, that of promise #{} ({}), the top-level task. Ready (0) and the await goes on; Pending (1) and {who} returns Pending too, up the chain of polls to the executor.",
                p.id, p.call, waker.id, waker.call
            );
        }
        SiteKind::Resume => {
            let resume = cx.program.continuation_name(&p);
            e.state_before = Some(r.b as u32);
            e.explain = format!(
                "A task has just completed, so its awaiter, promise #{} ({}, state {}), resumes right here, inside the completion: rt_complete calls its continuation {} with the frame in rdi, before the completing code goes on (C# on one thread).",
                p.id, p.call, r.b, resume
            );
        }
        SiteKind::Complete if cx.program.sites.future && cx.program.frame(&p.owner).is_none() => {
            e.explain = format!(
                "Promise #{} ({}) is done: the waker its poll kept (an awaiter node) puts the top-level task back in the ready queue, and its next poll will find it Ready.",
                p.id, p.call
            );
        }
        SiteKind::Complete if cx.program.sites.future => {
            let result = cx.program.result_text(&p, r.b, cx.value);
            e.explain = format!(
                "Promise #{} ({}) is Ready{result}: its status becomes 1 and its poll returns 0. Nobody is resumed: whoever polled it reads the result and goes on.",
                p.id, p.call
            );
        }
        SiteKind::Complete => {
            let result = cx.program.result_text(&p, r.b, cx.value);
            e.explain = format!(
                "Promise #{} ({}) completes{result}: its status becomes 1, then rt_complete wakes its awaiters in the order they began to wait (each one resumes here or joins the ready queue: the next events say which).",
                p.id, p.call
            );
        }
        SiteKind::Wake => {
            e.explain = format!(
                "Promise #{} ({}) is appended to the ready queue, behind {} waiting promise{}; the event loop will resume it in turn.",
                p.id,
                p.call,
                r.b,
                if r.b == 1 { "" } else { "s" }
            );
        }
        SiteKind::TimerAdvance => {
            e.explain = format!(
                "Nothing is ready, so virtual time jumps from {} ms to {} ms, the earliest timer's deadline, and the timers due then fire.",
                r.a, r.b
            );
        }
        SiteKind::TimerFire => {
            e.explain = format!(
                "Timer promise #{} (due at {} ms) fires: it completes, which wakes its awaiters.",
                p.id, r.b
            );
        }
        SiteKind::TimerSet => {
            e.explain = format!("Task.Delay registers timer promise #{} in the timer heap, due at {} ms of virtual time.", p.id, r.b);
        }
        SiteKind::Syscall => syscall(e, r, cx),
        SiteKind::Fail { name } => {
            e.explain = if name == "deadlock" {
                "Nothing is ready, no timer is pending and Main has not completed: nothing can ever wake it, so the program stops with a deadlock.".to_string()
            } else {
                e.line = own_line(r.a);
                e.exception = Some(exception_class(name));
                let line = match r.a {
                    0 => String::new(),
                    at => format!(" at {}", position(cx, at)),
                };
                format!(
                    "A run-time check failed{line}: the program throws {} and exits.",
                    exception(name)
                )
            };
        }
        SiteKind::Faulted => {
            let (article, name) = exception_named(cx, r.b);
            e.exception = Some(name);
            e.explain = format!(
                "{} leaves {}: promise #{} faults. Its status becomes 2 and it keeps the exception; whoever awaits it gets it thrown at their await.",
                capitalised(&article), p.call, p.id
            );
        }
        SiteKind::Throw => {
            let (article, name) = exception_named(cx, r.b);
            e.exception = Some(name);
            e.line = own_line(r.a);
            e.explain = format!(
                "{} (from {}) is thrown: rt_throw takes the innermost handler record (rt_handler).",
                capitalised(&article),
                position(cx, r.a)
            );
        }
        SiteKind::Catch => {
            let (article, name) = exception_named(cx, r.a);
            e.exception = Some(name);
            let handler = cx
                .program
                .image
                .nearest_symbol(r.b)
                .map_or_else(|| format!("{:#x}", r.b), |(s, _)| s.name.clone());
            e.explain = format!(
                "rt_throw puts back the registers saved in the handler record and jumps to its handler (in {handler}) with {article} in rax."
            );
        }
        SiteKind::Rethrow => {
            let (article, name) = exception_named(cx, r.b);
            e.exception = Some(name);
            let line = match r.a {
                0 => String::new(),
                at => format!(" (first thrown at {})", position(cx, at)),
            };
            e.explain = format!(
                "{}{line} is thrown again, as it was: on to the innermost handler record.",
                capitalised(&article)
            );
        }
        SiteKind::Finally { try_line, exit } => {
            e.explain = format!(
                "The finally block of the try at line {try_line} runs, {}: its code is copied onto every way out of the try, and this copy is that one.",
                exit.words()
            );
        }
        SiteKind::Uncaught => {
            e.line = own_line(r.a);
            let (article, name) = exception_named(cx, r.b);
            e.exception = Some(name);
            let line = if r.a > 0 {
                format!(" (thrown at line {})", r.a)
            } else {
                String::new()
            };
            e.explain = format!(
                "No handler takes {article}{line}: it is unhandled, so the program prints it and exits."
            );
        }
        SiteKind::Create(_) | SiteKind::Allocate(_) => {}
    }
}

/// "a DivideByZeroException" and "System.DivideByZeroException" for the
/// exception class whose vtable is at `vtable`.
fn exception_named(cx: &Context<'_>, vtable: u64) -> (String, String) {
    let name = cx
        .program
        .sites
        .class_name(vtable)
        .unwrap_or("System.Exception")
        .to_string();
    (with_article(&name), name)
}

/// "a DivideByZeroException", "an InvalidOperationException", "a MyError".
pub(crate) fn with_article(class: &str) -> String {
    let bare = class.rsplit('.').next().unwrap_or(class);
    let an = bare.starts_with(['A', 'E', 'I', 'O', 'U']);
    format!("{} {bare}", if an { "an" } else { "a" })
}

/// `System.DivideByZeroException` for the kind `divzero`.
pub(crate) fn exception_class(name: &str) -> String {
    let bare = exception(name).rsplit(' ').next().unwrap_or_default();
    format!("System.{bare}")
}

fn capitalised(s: &str) -> String {
    let mut chars = s.chars();
    chars
        .next()
        .map_or_else(String::new, |c| c.to_uppercase().chain(chars).collect())
}

#[allow(clippy::too_many_arguments)]
fn save_restore(
    e: &mut Event,
    reg: &str,
    place: &Place,
    save: bool,
    who: &str,
    p: &PromiseRef,
    r: &Record,
    cx: &Context<'_>,
) {
    let (addr, where_) = match place {
        Place::Stack => (r.b, "stack".to_string()),
        Place::Frame { offset, name } => (r.b + *offset as u64, format!("frame+{offset} ({name})")),
        Place::Slot { offset, name } => (r.b, format!("slot rbp-{offset} ({name})")),
    };
    e.regs.push(RegTransfer {
        reg: reg.to_string(),
        value: r.a,
        addr,
        place: where_,
    });
    e.explain = match (place, save) {
        (Place::Stack, true) if reg == "rbp" => format!("{} saves the caller's frame pointer rbp ({}) on the stack at {addr:#x}.", e.function, (cx.value)(r.a)),
        (Place::Stack, true) => format!(
            "{} saves callee-saved {reg} ({}) on the stack at {addr:#x}: the System V ABI says a function must give it back unchanged.",
            e.function, (cx.value)(r.a)
        ),
        (Place::Stack, false) => format!("{} restores the caller's {reg} ({}) from the stack at {addr:#x} before returning.", e.function, (cx.value)(r.a)),
        (Place::Frame { offset, name }, true) => {
            format!(
                "Before suspending, {who} saves local `{name}` ({reg} = {}) into its frame (promise #{}) at offset {offset}, because it is needed after the await.",
                (cx.value)(r.a), p.id
            )
        }
        (Place::Frame { offset, name }, false) => {
            format!(
                "After resuming, {who} restores local `{name}` into {reg} ({}) from its frame (promise #{}) at offset {offset}.",
                (cx.value)(r.a), p.id
            )
        }
        (Place::Slot { name, .. }, _) => {
            format!("After resuming, {who} puts local `{name}` ({}) back into its stack slot, copied from its frame (promise #{}).", (cx.value)(r.a), p.id)
        }
    };
}

fn syscall(e: &mut Event, r: &Record, cx: &Context<'_>) {
    let number = r.a & 0xffff;
    let fd = (r.a >> 16) & 0xff;
    if number != 1 {
        e.explain = format!(
            "The program asks the system to exit with code {}.",
            r.b & 0xff
        );
        return;
    }
    let at = (r.a >> 24) as usize;
    let bytes = (1..=2)
        .contains(&fd)
        .then(|| cx.output[fd as usize - 1].get(at..at + r.b as usize))
        .flatten()
        .unwrap_or(&[]);
    let text = String::from_utf8_lossy(bytes).into_owned();
    let stream = if fd == 2 { "stderr" } else { "stdout" };
    e.explain = format!(
        "The program writes {:?} to {stream} with the write system call.",
        text
    );
    e.output = Some(text);
}

fn exception(name: &str) -> &'static str {
    match name {
        "null" => "a NullReferenceException",
        "index" => "an IndexOutOfRangeException",
        "divzero" => "a DivideByZeroException",
        "overflow" => "an OverflowException",
        "oom" => "an OutOfMemoryException",
        "stack" => "a StackOverflowException",
        "cast" => "an InvalidCastException",
        "argument_range" => "an ArgumentOutOfRangeException",
        _ => "an exception",
    }
}

/// The owner name of a promise made at a creation site.
pub(crate) fn owner_of(program: &Program, made: Made) -> String {
    match made {
        Made::Frame(m) => program.frames[m].method.clone(),
        Made::Timer => "Task.Delay".to_string(),
        Made::WhenAll => "Task.WhenAll".to_string(),
        Made::WhenAny => "Task.WhenAny".to_string(),
        Made::FromResult => "Task.FromResult".to_string(),
        Made::Never => "Task.Delay(-1)".to_string(),
    }
}
