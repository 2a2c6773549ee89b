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
    let (event, line) = look_ahead(session, |session| {
        let event = run_ahead(session);
        let main_file = session.main_file;
        let line = session
            .machine
            .current_line()
            .filter(|(f, _)| *f == main_file)
            .map(|(_, l)| l);
        (event, line)
    })?;
    let (event, landing) = event?;
    let (prompt, choices) = lesson_choices(session, &event, line)
        .or_else(|| match event.kind {
            EventKind::Poll => promise_choices(session, &event),
            EventKind::State => state_choices(session, &event),
            EventKind::Output => output_choices(session, &event),
            _ => None,
        })
        .or_else(|| kind_choices(session, &event))?;
    Some(Question::new(prompt, choices, event.explain, landing))
}

/// The question for `s` from here: which value a register the next
/// instruction writes will hold (the choices: its value now and what the
/// other registers hold now). `None` when the instruction writes no
/// general register (a store, a jump) or the program has ended.
pub fn ask_step(session: &mut Session) -> Option<Question> {
    let pc = session.pc_index()?;
    let text = session.image().map[pc].text.clone();
    let before = session.machine.registers();
    let (stepped, after) = look_ahead(session, |session| {
        (session.step(), session.machine.registers())
    })?;
    stepped.ok()?;
    let (name, new, old) = after
        .iter()
        .zip(&before)
        .find(|(a, b)| a.value != b.value && is_general(a.name))
        .map(|(a, b)| (a.name, a.value, b.value))?;
    let shown = |v: u64| session.machine.format_value(v);
    let others = std::iter::once(old)
        .chain(
            before
                .iter()
                .filter(|r| is_general(r.name))
                .map(|r| r.value),
        )
        .map(|v| (shown(v), shown(v)));
    let choices = distinct((shown(new), shown(new)), others)?;
    let prompt = format!("`{text}` runs next. What does {name} hold after it?");
    let explain = format!("{name} was {}", shown(old));
    Some(Question::new(
        prompt,
        choices,
        explain,
        session.machine.icount() + 1,
    ))
}

impl Question {
    /// A question whose right answer is `choices[0]`, the choices turned so
    /// it is not always first (by the landing point: the same moment always
    /// asks the same way).
    fn new(prompt: String, mut choices: Vec<String>, explain: String, landing: u64) -> Question {
        let answer = (landing % choices.len() as u64) as usize;
        choices.rotate_right(answer);
        Question {
            prompt,
            choices,
            answer,
            explain,
            landing,
        }
    }
}

/// Runs `go`, which travels forward, then comes back to this instruction
/// as if nothing happened: the Registers pane's change marks stay those of
/// the student's last motion (nothing on screen may give an answer away).
/// `None` when the way back fails.
fn look_ahead<R>(session: &mut Session, go: impl FnOnce(&mut Session) -> R) -> Option<R> {
    let now = session.machine.icount();
    let marks = session.machine.change_marks();
    let result = go(session);
    let back = session.machine.goto(now);
    session.machine.restore_change_marks(marks);
    back.ok().map(|_| result)
}

/// The registers a student reads values in (not rip, the flags, xmm).
fn is_general(name: &str) -> bool {
    !matches!(name, "rip" | "rflags") && !name.starts_with("xmm")
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

/// A prompt and its choices, the right one first.
type Choices = (String, Vec<String>);

/// The right choice, then up to three of `others` that differ from it and
/// from each other by key (the text a student reads may name one thing two
/// ways); `None` with no alternative at all.
fn distinct<K: PartialEq>(
    right: (K, String),
    others: impl IntoIterator<Item = (K, String)>,
) -> Option<Vec<String>> {
    let mut keys = vec![right.0];
    let mut choices = vec![right.1];
    for (key, choice) in others {
        if choices.len() < 4 && !keys.contains(&key) {
            keys.push(key);
            choices.push(choice);
        }
    }
    (choices.len() >= 2).then_some(choices)
}

/// The lesson's own question for that stop (`//? on TRIGGER: …`), if any.
fn lesson_choices(session: &Session, event: &Event, line: Option<usize>) -> Option<Choices> {
    let lesson = session.lesson.as_ref()?;
    let q = lesson.question_for(session.lesson_events(), event, line)?;
    Some((q.prompt.clone(), q.choices.clone()))
}

/// A poll: which promise leaves the ready queue (the choices: the promises
/// pending now, the queue's first; one promise once, by its number).
fn promise_choices(session: &Session, event: &Event) -> Option<Choices> {
    let polled = event.promise.as_ref()?;
    let m = &session.machine;
    let queued = m.ready_queue().into_iter().map(|p| (p.id, p.call));
    let pending = m
        .promises()
        .into_iter()
        .filter(|p| !p.completed)
        .map(|p| (p.promise.id, p.promise.call));
    let label = |(id, call): (usize, String)| (id, format!("#{id} {call}"));
    let right = label((polled.id, polled.call.clone()));
    let choices = distinct(right, queued.chain(pending).map(label))?;
    let prompt = "The event loop polls next. Which promise does it take off the ready queue?";
    Some((prompt.into(), choices))
}

/// A state store: which state the frame keeps (the choices: the start and
/// the states of its method).
fn state_choices(session: &Session, event: &Event) -> Option<Choices> {
    let to = event.state_after?;
    let owner = &event.promise.as_ref()?.owner;
    let layout = session.machine.program().frame(owner)?;
    let label = |id: u32| (id, format!("state {id}"));
    // State 0 is the start: a frame never goes back there, a fair trap.
    let states = std::iter::once(0).chain(layout.states.iter().map(|s| s.id));
    let choices = distinct(label(to), states.map(label))?;
    let prompt = format!(
        "{} stores where it will resume. Which state?",
        event.function
    );
    Some((prompt, choices))
}

/// An output: what the program prints (the choices: lines it printed before).
fn output_choices(session: &Session, event: &Event) -> Option<Choices> {
    let text = event.output.as_ref()?.trim_end().to_string();
    let printed = String::from_utf8_lossy(session.machine.stdout()).into_owned();
    let lines = printed
        .lines()
        .rev()
        .map(|l| l.trim_end().to_string())
        .filter(|l| !l.is_empty())
        .map(|l| (l.clone(), l));
    let choices = distinct((text.clone(), text), lines)?;
    Some(("What does the program print next?".into(), choices))
}

/// Any other event: which kind comes next (the choices: the kinds of event
/// this run has that `a` stops at).
fn kind_choices(session: &Session, event: &Event) -> Option<Choices> {
    let kinds = session
        .events
        .kinds()
        .iter()
        .filter(|&&k| session.stops.1.contains(k))
        .map(|&k| (k, k.name().to_string()));
    let choices = distinct((event.kind, event.kind.name().to_string()), kinds)?;
    Some(("Which event comes next?".into(), choices))
}
