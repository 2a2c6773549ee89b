//! `--lowering direct` against the default `table` (issue 17): the same
//! program makes the same events either way — every lesson and every async
//! program of tests/programs, event by event (kind, function, promise,
//! states, output) — while the code differs where it should: a dispatch of
//! one `jmp [r15+32]` and no state table, and state stores of addresses.
//! In the UI, `L` switches and stays at the same event. (That every
//! program prints what mono prints under `direct` is tests/fourway.rs.)

#[path = "oracle/mod.rs"]
mod oracle;

use flux_viz::machine::{trace, EventKind, KindSet};
use flux_viz::pipeline::{self, Lowering, Target};
use flux_viz::tui::app::{Action, App};
use flux_viz::tui::theme::Theme;
use std::path::{Path, PathBuf};

fn direct() -> Target {
    Target {
        lowering: Lowering::Direct,
        ..Target::default()
    }
}

/// Lesson 04 in the UI, compiled for `target`, on a `width`×`height` screen.
fn lesson_04(target: Target, width: u16, height: u16) -> App {
    let mut app = App::open(
        Path::new("lessons/04-event-loop.fs"),
        target,
        true,
        Theme::plain(),
    );
    app.apply(Action::Resize { width, height });
    app
}

/// The events of a run as facts that must not depend on the lowering.
fn events(path: &Path, target: Target) -> Vec<String> {
    let compiled = pipeline::compile_file_with(path, target)
        .unwrap_or_else(|f| panic!("{}: {}", path.display(), f.render()));
    let mut out = Vec::new();
    trace::trace(
        compiled,
        KindSet::parse("all").unwrap(),
        true,
        50_000_000,
        &mut out,
    )
    .unwrap_or_else(|_| panic!("{} traces", path.display()));
    String::from_utf8(out)
        .unwrap()
        .lines()
        .map(|line| {
            let e: serde_json::Value = serde_json::from_str(line).unwrap();
            format!(
                "{} {} {} {} {} {}",
                e["kind"],
                e["function"],
                e["promise"]["id"],
                e["state_before"],
                e["state_after"],
                e["output"]
            )
        })
        .collect()
}

/// Every async program of tests/programs and every lesson.
fn async_programs() -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = oracle::programs_in(Path::new("tests/programs"), "fs")
        .into_iter()
        .filter(|p| {
            p.file_name()
                .unwrap()
                .to_string_lossy()
                .starts_with("async_")
        })
        .collect();
    files.extend(oracle::programs_in(Path::new("lessons"), "fs"));
    files
}

#[test]
fn both_lowerings_make_the_same_events() {
    let files = async_programs();
    assert!(files.len() >= 40, "only {} programs", files.len());
    for file in &files {
        let table = events(file, Target::default());
        let direct = events(file, direct());
        assert!(!table.is_empty(), "{}", file.display());
        if let Some(i) = (0..table.len().max(direct.len())).find(|&i| table.get(i) != direct.get(i))
        {
            panic!(
                "{}: event {i} differs:\n  table:  {:?}\n  direct: {:?}",
                file.display(),
                table.get(i),
                direct.get(i)
            );
        }
    }
}

/// The events of a run that a stackful task shares with a state machine:
/// no state stores and no register saves of resume functions, and its
/// jumps are the context switch's (the kinds of the async story, the
/// promises, the output).
fn task_events(path: &Path, target: Target) -> Vec<String> {
    events(path, target)
        .into_iter()
        .filter(|e| {
            // (A state machine's `finally` that starts with `await
            // Task.Yield()` begins with the state store, whose State event
            // takes that instruction's one role: its Finally event is not
            // seen, a stackful task's is. Left out until sites can hold two.)
            ![
                "\"state\"",
                "\"jump\"",
                "\"save\"",
                "\"restore\"",
                "\"finally\"",
            ]
            .iter()
            .any(|k| e.starts_with(&format!("{k} ")))
        })
        .map(|e| {
            // kind, function, promise, …: the function of a suspension is the
            // resume function or the fiber body; keep the kind, the promise
            // and the output.
            let words: Vec<&str> = e.splitn(6, ' ').collect();
            format!("{} {} {}", words[0], words[2], words[5])
        })
        .collect::<Vec<_>>()
        .into_iter()
        .fold(Vec::new(), yield_queues_then_suspends)
}

/// `await Task.Yield()` in a state machine suspends by a tail call into
/// rt_enqueue (the suspension, then the wake); a stackful task queues
/// itself and then switches stacks. Both orders say the same.
fn yield_queues_then_suspends(mut events: Vec<String>, event: String) -> Vec<String> {
    let promise = |e: &str| e.split(' ').nth(1).map(str::to_string);
    let swap = event.starts_with("\"wake\"")
        && events.last().is_some_and(|last| {
            last.starts_with("\"suspend\"") && promise(last) == promise(&event)
        });
    if swap {
        let suspend = events.pop().expect("the suspension");
        events.push(event);
        events.push(suspend);
    } else {
        events.push(event);
    }
    events
}

#[test]
fn stackful_tasks_make_the_same_events_as_state_machines() {
    let files = async_programs();
    let stackful = Target {
        lowering: Lowering::Stackful,
        ..Target::default()
    };
    for file in &files {
        let table = task_events(file, Target::default());
        let fibers = task_events(file, stackful);
        assert!(!table.is_empty(), "{}", file.display());
        if let Some(i) = (0..table.len().max(fibers.len())).find(|&i| table.get(i) != fibers.get(i))
        {
            panic!(
                "{}: event {i} differs:\n  table:    {:?}\n  stackful: {:?}",
                file.display(),
                table.get(i),
                fibers.get(i)
            );
        }
    }
}

#[test]
fn direct_dispatch_is_one_jump_through_the_frame_and_there_is_no_table() {
    let path = Path::new("lessons/04-event-loop.fs");
    let table = pipeline::compile_file_with(path, Target::default()).unwrap();
    let direct_code = pipeline::compile_file_with(path, direct()).unwrap();
    let text = |c: &pipeline::Compiled| c.asm.to_nasm();
    assert!(text(&table).contains("Program.Player$resume$states:"));
    assert!(!text(&direct_code).contains("$states"), "no state table");
    assert!(text(&direct_code).contains("jmp     qword [r15+32]"));
    assert!(text(&direct_code).contains("mov     qword [r15+32], .state1"));
    assert!(text(&direct_code).contains("mov     qword [rbx+32], Program.Player$resume.state0"));
    // The frame view reads the address back as the state's number.
    let mut app = lesson_04(direct(), 160, 45);
    for _ in 0..8 {
        app.apply(Action::NextEvent);
    }
    let session = app.session.as_ref().unwrap();
    let frames = session.machine.frames();
    assert!(!frames.is_empty());
    for frame in frames {
        assert!(frame.state <= 3, "{} state {}", frame.method, frame.state);
        // The state word, as the state machine pane and the heap show it:
        // the number, then the code it points to.
        let word = frame
            .fields
            .iter()
            .find(|f| f.offset == flux_viz::ir::header::STATE as u32)
            .unwrap();
        assert!(
            word.text.starts_with(&format!("{} (Program.", frame.state)),
            "{}",
            word.text
        );
    }
}

#[test]
fn l_switches_the_lowering_and_stays_at_the_same_event() {
    let mut app = lesson_04(Target::default(), 160, 45);
    for _ in 0..7 {
        app.apply(Action::NextEvent);
    }
    let at = |app: &App| {
        let s = app.session.as_ref().unwrap();
        (s.events_before(), s.last_event().map(|e| e.kind))
    };
    // The events all lowerings share: before this point, and the next one.
    let story = |app: &App| {
        let s = app.session.as_ref().unwrap();
        let n = s.events_before_of(KindSet::TASK_STORY);
        let next = s.event_number_of(KindSet::TASK_STORY, n + 1);
        (n, next.map(|icount| icount == s.machine.icount()))
    };
    let before = at(&app);
    let told = story(&app);
    app.apply(Action::SwitchLowering);
    assert_eq!(app.target.lowering, Lowering::Direct);
    assert!(app.message.contains("lowering: direct"), "{}", app.message);
    assert_eq!(at(&app), before, "the same event under the other lowering");
    app.apply(Action::SwitchLowering);
    assert_eq!(app.target.lowering, Lowering::Stackful);
    assert!(
        app.message.contains("lowering: stackful"),
        "{}",
        app.message
    );
    assert_eq!(story(&app).0, told.0, "as far in the tasks' story");
    app.apply(Action::SwitchLowering);
    assert_eq!(app.target.lowering, Lowering::Table);
    // Back from the stackful run: at the same event of the tasks' story
    // (the state store just before it has no counterpart there).
    assert_eq!(story(&app).0, told.0);
    assert_eq!(at(&app).1, Some(EventKind::Suspend));
    assert_eq!(before.1, Some(EventKind::State));
}

#[test]
fn direct_asm_snapshot() {
    insta::assert_snapshot!(own_asm(direct()));
}

/// The same program as stackful tasks (a body per method, the switch at
/// each await) and as Rust futures (a poll function per method, a byte
/// state, the child polled in place), with their `--emit sm` listings.
#[test]
fn stackful_and_rust_asm_and_listing_snapshots() {
    let stackful = Target {
        lowering: Lowering::Stackful,
        ..Target::default()
    };
    let rust = Target {
        model: flux_viz::pipeline::Model::Rust,
        ..Target::default()
    };
    insta::assert_snapshot!("stackful_asm", own_asm(stackful));
    insta::assert_snapshot!("rust_asm", own_asm(rust));
    let path = Path::new("tests/codegen/async_twice.fs");
    insta::assert_snapshot!(
        "stackful_sm",
        pipeline::state_machines(path, false, stackful).unwrap()
    );
    insta::assert_snapshot!(
        "rust_sm",
        pipeline::state_machines(path, false, rust).unwrap()
    );
}

/// tests/codegen/async_twice.fs compiled for `target`: the program's own
/// code, up to the runtime's first file header.
fn own_asm(target: Target) -> String {
    let compiled =
        pipeline::compile_file_with(Path::new("tests/codegen/async_twice.fs"), target).unwrap();
    let text = compiled.asm.to_nasm();
    text.split("\n; ====").next().unwrap().to_string()
}

/// `C` shows `flux-viz compare`'s figures for the open program; any key
/// closes it without acting.
#[test]
fn c_shows_the_lowerings_compared() {
    let mut app = lesson_04(Target::default(), 120, 35);
    app.apply(Action::Compare);
    let flux_viz::tui::app::Mode::Compare(lines) = &app.mode else {
        panic!("no compare overlay: {:?}", app.mode);
    };
    let text = lines.join("\n");
    assert!(text.contains("--lowering table: cycle"), "{text}");
    assert!(text.contains("--lowering direct: cycle"), "{text}");
    assert!(text.contains("--lowering stackful: cycle"), "{text}");
    assert!(text.contains("stack 168 of 8192 B"), "{text}");
    assert!(text.contains("Program.Player"), "{text}");
    let mut terminal = ratatui::Terminal::new(ratatui::backend::TestBackend::new(120, 35)).unwrap();
    terminal
        .draw(|f| f.render_widget(&flux_viz::tui::panes::Screen(&app), f.area()))
        .unwrap();
    let shown: String = terminal
        .backend()
        .buffer()
        .content
        .iter()
        .map(|c| c.symbol())
        .collect();
    assert!(
        shown.contains("--lowering direct: cycle"),
        "the overlay fits 120 columns"
    );
    let before = app.session.as_ref().unwrap().machine.icount();
    app.apply(Action::Step);
    assert_eq!(app.mode, flux_viz::tui::app::Mode::Normal);
    assert_eq!(app.session.as_ref().unwrap().machine.icount(), before);
}

/// What lesson 11 says of `compare`'s figures holds: a stackful cycle costs
/// about three times a state machine's (at least two and a half times the
/// table's), the switch pushes six registers where a resume function pushes
/// one, and a suspended stackful task holds its whole stack besides a frame
/// of under 100 bytes.
#[test]
fn lesson_11s_figures_are_what_compare_measures() {
    let figures = flux_viz::compare::compare(
        Path::new("lessons/11-stackless-or-stackful.fs"),
        Default::default(),
        10_000_000,
    )
    .unwrap();
    let by = |name: &str| figures.iter().find(|f| f.lowering == name).unwrap();
    let player = |name: &str| {
        by(name)
            .methods
            .iter()
            .find(|m| m.method == "Program.Player")
            .unwrap()
            .clone()
    };
    let (table, stackful) = (player("table"), player("stackful"));
    let (t, s) = (table.cycle.unwrap(), stackful.cycle.unwrap());
    assert!(s >= 2.5 * t && s <= 4.0 * t, "table {t}, stackful {s}");
    assert_eq!(stackful.pushes_per_resume, 6);
    assert_eq!(table.pushes_per_resume, 1);
    assert!(stackful.frame_bytes < 100);
    assert_eq!(stackful.stack_reserved, 8192);
    assert!(stackful.stack_in_use > 0 && stackful.stack_in_use < 1024);
    assert_eq!(table.stack_reserved, 0);
}
