//! Lesson narration: a title, goals and notes written as comments in a `.fs`
//! file, attached to moments of the run (see docs/lessons.md).
//!
//! In: the text of a Flux# file. Out: a [`Lesson`] (title, goals, intro and
//! [`Note`]s with their [`Trigger`]s), or the lines that could not be read.
//! [`Lesson::narrate`] picks the note for a position from the run's events;
//! nothing here needs the UI, so the format is tested on its own.
//!
//! ```text
//! //! title: Two tasks and the event loop
//! //! goal: see the event loop pop a promise off the ready queue
//! //! Any other `//!` line is introduction text.
//! //@ on start: Press `a` to run to the next async event.
//! //@ on poll Twice#1: The event loop takes Twice's promise off the ready
//! //@   queue (a `//@` line without `on` continues the note above).
//! //@ on state 2 of Main: Main's frame now says "continue after the 2nd await".
//! //@ on line 12: this note shows while the CPU is on line 12.
//! //@ on end: The program has exited.
//! ```
//!
//! `//! lowering: stackful` says which lowering the notes are written for
//! (`table` when absent), and `//! model: rust` which execution model
//! (`csharp` when absent): the lesson opens in them, and under others the
//! notes do not show, as they would tell of code that is not there.

use crate::machine::{Event, EventKind, KindSet};
use crate::pipeline::{Lowering, Model};

/// A lesson read from a file's comments.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Lesson {
    pub title: Option<String>,
    pub goals: Vec<String>,
    /// `//!` lines that are neither a title nor a goal.
    pub intro: Vec<String>,
    pub notes: Vec<Note>,
    /// `//? on TRIGGER: prompt | right | wrong…`: the lesson's own questions
    /// for predict-the-next-step (asked before `a` reaches the trigger).
    pub questions: Vec<LessonQuestion>,
    /// `//! stops: save, restore, output`: the event kinds `a` and `B` stop
    /// at in this lesson (the UI's default when absent).
    pub stops: Option<KindSet>,
    /// `//! lowering: stackful`: the lowering the notes are written for
    /// (the lesson opens in it; under another, its notes do not show).
    pub lowering: Lowering,
    /// `//! model: rust`: the execution model the notes are written for
    /// (`csharp` when absent), as `lowering`.
    pub model: Model,
}

/// Text shown when its trigger happens.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Note {
    pub trigger: Trigger,
    pub text: String,
    /// The line of the file where the note is written (1-based).
    pub line: usize,
}

/// A question a lesson asks before `a` reaches its trigger's moment.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LessonQuestion {
    pub trigger: Trigger,
    pub prompt: String,
    /// The right answer first (the UI shuffles them), 2 to 4 in all.
    pub choices: Vec<String>,
    /// The line of the file where it is written (1-based).
    pub line: usize,
}

/// When a note shows.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Trigger {
    /// Before the first instruction.
    Start,
    /// Once the program has ended.
    End,
    /// While the CPU is on this line of the lesson file.
    Line(usize),
    /// At an event: its kind, the async method it concerns (matched by its
    /// last name, `Twice` for `Program.Twice`), the state entered (`state N of
    /// M`) and which occurrence (1-based; `None`: every one).
    Event {
        kind: EventKind,
        method: Option<String>,
        state: Option<u32>,
        nth: Option<usize>,
    },
}

/// A line that could not be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LessonError {
    pub line: usize,
    pub message: String,
}

/// Where the narration stands: the note to show and whether it is about the
/// current instruction (`now`) or an earlier moment.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Narration<'a> {
    pub note: &'a Note,
    pub now: bool,
}

impl Lesson {
    /// Reads the narration comments of a file (`None` if it has none).
    pub fn parse(text: &str) -> Result<Option<Lesson>, Vec<LessonError>> {
        let mut lesson = Lesson::default();
        let mut errors = Vec::new();
        let mut any = false;
        for (i, raw) in text.lines().enumerate() {
            let line = raw.trim_start();
            let number = i + 1;
            let result = if let Some(rest) = line.strip_prefix("//!") {
                lesson.header_line(rest.trim())
            } else if let Some(rest) = line.strip_prefix("//?") {
                lesson.question_line(rest.trim(), number)
            } else if let Some(rest) = line.strip_prefix("//@") {
                lesson.note_line(rest.trim(), number)
            } else {
                continue;
            };
            any = true;
            if let Err(message) = result {
                errors.push(LessonError {
                    line: number,
                    message,
                });
            }
        }
        match (errors.is_empty(), any) {
            (false, _) => Err(errors),
            (true, false) => Ok(None),
            (true, true) => Ok(Some(lesson)),
        }
    }

    fn header_line(&mut self, text: &str) -> Result<(), String> {
        if let Some(title) = text.strip_prefix("title:") {
            self.title = Some(title.trim().to_string());
        } else if let Some(goal) = text.strip_prefix("goal:") {
            self.goals.push(goal.trim().to_string());
        } else if let Some(kinds) = text.strip_prefix("stops:") {
            self.stops = Some(KindSet::parse(kinds)?);
        } else if let Some(name) = text.strip_prefix("lowering:") {
            let name = name.trim();
            self.lowering = [Lowering::Table, Lowering::Direct, Lowering::Stackful]
                .into_iter()
                .find(|l| l.name() == name)
                .ok_or_else(|| format!("unknown lowering `{name}` (table, direct or stackful)"))?;
        } else if let Some(name) = text.strip_prefix("model:") {
            let name = name.trim();
            self.model = [Model::Csharp, Model::Rust]
                .into_iter()
                .find(|m| m.name() == name)
                .ok_or_else(|| format!("unknown model `{name}` (csharp or rust)"))?;
        } else {
            self.intro.push(text.to_string());
        }
        Ok(())
    }

    /// `on poll Player#1: Which frame is polled first? | ping's | pong's`.
    fn question_line(&mut self, text: &str, line: usize) -> Result<(), String> {
        let (trigger, body) = text
            .strip_prefix("on ")
            .and_then(|rest| rest.split_once(':'))
            .ok_or("a `//?` line is `on TRIGGER: question | right answer | wrong answer…`")?;
        let trigger = Trigger::parse(trigger.trim())?;
        if matches!(trigger, Trigger::Start | Trigger::End) {
            return Err(
                "a question's trigger is an event or a line: `a` asks it before getting there"
                    .into(),
            );
        }
        let mut parts = body.split('|').map(str::trim);
        let prompt = parts.next().unwrap_or_default().to_string();
        let choices: Vec<String> = parts.map(str::to_string).collect();
        if prompt.is_empty()
            || !(2..=4).contains(&choices.len())
            || choices.iter().any(String::is_empty)
        {
            return Err("a question needs its text and 2 to 4 answers, the right one first: `Q? | right | wrong`".into());
        }
        self.questions.push(LessonQuestion {
            trigger,
            prompt,
            choices,
            line,
        });
        Ok(())
    }

    /// The lesson's question for the stop `a` reaches at `landing` (the
    /// next event; `events` the run's; `line` the CPU's line there).
    pub fn question_for(
        &self,
        events: &[Event],
        landing: &Event,
        line: Option<usize>,
    ) -> Option<&LessonQuestion> {
        self.questions.iter().find(|q| match &q.trigger {
            Trigger::Line(l) => line == Some(*l),
            trigger if trigger.matches_event(landing) => {
                let occurrence = 1 + events
                    .iter()
                    .take_while(|e| e.icount < landing.icount)
                    .filter(|e| trigger.matches_event(e))
                    .count();
                trigger.nth().is_none_or(|n| n == occurrence)
            }
            _ => false,
        })
    }

    fn note_line(&mut self, text: &str, line: usize) -> Result<(), String> {
        let Some(rest) = text.strip_prefix("on ") else {
            let last = self
                .notes
                .last_mut()
                .ok_or("a `//@` line must start with `on TRIGGER:`")?;
            join(&mut last.text, text);
            return Ok(());
        };
        let (trigger, body) = rest
            .split_once(':')
            .ok_or("expected `:` after the trigger")?;
        self.notes.push(Note {
            trigger: Trigger::parse(trigger.trim())?,
            text: body.trim().to_string(),
            line,
        });
        Ok(())
    }

    /// The note for a position: a line note for the current line wins, then
    /// the end, then the latest event note whose moment is not over yet, then
    /// the start note while the program has not started (before its first
    /// event). `events` are the run's events in order.
    ///
    /// An event note shows once its event has happened (the CPU is past the
    /// event's instruction: stopped *at* it, the event is only next). Its
    /// moment is over at the next event of the same task (the same promise;
    /// for an event without one, the same function), or when any task moves
    /// on: the next poll, state-table jump, state store, suspension or
    /// completion.
    pub fn narrate(
        &self,
        events: &[Event],
        icount: u64,
        line: Option<usize>,
        ended: bool,
    ) -> Option<Narration<'_>> {
        let now = |note| Some(Narration { note, now: true });
        if let Some(note) = line.and_then(|l| self.find(|t| *t == Trigger::Line(l))) {
            return now(note);
        }
        if ended {
            if let Some(note) = self.find(|t| *t == Trigger::End) {
                return now(note);
            }
        }
        if let Some((at, note)) = self.last_event_note(events, icount) {
            return Some(Narration {
                note,
                now: at + 1 == icount,
            });
        }
        let started = events.first().is_some_and(|e| e.icount < icount);
        if started {
            return None;
        }
        self.find(|t| *t == Trigger::Start)
            .map(|note| Narration { note, now: true })
    }

    /// Is the moment of `event` over by the later event `later`?
    fn moment_over(event: &Event, later: &Event) -> bool {
        let same_task = match (&event.promise, &later.promise) {
            (Some(a), Some(b)) => a.id == b.id,
            (None, None) => event.function == later.function,
            _ => false,
        };
        same_task || later.kind.moves_a_task()
    }

    fn find(&self, wanted: impl Fn(&Trigger) -> bool) -> Option<&Note> {
        self.notes.iter().find(|n| wanted(&n.trigger))
    }

    /// The last (icount, note) matched by an event before `icount` (one
    /// that has happened), if its moment is not over.
    fn last_event_note(&self, events: &[Event], icount: u64) -> Option<(u64, &Note)> {
        let mut seen = vec![0usize; self.notes.len()];
        let mut last: Option<(&Event, &Note)> = None;
        for event in events.iter().take_while(|e| e.icount < icount) {
            if last.is_some_and(|(at, _)| Lesson::moment_over(at, event)) {
                last = None;
            }
            // At one event a note for this very occurrence (`#K`) wins over
            // a note for every occurrence; then the first written.
            let mut best: Option<&Note> = None;
            for (i, note) in self.notes.iter().enumerate() {
                if !note.trigger.matches_event(event) {
                    continue;
                }
                seen[i] += 1;
                let fits = note.trigger.nth().is_none_or(|n| n == seen[i]);
                let better =
                    best.is_none_or(|b| b.trigger.nth().is_none() && note.trigger.nth().is_some());
                if fits && better {
                    best = Some(note);
                }
            }
            if let Some(note) = best {
                last = Some((event, note));
            }
        }
        last.map(|(event, note)| (event.icount, note))
    }
}

impl Trigger {
    /// Parses `start`, `end`, `line 12`, `poll Twice#1`, `state 2 of Main`, `timer`.
    pub fn parse(text: &str) -> Result<Trigger, String> {
        let (body, nth) = match text.rsplit_once('#') {
            Some((body, n)) => (body.trim(), Some(parse_number(n, "occurrence")?)),
            None => (text, None),
        };
        let words: Vec<&str> = body.split_whitespace().collect();
        match words.as_slice() {
            ["start"] => Ok(Trigger::Start),
            ["end"] => Ok(Trigger::End),
            ["line", n] => Ok(Trigger::Line(parse_number(n, "line")?)),
            ["state", n, "of", method] => Ok(Trigger::Event {
                kind: EventKind::State,
                method: Some(method.to_string()),
                state: Some(parse_number(n, "state")? as u32),
                nth,
            }),
            [kind] | [kind, _] => Ok(Trigger::Event {
                kind: event_kind(kind)?,
                method: words.get(1).map(|m| m.to_string()),
                state: None,
                nth,
            }),
            _ => Err(format!(
                "cannot read the trigger `{text}` (try `poll Twice#1`, `state 2 of Main`, `line 12`, `start`, `end`)"
            )),
        }
    }

    fn nth(&self) -> Option<usize> {
        match self {
            Trigger::Event { nth, .. } => *nth,
            _ => None,
        }
    }

    /// Does `event` match (ignoring which occurrence it is)?
    pub fn matches_event(&self, event: &Event) -> bool {
        let Trigger::Event {
            kind,
            method,
            state,
            ..
        } = self
        else {
            return false;
        };
        let owner = event.promise.as_ref().map(|p| p.owner.as_str());
        *kind == event.kind
            && method
                .as_deref()
                .is_none_or(|m| owner.is_some_and(|o| same_method(o, m)))
            && state.is_none_or(|s| event.state_after == Some(s))
    }
}

/// `Program.Twice` is named `Twice` or `Program.Twice`.
fn same_method(owner: &str, name: &str) -> bool {
    owner == name || owner.rsplit('.').next() == Some(name)
}

fn event_kind(word: &str) -> Result<EventKind, String> {
    EventKind::ALL
        .iter()
        .copied()
        .filter(|k| !matches!(k, EventKind::Insn | EventKind::Line))
        .find(|k| k.name() == word)
        .ok_or_else(|| format!("unknown event kind `{word}`"))
}

fn parse_number(text: &str, what: &str) -> Result<usize, String> {
    text.trim()
        .parse()
        .map_err(|_| format!("expected a {what} number, found `{}`", text.trim()))
}

fn join(text: &mut String, more: &str) {
    if !text.is_empty() && !more.is_empty() {
        text.push(' ');
    }
    text.push_str(more);
}

/// Narration is on by default for files in a `lessons` directory.
pub fn is_lesson_path(path: &std::path::Path) -> bool {
    path.parent()
        .and_then(|p| p.file_name())
        .is_some_and(|d| d == "lessons")
}
