//! The narration format (src/lesson.rs, docs/lessons.md): parsing, errors,
//! which note shows when; and every lesson's narration parses and each of
//! its event notes fires in its run.

use flux_viz::lesson::{Lesson, Trigger};
use flux_viz::machine::{EventKind, Machine};
use flux_viz::pipeline;
use std::path::Path;

const SAMPLE: &str = r#"//! title: Two tasks
//! goal: see a poll
//! goal: see a jump
//! Some introduction.
//@ on start: Press a.
//@ on poll Player#1: The first poll
//@   of Player.
//@ on poll Player: Another poll of Player.
//@ on state 1 of Program.Player: State one.
//@ on line 17: On line 17.
//@ on end: Done.
class Program { static void Main() {} }
"#;

#[test]
fn parses_header_and_notes() {
    let lesson = Lesson::parse(SAMPLE).unwrap().unwrap();
    assert_eq!(lesson.title.as_deref(), Some("Two tasks"));
    assert_eq!(lesson.goals, ["see a poll", "see a jump"]);
    assert_eq!(lesson.intro, ["Some introduction."]);
    assert_eq!(lesson.notes.len(), 6);
    assert_eq!(lesson.notes[1].text, "The first poll of Player.");
    assert_eq!(lesson.notes[1].line, 6);
    assert_eq!(
        lesson.notes[1].trigger,
        Trigger::Event {
            kind: EventKind::Poll,
            method: Some("Player".into()),
            state: None,
            nth: Some(1)
        }
    );
    assert_eq!(
        lesson.notes[3].trigger,
        Trigger::Event {
            kind: EventKind::State,
            method: Some("Program.Player".into()),
            state: Some(1),
            nth: None
        }
    );
    assert_eq!(lesson.notes[4].trigger, Trigger::Line(17));
}

#[test]
fn a_file_without_narration_has_no_lesson() {
    assert_eq!(Lesson::parse("// plain comment\nclass A {}\n"), Ok(None));
}

#[test]
fn bad_lines_are_reported_with_their_line() {
    let errors =
        Lesson::parse("//@ on pol Main: x\n//@ continued\n//@ on line x: y\n//@ on poll\n")
            .unwrap_err();
    let lines: Vec<usize> = errors.iter().map(|e| e.line).collect();
    assert_eq!(lines, [1, 2, 3, 4], "line 2 continues no note");
    assert!(errors[0].message.contains("unknown event kind `pol`"));
    let orphan = Lesson::parse("//@ just text\n").unwrap_err();
    assert!(orphan[0].message.contains("must start with `on"));
}

/// The events of a whole run of lesson 04, and the narration along it.
#[test]
fn narration_follows_the_run() {
    let path = Path::new("lessons/04-event-loop.fs");
    let mut machine = Machine::new(pipeline::compile_file(path).unwrap()).unwrap();
    machine.run_to_end().unwrap();
    let events = machine.events();
    let lesson = Lesson::parse(SAMPLE).unwrap().unwrap();
    let text = |icount: u64, line: Option<usize>, ended: bool| {
        lesson
            .narrate(&events, icount, line, ended)
            .map(|n| n.note.text.clone())
    };
    assert_eq!(text(0, None, false).as_deref(), Some("Press a."));
    let polls: Vec<&flux_viz::machine::Event> = events
        .iter()
        .filter(|e| {
            e.kind == EventKind::Poll && e.promise.as_ref().unwrap().owner == "Program.Player"
        })
        .collect();
    assert_ne!(
        text(polls[0].icount, None, false).as_deref(),
        Some("The first poll of Player."),
        "stopped at the poll, it has not happened yet"
    );
    assert_eq!(
        text(polls[0].icount + 1, None, false).as_deref(),
        Some("The first poll of Player.")
    );
    let n = lesson
        .narrate(&events, polls[0].icount + 2, None, false)
        .unwrap();
    assert!(!n.now, "a note from an earlier event is marked as such");
    // Later polls of Player match the note without an occurrence (unless a
    // state-1 event came after them).
    let second = polls[1].icount + 1;
    let shown = text(second, None, false).unwrap();
    assert!(
        shown == "Another poll of Player." || shown == "State one.",
        "{shown}"
    );
    assert_eq!(
        text(second, Some(17), false).as_deref(),
        Some("On line 17.")
    );
    assert_eq!(text(u64::MAX, None, true).as_deref(), Some("Done."));
}

/// The lesson files, in order.
fn lessons() -> Vec<std::path::PathBuf> {
    let mut paths: Vec<_> = std::fs::read_dir("lessons")
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "fs"))
        .collect();
    paths.sort();
    paths
}

/// A lesson compiled for the lowering and model its notes are written for.
fn compiled_for(path: &Path, lesson: &Lesson) -> pipeline::Compiled {
    let target = pipeline::Target {
        lowering: lesson.lowering,
        model: lesson.model,
        ..pipeline::Target::default()
    };
    pipeline::compile_file_with(path, target).unwrap()
}

/// Every lesson's narration parses, every event note fires in its run, and
/// every question of the lesson's own is asked.
#[test]
fn every_lesson_note_parses_and_fires() {
    let paths = lessons();
    assert!(!paths.is_empty());
    for path in paths {
        let text = std::fs::read_to_string(&path).unwrap();
        let lesson = match Lesson::parse(&text) {
            Ok(Some(lesson)) => lesson,
            Ok(None) => continue,
            Err(errors) => panic!("{}: {errors:?}", path.display()),
        };
        let mut machine = Machine::new(compiled_for(&path, &lesson)).unwrap();
        machine.run_to_end().unwrap();
        let events = machine.events();
        // A lesson's own quiz questions: each is asked at some stop.
        for q in &lesson.questions {
            let asked = events.iter().any(|e| {
                lesson
                    .question_for(&events, e, None)
                    .is_some_and(|found| found == q)
            });
            let on_a_line = matches!(q.trigger, Trigger::Line(_));
            assert!(
                asked || on_a_line,
                "{}:{}: the question `{}` is never asked",
                path.display(),
                q.line,
                q.prompt
            );
        }
        for note in &lesson.notes {
            if let Trigger::Event { nth, .. } = &note.trigger {
                let count = events
                    .iter()
                    .filter(|e| note.trigger.matches_event(e))
                    .count();
                assert!(
                    count >= nth.unwrap_or(1),
                    "{}:{}: `{:?}` never happens (matched {count} times)",
                    path.display(),
                    note.line,
                    note.trigger
                );
            }
        }
    }
}

/// Narration is bound to its moment, for every lesson: once an event that
/// triggers an event note has happened (one instruction past it), that note
/// shows (unless a line note wins); once the event that ends its moment has
/// happened (the next event of the same task, or any task moving on: a
/// poll, a state-table jump, a state store, a suspension, a completion) it
/// is gone unless that event triggers it again; the start note shows only
/// until the program's first event.
#[test]
fn every_note_shows_at_its_moment_and_is_gone_after_it() {
    let paths = lessons();
    let mut checked = 0;
    for path in paths {
        let text = std::fs::read_to_string(&path).unwrap();
        let Ok(Some(lesson)) = Lesson::parse(&text) else {
            continue;
        };
        let mut machine = Machine::new(compiled_for(&path, &lesson)).unwrap();
        machine.run_to_end().unwrap();
        let events = machine.events();
        let shown = |icount: u64| {
            lesson
                .narrate(&events, icount, None, false)
                .map(|n| n.note.line)
        };
        if let Some(start) = lesson.notes.iter().find(|n| n.trigger == Trigger::Start) {
            assert_eq!(
                shown(0),
                Some(start.line),
                "{}: start note at 0",
                path.display()
            );
            let first = events[0].icount;
            assert_ne!(
                shown(first + 1),
                Some(start.line),
                "{}: start note after the start",
                path.display()
            );
        }
        let mut seen = vec![0usize; lesson.notes.len()];
        for (i, event) in events.iter().enumerate() {
            // The note this very event triggers (a `#K` note for this
            // occurrence wins), as the format says.
            let mut fired = None;
            for (n, note) in lesson.notes.iter().enumerate() {
                if note.trigger.matches_event(event) {
                    seen[n] += 1;
                    let fits = match &note.trigger {
                        Trigger::Event { nth, .. } => nth.is_none_or(|k| k == seen[n]),
                        _ => false,
                    };
                    let better = fired.is_none_or(|f: &flux_viz::lesson::Note| {
                        matches!(f.trigger, Trigger::Event { nth: None, .. })
                            && matches!(note.trigger, Trigger::Event { nth: Some(_), .. })
                    });
                    if fits && better {
                        fired = Some(note);
                    }
                }
            }
            let Some(note) = fired else { continue };
            let later_same_icount = events[i + 1..].iter().any(|e| e.icount == event.icount);
            if later_same_icount {
                continue; // another event at the same instruction decides
            }
            assert_eq!(
                shown(event.icount + 1),
                Some(note.line),
                "{}: at {}",
                path.display(),
                event.icount
            );
            let end = events[i + 1..].iter().find(|later| {
                let same_task = match (&event.promise, &later.promise) {
                    (Some(a), Some(b)) => a.id == b.id,
                    (None, None) => event.function == later.function,
                    _ => false,
                };
                same_task
                    || matches!(
                        later.kind,
                        EventKind::Poll
                            | EventKind::Jump
                            | EventKind::State
                            | EventKind::Suspend
                            | EventKind::Complete
                    )
            });
            if let Some(end) = end {
                let again = lesson
                    .notes
                    .iter()
                    .any(|n| n.line == note.line && n.trigger.matches_event(end));
                if !again {
                    assert_ne!(
                        shown(end.icount + 1),
                        Some(note.line),
                        "{}:{}: the note outlives its moment (still shown at {})",
                        path.display(),
                        note.line,
                        end.icount
                    );
                }
            }
            checked += 1;
        }
    }
    assert!(checked >= 10, "{checked} notes checked");
}
