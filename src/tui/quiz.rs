//! Predict the next step (`Q`, `--quiz`): before `a` moves, the UI asks
//! what the motion will find (before `s`, what a register will hold), with
//! choices drawn from the real alternatives of this moment, and keeps a
//! score.
//!
//! In: the session at a stop. Out: a [`Question`] whose answer is a fact of
//! the run: the machine runs ahead to the stop `a` would reach, takes that
//! event (its kind, the promise a poll takes, the state a frame stores, the
//! bytes an output writes), and goes back (the history makes that exact).
//! The choices are the lesson's own (`//? on TRIGGER: question | right |
//! wrong…`, see docs/lessons.md) where it has one for that stop, else the
//! promises pending now, the states of the method, the lines already
//! printed, the kinds of event this run has.

use super::session::Session;
use crate::machine::{Event, EventKind, Progress};

/// At most this many slices of running ahead (a few milliseconds): a
/// question is not worth a wait with the keys unread (the motion then runs
/// as usual, in slices).
const MAX_SLICES: usize = 4;

/// One question about the next stop.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Question {
    pub prompt: String,
    pub choices: Vec<String>,
    /// The index of the right choice.
    pub answer: usize,
    /// Said after the answer: the event as the machine explains it.
    pub explain: String,
    /// Where `a` stops (the motion the answer lets happen).
    pub landing: u64,
}

/// Right answers out of questions asked.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Score {
    pub right: u32,
    pub asked: u32,
}

/// The question for `a` from here, or `None` when there is nothing to ask
/// (the end is next, the next stop is far, too few alternatives).
pub fn ask(session: &mut Session) -> Option<Question> {
    let now = session.machine.icount();
    // Nothing on screen may give the answer away: the Registers pane's
    // change marks stay those of the student's last motion.
    let marks = session.machine.change_marks();
    let event = run_ahead(session);
    let main_file = session.main_file;
    let line = session
        .machine
        .current_line()
        .filter(|(f, _)| *f == main_file)
        .map(|(_, l)| l);
    let back = session.machine.goto(now);
    session.machine.restore_change_marks(marks);
    back.ok()?;
    let (event, landing) = event?;
    let (prompt, choices, answer) = lesson_choices(session, &event, line)
        .or_else(|| match event.kind {
            EventKind::Poll => promise_choices(session, &event),
            EventKind::State => state_choices(session, &event),
            EventKind::Output => output_choices(session, &event),
            _ => None,
        })
        .or_else(|| kind_choices(session, &event))?;
    let (choices, answer) = rotated(choices, answer, landing);
    Some(Question {
        prompt,
        choices,
        answer,
        explain: event.explain,
        landing,
    })
}

/// The question for `s` from here: which value a register the next
/// instruction writes will hold (the choices: its value now and what the
/// other registers hold now). `None` when the instruction writes no
/// general register (a store, a jump) or the program has ended.
pub fn ask_step(session: &mut Session) -> Option<Question> {
    let now = session.machine.icount();
    let pc = session.pc_index()?;
    let text = session.image().map[pc].text.clone();
    let marks = session.machine.change_marks();
    let before = session.machine.registers();
    let stepped = session.step();
    let after = session.machine.registers();
    let written = after
        .iter()
        .zip(&before)
        .find(|(a, b)| a.value != b.value && is_general(a.name))
        .map(|(a, b)| (a.name, a.value, b.value));
    let back = session.machine.goto(now);
    session.machine.restore_change_marks(marks);
    back.ok()?;
    stepped.ok()?;
    let (name, new, old) = written?;
    let shown = |v: u64| session.machine.format_value(v);
    let mut choices = vec![shown(new)];
    let others = std::iter::once(old).chain(
        before
            .iter()
            .filter(|r| is_general(r.name))
            .map(|r| r.value),
    );
    for value in others {
        let choice = shown(value);
        if choices.len() < 4 && !choices.contains(&choice) {
            choices.push(choice);
        }
    }
    if choices.len() < 2 {
        return None;
    }
    let (choices, answer) = rotated(choices, 0, now + 1);
    Some(Question {
        prompt: format!("`{text}` runs next. What does {name} hold after it?"),
        choices,
        answer,
        explain: format!("{name} was {}", shown(old)),
        landing: now + 1,
    })
}

/// The registers a student reads values in (not rip, the flags, xmm).
fn is_general(name: &str) -> bool {
    matches!(
        name,
        "rax"
            | "rbx"
            | "rcx"
            | "rdx"
            | "rsi"
            | "rdi"
            | "rbp"
            | "rsp"
            | "r8"
            | "r9"
            | "r10"
            | "r11"
            | "r12"
            | "r13"
            | "r14"
            | "r15"
    )
}

/// Runs to the stop `a` would reach; its event and instruction count.
fn run_ahead(session: &mut Session) -> Option<(Event, u64)> {
    // Through the session, so the events run past are indexed (a lesson
    // question counts occurrences among them).
    let mut progress = session.next_event().ok()?;
    for _ in 0..MAX_SLICES {
        if let Progress::Done(_) = progress {
            break;
        }
        progress = session.proceed().ok()?;
    }
    if let Progress::Running = progress {
        session.interrupt();
        return None;
    }
    let landing = session.machine.icount();
    let event = session
        .machine
        .last_event()
        .filter(|e| e.icount == landing)?;
    (session.machine.ended().is_none()).then_some((event, landing))
}

type Choices = (String, Vec<String>, usize);

/// The lesson's own question for that stop (`//? on TRIGGER: …`), if any.
fn lesson_choices(session: &Session, event: &Event, line: Option<usize>) -> Option<Choices> {
    let lesson = session.lesson.as_ref()?;
    let q = lesson.question_for(session.lesson_events(), event, line)?;
    Some((q.prompt.clone(), q.choices.clone(), 0))
}

/// A poll: which promise leaves the ready queue (the choices: the promises
/// pending now, the queue's first).
fn promise_choices(session: &Session, event: &Event) -> Option<Choices> {
    let polled = event.promise.as_ref()?;
    let m = &session.machine;
    let mut candidates: Vec<(usize, String)> = m
        .ready_queue()
        .into_iter()
        .map(|p| (p.id, p.call))
        .collect();
    for p in m.promises() {
        if !p.completed {
            candidates.push((p.promise.id, p.promise.call.clone()));
        }
    }
    let mut choices = vec![format!("#{} {}", polled.id, polled.call)];
    let mut ids = vec![polled.id];
    for (id, call) in candidates {
        if choices.len() < 4 && !ids.contains(&id) {
            ids.push(id);
            choices.push(format!("#{id} {call}"));
        }
    }
    (choices.len() >= 2).then(|| {
        (
            "The event loop polls next. Which promise does it take off the ready queue?".into(),
            choices,
            0,
        )
    })
}

/// A state store: which state the frame keeps (the choices: the start and
/// the states of its method).
fn state_choices(session: &Session, event: &Event) -> Option<Choices> {
    let to = event.state_after?;
    let owner = &event.promise.as_ref()?.owner;
    let layout = session.machine.program().frame(owner)?;
    let mut choices = vec![format!("state {to}")];
    // State 0 is the start: a frame never goes back there, a fair trap.
    let states = std::iter::once(0).chain(layout.states.iter().map(|s| s.id));
    for id in states {
        let choice = format!("state {id}");
        if choices.len() < 4 && !choices.contains(&choice) {
            choices.push(choice);
        }
    }
    (choices.len() >= 2).then(|| {
        (
            format!(
                "{} stores where it will resume. Which state?",
                event.function
            ),
            choices,
            0,
        )
    })
}

/// An output: what the program prints (the choices: lines it printed before).
fn output_choices(session: &Session, event: &Event) -> Option<Choices> {
    let text = event.output.as_ref()?.trim_end().to_string();
    let printed = String::from_utf8_lossy(session.machine.stdout()).into_owned();
    let mut choices = vec![text];
    for line in printed.lines().rev() {
        let line = line.trim_end().to_string();
        if choices.len() < 4 && !line.is_empty() && !choices.contains(&line) {
            choices.push(line);
        }
    }
    (choices.len() >= 2).then(|| ("What does the program print next?".into(), choices, 0))
}

/// Any other event: which kind comes next (the choices: the kinds of event
/// this run has that `a` stops at).
fn kind_choices(session: &Session, event: &Event) -> Option<Choices> {
    let mut choices = vec![event.kind.name().to_string()];
    for &kind in session.events.kinds() {
        let name = kind.name().to_string();
        if choices.len() < 4 && session.stops.1.contains(kind) && !choices.contains(&name) {
            choices.push(name);
        }
    }
    (choices.len() >= 2).then(|| ("Which event comes next?".into(), choices, 0))
}

/// The choices turned so the right one is not always first (by the landing
/// point: the same moment always asks the same way).
fn rotated(mut choices: Vec<String>, answer: usize, landing: u64) -> (Vec<String>, usize) {
    let by = (landing % choices.len() as u64) as usize;
    choices.rotate_right(by);
    let answer = (answer + by) % choices.len();
    (choices, answer)
}
