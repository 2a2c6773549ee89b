//! The terminal UI without a terminal: every key as an action on the state
//! (no rendering), cross-highlighting, the error screen, and TestBackend
//! snapshots of each pane on lesson 04 at three moments and of the whole
//! screen at 80×24 and 250×70.

use crossterm::event::{
    Event, KeyCode, KeyEvent, KeyEventKind, KeyEventState, KeyModifiers, MouseButton, MouseEvent,
    MouseEventKind,
};
use flux_viz::machine::{Breakpoint, EventKind};
use flux_viz::tui::app::{action_for, Action, App, Mode, PaneId, Selection, BINDINGS};
use flux_viz::tui::panes::{self, Screen};
use flux_viz::tui::theme::Theme;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::Terminal;
use std::path::Path;

const LESSON: &str = "lessons/04-event-loop.fs";

fn app() -> App {
    let mut app = App::new(Path::new(LESSON), true, Theme::plain());
    app.apply(Action::Resize {
        width: 160,
        height: 45,
    });
    assert!(app.session.is_ok(), "lesson 04 compiles");
    app
}

fn icount(app: &App) -> u64 {
    app.session.as_ref().unwrap().machine.icount()
}

/// The (1-based) lines of lesson 04 containing `text`, so the tests survive
/// edits of the lesson.
fn lines_with(text: &str) -> Vec<usize> {
    std::fs::read_to_string(LESSON)
        .unwrap()
        .lines()
        .enumerate()
        .filter(|(_, l)| l.contains(text))
        .map(|(i, _)| i + 1)
        .collect()
}

/// Moves the source pane's cursor to `line`.
fn select_line(app: &mut App, line: usize) {
    app.focus = PaneId::Source;
    app.apply(Action::Top);
    for _ in 1..line {
        app.apply(Action::Down);
    }
}

fn keys(app: &mut App, actions: &[Action]) {
    for &a in actions {
        app.apply(a);
    }
}

fn press(code: KeyCode, modifiers: KeyModifiers, kind: KeyEventKind) -> Event {
    Event::Key(KeyEvent {
        code,
        modifiers,
        kind,
        state: KeyEventState::NONE,
    })
}

/// The text of a buffer, one line per row, trailing spaces trimmed.
fn text(buf: &Buffer) -> String {
    let area = buf.area;
    (area.y..area.y + area.height)
        .map(|y| {
            let row: String = (area.x..area.x + area.width)
                .map(|x| buf[(x, y)].symbol().to_string())
                .collect();
            row.trim_end().to_string()
        })
        .collect::<Vec<_>>()
        .join("\n")
}

fn screen(app: &App, width: u16, height: u16) -> String {
    let mut terminal = Terminal::new(TestBackend::new(width, height)).unwrap();
    terminal
        .draw(|f| f.render_widget(&Screen(app), f.area()))
        .unwrap();
    text(terminal.backend().buffer())
}

fn pane(app: &App, pane: PaneId, width: u16, height: u16) -> String {
    let area = Rect::new(0, 0, width, height);
    let mut buf = Buffer::empty(area);
    panes::render_pane(app, pane, area, &mut buf);
    text(&buf)
}

// ----- keys → state ---------------------------------------------------------

#[test]
fn every_binding_is_described_and_reachable() {
    for b in BINDINGS {
        assert!(
            !flux_viz::tui::text::describe(b.action).is_empty(),
            "{}",
            b.label
        );
        let event = press(b.keys[0], KeyModifiers::NONE, KeyEventKind::Press);
        assert_eq!(action_for(&event, &Mode::Normal), Some(b.action));
    }
}

#[test]
fn key_releases_are_ignored_and_ctrl_c_quits() {
    let release = press(
        KeyCode::Char('s'),
        KeyModifiers::NONE,
        KeyEventKind::Release,
    );
    assert_eq!(action_for(&release, &Mode::Normal), None);
    let ctrl_c = press(
        KeyCode::Char('c'),
        KeyModifiers::CONTROL,
        KeyEventKind::Press,
    );
    assert_eq!(action_for(&ctrl_c, &Mode::Normal), Some(Action::Quit));
    let mut app = app();
    app.apply(Action::Quit);
    assert!(app.quit);
}

#[test]
fn s_steps_and_b_steps_back() {
    let mut app = app();
    keys(&mut app, &[Action::Step, Action::Step]);
    assert_eq!(icount(&app), 2);
    app.apply(Action::StepBack);
    assert_eq!(icount(&app), 1);
}

#[test]
fn n_runs_to_another_source_line() {
    let mut app = app();
    let line = |app: &App| app.session.as_ref().unwrap().machine.current_line();
    let before = line(&app);
    app.apply(Action::NextLine);
    assert_ne!(line(&app), before);
    assert!(icount(&app) > 0);
}

#[test]
fn a_stops_before_an_async_event_and_shift_b_goes_back_to_the_previous() {
    let mut app = app();
    keys(&mut app, &[Action::NextEvent, Action::NextEvent]);
    let s = app.session.as_ref().unwrap();
    let second = s.last_event().unwrap().icount;
    assert_eq!(second, icount(&app));
    let stops = s.stops.1;
    let first = s.machine.events()[..s.events_before()]
        .iter()
        .rev()
        .find(|e| stops.contains(e.kind))
        .unwrap()
        .icount;
    app.apply(Action::BackEvent);
    assert_eq!(icount(&app), first);
}

#[test]
fn c_continues_to_the_end_or_a_breakpoint_set_with_enter() {
    let mut app = app();
    app.apply(Action::Continue);
    assert!(app.session.as_ref().unwrap().machine.ended().is_some());
    assert!(app.message.contains("exited with code 0"));

    let mut app = self::app();
    let line = lines_with("score += turn;")[0];
    select_line(&mut app, line);
    assert_eq!(app.selection, Selection::Line(file(&app), line));
    app.apply(Action::ToggleBreakpoint);
    assert!(app.message.starts_with("breakpoint set"), "{}", app.message);
    app.apply(Action::Continue);
    let s = app.session.as_ref().unwrap();
    assert_eq!(s.machine.current_line().map(|(_, l)| l), Some(line));
    // Enter again clears it.
    app.focus = PaneId::Source;
    app.apply(Action::Up);
    app.apply(Action::Down);
    app.apply(Action::ToggleBreakpoint);
    assert!(
        app.message.starts_with("breakpoint cleared"),
        "{}",
        app.message
    );
}

fn file(app: &App) -> flux_viz::source::FileId {
    app.session.as_ref().unwrap().main_file
}

#[test]
fn breakpoints_on_instructions_and_states() {
    let mut app = app();
    // A state breakpoint: state 1 of Player, from the state-machine pane.
    app.focus = PaneId::States;
    let row = panes::states::rows(&app)
        .iter()
        .position(|r| r.target.is_some_and(|(_, s)| s == 1))
        .expect("a state 1 row");
    app.views[PaneId::States.index()].cursor = 0;
    for _ in 0..row {
        app.apply(Action::Down);
    }
    app.apply(Action::ToggleBreakpoint);
    assert!(app.message.contains("state 1 of"), "{}", app.message);
    app.apply(Action::Continue);
    assert!(app.message.starts_with("breakpoint at"), "{}", app.message);
    // An instruction breakpoint: the next instruction in the asm pane.
    let mut app = self::app();
    app.focus = PaneId::Asm;
    keys(&mut app, &[Action::Down, Action::Down]);
    let Selection::Insn(i) = app.selection else {
        panic!("an instruction is selected: {:?}", app.selection)
    };
    app.apply(Action::ToggleBreakpoint);
    let s = app.session.as_ref().unwrap();
    let addr = s.image().map[i].addr;
    assert!(s.has_breakpoint(&Breakpoint::Addr(addr)));
}

#[test]
fn r_reloads_the_file_restarts_and_keeps_breakpoints() {
    let mut app = app();
    select_line(&mut app, lines_with("score += turn;")[0]);
    app.apply(Action::ToggleBreakpoint);
    keys(&mut app, &[Action::Step, Action::Step, Action::Reload]);
    assert_eq!(icount(&app), 0);
    let s = app.session.as_ref().unwrap();
    assert_eq!(s.machine.breakpoints().count(), 1);
}

#[test]
fn tab_cycles_the_focus_both_ways() {
    let mut app = app();
    assert_eq!(app.focus, PaneId::Source);
    app.apply(Action::FocusNext);
    assert_eq!(app.focus, PaneId::States);
    app.apply(Action::FocusPrev);
    app.apply(Action::FocusPrev);
    assert_eq!(app.focus, PaneId::Output);
}

#[test]
fn slash_searches_the_focused_pane() {
    let mut app = app();
    keys(
        &mut app,
        &[
            Action::StartSearch,
            Action::Type('Y'),
            Action::Type('i'),
            Action::Type('e'),
            Action::Type('l'),
            Action::Type('d'),
            Action::Submit,
        ],
    );
    assert_eq!(app.mode, Mode::Normal);
    let lines = lines_with("Yield");
    assert_eq!(app.views[PaneId::Source.index()].cursor + 1, lines[0]);
    // Enter on an empty search repeats it.
    keys(&mut app, &[Action::StartSearch, Action::Submit]);
    assert_eq!(app.views[PaneId::Source.index()].cursor + 1, lines[1]);
    // Esc cancels; Backspace erases.
    keys(
        &mut app,
        &[Action::StartSearch, Action::Type('x'), Action::Erase],
    );
    assert_eq!(
        app.mode,
        Mode::Prompt {
            kind: flux_viz::tui::app::PromptKind::Search,
            text: String::new()
        }
    );
    app.apply(Action::Cancel);
    assert_eq!(app.mode, Mode::Normal);
}

#[test]
fn g_goes_to_an_event_or_an_instruction_count() {
    let mut app = app();
    keys(
        &mut app,
        &[Action::StartGoto, Action::Type('3'), Action::Submit],
    );
    let third = app
        .session
        .as_ref()
        .unwrap()
        .machine
        .event_icount(2)
        .unwrap();
    assert_eq!(icount(&app), third);
    keys(
        &mut app,
        &[
            Action::StartGoto,
            Action::Type('i'),
            Action::Type('9'),
            Action::Submit,
        ],
    );
    assert_eq!(icount(&app), 9);
}

#[test]
fn brackets_move_between_event_loop_iterations() {
    let mut app = app();
    app.apply(Action::NextIteration);
    let s = app.session.as_ref().unwrap();
    assert_eq!(s.last_event().unwrap().kind, EventKind::Poll);
    let first = icount(&app);
    app.apply(Action::NextIteration);
    assert!(icount(&app) > first);
    app.apply(Action::PrevIteration);
    assert_eq!(icount(&app), first);
    app.apply(Action::PrevIteration);
    assert_eq!(icount(&app), 0);
}

#[test]
fn toggles() {
    let mut app = app();
    keys(
        &mut app,
        &[
            Action::ToggleBytes,
            Action::ToggleInterleave,
            Action::ToggleWhole,
            Action::ToggleNarration,
        ],
    );
    assert!(app.show_bytes && app.interleave && app.whole && !app.narration);
    let s = app.session.as_ref().unwrap();
    assert!(app.asm_rows(s).len() > s.rows.len());
}

#[test]
fn cursor_keys_and_dot_follow_the_cpu() {
    let mut app = app();
    app.focus = PaneId::Asm;
    let at = app.views[PaneId::Asm.index()].cursor;
    app.apply(Action::Down);
    assert_eq!(app.views[PaneId::Asm.index()].cursor, at + 1);
    app.apply(Action::PageDown);
    assert!(app.views[PaneId::Asm.index()].cursor > at + 5);
    app.apply(Action::PageUp);
    app.apply(Action::Up);
    assert_eq!(app.views[PaneId::Asm.index()].cursor, at);
    app.apply(Action::Top);
    assert_eq!(app.views[PaneId::Asm.index()].cursor, 0);
    app.apply(Action::Bottom);
    assert!(app.views[PaneId::Asm.index()].cursor > 100);
    app.apply(Action::Follow);
    assert_eq!(app.views[PaneId::Asm.index()].cursor, at);
}

#[test]
fn question_mark_opens_help_and_any_key_closes_it() {
    let mut app = app();
    app.apply(Action::Help);
    assert_eq!(app.mode, Mode::Help);
    assert!(screen(&app, 160, 45).contains("step one instruction"));
    app.apply(Action::Step);
    assert_eq!(app.mode, Mode::Normal);
    assert_eq!(icount(&app), 0, "the closing key does nothing else");
}

#[test]
fn mouse_click_focuses_and_selects_and_the_wheel_scrolls() {
    let mut app = app();
    let areas = app.areas();
    let asm = areas.pane(PaneId::Asm).unwrap();
    let click = Event::Mouse(MouseEvent {
        kind: MouseEventKind::Down(MouseButton::Left),
        column: asm.x + 5,
        row: asm.y + 3,
        modifiers: KeyModifiers::NONE,
    });
    let before = app.views[PaneId::Asm.index()].top;
    app.apply(action_for(&click, &app.mode).unwrap());
    assert_eq!(app.focus, PaneId::Asm);
    assert_eq!(app.views[PaneId::Asm.index()].cursor, before + 2);
    assert!(matches!(app.selection, Selection::Insn(_)));
    let top = app.views[PaneId::Asm.index()].top;
    app.apply(Action::Scroll {
        x: asm.x + 5,
        y: asm.y + 3,
        down: true,
    });
    assert_eq!(app.views[PaneId::Asm.index()].top, top + 3);
}

// ----- cross-highlighting ---------------------------------------------------

#[test]
fn selecting_a_source_line_highlights_its_instructions_and_state() {
    let mut app = app();
    let line = *lines_with("await Task.Yield();").last().unwrap();
    select_line(&mut app, line);
    let s = app.session.as_ref().unwrap();
    assert!(!app.highlight.insns.is_empty());
    assert!(app
        .highlight
        .insns
        .iter()
        .all(|&i| s.insn_line[i] == Some((s.main_file, line))));
    let (m, _) = app.highlight.state.expect("the await runs in a state");
    assert_eq!(s.methods[m].name, "Program.Player");
    // The asm cursor moved to the first of them.
    let first = *app.highlight.insns.iter().min().unwrap();
    assert_eq!(app.views[PaneId::Asm.index()].cursor, s.insn_row[first]);
}

#[test]
fn selecting_a_state_tints_its_source_lines_and_instructions() {
    let mut app = app();
    app.apply(Action::NextIteration);
    app.focus = PaneId::States;
    app.views[PaneId::States.index()].cursor = 0;
    let row = panes::states::rows(&app)
        .iter()
        .position(|r| r.target.is_some_and(|(_, s)| s == 1))
        .unwrap();
    for _ in 0..row {
        app.apply(Action::Down);
    }
    assert!(matches!(app.selection, Selection::State(_, 1)));
    assert!(!app.highlight.lines.is_empty());
    assert!(!app.highlight.insns.is_empty());
}

// ----- errors and sizes -----------------------------------------------------

#[test]
fn a_compile_error_is_shown_and_r_reloads_the_fixed_file() {
    let dir = std::env::temp_dir().join(format!("flux-viz-tui-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("broken.fs");
    std::fs::write(
        &path,
        "class Program { static void Main() { int x = ; } }\n",
    )
    .unwrap();
    let mut app = App::new(&path, false, Theme::plain());
    app.apply(Action::Resize {
        width: 100,
        height: 30,
    });
    assert!(app.session.is_err());
    let shown = screen(&app, 100, 30);
    assert!(shown.contains("does not compile"), "{shown}");
    assert!(shown.contains("broken.fs:1"), "{shown}");
    app.apply(Action::Step);
    std::fs::write(
        &path,
        "using System;\nclass Program { static void Main() { Console.WriteLine(1); } }\n",
    )
    .unwrap();
    app.apply(Action::Reload);
    assert!(app.session.is_ok());
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn below_80_by_24_asks_for_a_bigger_terminal() {
    let mut app = app();
    app.apply(Action::Resize {
        width: 79,
        height: 24,
    });
    let shown = screen(&app, 79, 24);
    assert!(shown.contains("Please enlarge"), "{shown}");
    assert!(shown.contains("1 more columns and 0 more rows"), "{shown}");
    keys(&mut app, &[Action::Step, Action::NextEvent, Action::Help]);
    assert_eq!(
        icount(&app),
        0,
        "keys wait: nothing on screen shows what they do"
    );
    assert_eq!(app.mode, Mode::Normal);
    app.apply(Action::Resize {
        width: 80,
        height: 24,
    });
    app.apply(Action::Step);
    assert_eq!(icount(&app), 1, "keys work again at 80×24");
    app.apply(Action::Resize {
        width: 40,
        height: 10,
    });
    app.apply(Action::Quit);
    assert!(app.quit, "q still quits");
}

#[test]
fn z_zooms_the_focused_pane_and_tab_moves_the_zoom() {
    let mut app = app();
    keys(&mut app, &[Action::NextEvent, Action::NextEvent]);
    app.focus = PaneId::Asm;
    app.apply(Action::Zoom);
    let shown = screen(&app, 120, 35);
    assert!(shown.contains("x86-64"), "{shown}");
    assert!(!shown.contains("Source:"), "only the zoomed pane: {shown}");
    assert!(shown.contains("z: all panes"), "{shown}");
    let areas = app.areas();
    assert_eq!(areas.panes.len(), 1);
    assert!(
        areas.panes[0].1.height > 25,
        "the pane takes the room of all seven"
    );
    app.apply(Action::FocusNext);
    let shown = screen(&app, 120, 35);
    assert!(
        shown.contains("Registers") && !shown.contains("x86-64 ·"),
        "{shown}"
    );
    app.apply(Action::Zoom);
    assert_eq!(app.areas().panes.len(), 7);
    assert!(screen(&app, 120, 35).contains("Source:"));
    // z z leaves the other panes' views as they were.
    select_line(&mut app, 20);
    let before = app.views;
    app.focus = PaneId::Asm;
    keys(&mut app, &[Action::Zoom, Action::Zoom]);
    assert_eq!(
        app.views[PaneId::Source.index()],
        before[PaneId::Source.index()]
    );
}

#[test]
fn l_shows_the_legend_of_the_timeline_and_the_marks() {
    let mut app = app();
    app.apply(Action::Resize {
        width: 120,
        height: 35,
    });
    app.apply(Action::Legend);
    assert_eq!(app.mode, Mode::Legend);
    let shown = screen(&app, 120, 35);
    for glyph in [
        "P poll",
        "R resume",
        "j jump",
        "· save/restore",
        "# state",
        "! fault/budget/deadlock/exit",
    ] {
        assert!(shown.contains(glyph), "{glyph}:\n{shown}");
    }
    for (mark, _) in flux_viz::tui::text::MARKERS {
        assert!(shown.contains(mark), "{mark}:\n{shown}");
    }
    app.apply(Action::Step);
    assert_eq!(app.mode, Mode::Normal);
    assert_eq!(icount(&app), 0, "the closing key does nothing else");
}

#[test]
fn hints_stay_words_on_a_projector_terminal() {
    let mut app = app();
    app.apply(Action::Resize {
        width: 120,
        height: 35,
    });
    let shown = screen(&app, 120, 35);
    assert!(shown.contains("s step  n next  a event  b back"), "{shown}");
}

#[test]
fn enter_right_after_tab_acts_on_the_state_under_the_cursor() {
    let mut app = app();
    while app.focus != PaneId::States {
        app.apply(Action::FocusNext);
    }
    let row = panes::states::rows(&app)
        .iter()
        .position(|r| r.target.is_some())
        .expect("a state row");
    app.views[PaneId::States.index()].cursor = row;
    app.apply(Action::ToggleBreakpoint);
    assert!(app.message.starts_with("breakpoint set"), "{}", app.message);
}

#[test]
fn a_long_compile_error_scrolls_and_keeps_the_hint() {
    let (dir, path) = {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("broken.fs");
        (dir, path)
    };
    let body: String = (0..30)
        .map(|i| format!("        int x{i} = y{i};\n"))
        .collect();
    let source = format!("class Program {{\n    static void Main() {{\n{body}    }}\n}}\n");
    std::fs::write(&path, source).unwrap();
    let mut app = App::new(&path, false, Theme::plain());
    app.apply(Action::Resize {
        width: 100,
        height: 30,
    });
    let first = screen(&app, 100, 30);
    assert!(first.contains("(lines 1–27 of"), "{first}");
    assert!(first.contains("press r to reload"), "{first}");
    assert!(first.contains("`y0`"), "{first}");
    app.apply(Action::Bottom);
    let last = screen(&app, 100, 30);
    assert!(last.contains("`y29`"), "{last}");
    assert!(!last.contains("`y0`"), "{last}");
    assert!(last.contains("press r to reload"), "{last}");
    app.apply(Action::Top);
    assert_eq!(screen(&app, 100, 30), first);
    drop(dir);
}

#[test]
fn help_shows_every_key_on_a_projector_terminal() {
    let mut app = app();
    for (width, height) in [(120, 35), (200, 50), (200, 30)] {
        app.apply(Action::Resize { width, height });
        app.apply(Action::Help);
        let shown = screen(&app, width, height);
        assert!(
            shown.contains("quit (also Ctrl-C)"),
            "{width}×{height}:\n{shown}"
        );
        assert!(
            shown.contains("step one instruction"),
            "{width}×{height}:\n{shown}"
        );
        assert!(shown.contains("↑ k ↓ j"), "{width}×{height}:\n{shown}");
        assert!(!shown.contains("more keys"), "{width}×{height}:\n{shown}");
        app.apply(Action::Help);
    }
    for (width, height) in [(100, 30), (80, 24)] {
        app.apply(Action::Resize { width, height });
        app.apply(Action::Help);
        let shown = screen(&app, width, height);
        assert!(shown.contains("more keys: enlarge the terminal"), "{shown}");
        app.apply(Action::Help);
    }
}

// ----- snapshots --------------------------------------------------------------

/// Three moments of lesson 04: the start, the first poll, the second
/// player's first resume (third poll), after a step into it.
fn moments() -> Vec<(&'static str, App)> {
    let start = app();
    let mut poll = app();
    poll.apply(Action::NextIteration);
    let mut third = app();
    keys(
        &mut third,
        &[
            Action::NextIteration,
            Action::NextIteration,
            Action::NextIteration,
            Action::NextEvent,
            Action::NextEvent,
            Action::Step,
        ],
    );
    vec![
        ("start", start),
        ("first_poll", poll),
        ("third_poll", third),
    ]
}

#[test]
fn pane_snapshots_at_three_moments() {
    let names = [
        (PaneId::Source, "source"),
        (PaneId::States, "states"),
        (PaneId::Asm, "asm"),
        (PaneId::Registers, "registers"),
        (PaneId::Stack, "stack"),
        (PaneId::Async, "async"),
        (PaneId::Output, "output"),
    ];
    for (moment, app) in moments() {
        for (id, name) in names {
            let width = if id == PaneId::Asm { 100 } else { 72 };
            insta::assert_snapshot!(format!("{name}_{moment}"), pane(&app, id, width, 18));
        }
    }
}

#[test]
fn whole_screen_at_80x24_and_250x70() {
    let mut app = app();
    app.apply(Action::NextIteration);
    for (w, h) in [(80, 24), (250, 70)] {
        app.apply(Action::Resize {
            width: w,
            height: h,
        });
        insta::assert_snapshot!(format!("screen_{w}x{h}"), screen(&app, w, h));
    }
}

/// An app on a program of its own (written to a private temp file).
fn app_on(source: &str) -> (App, tempfile::TempDir) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("program.fs");
    std::fs::write(&path, source).unwrap();
    let mut app = App::new(&path, false, Theme::plain());
    app.apply(Action::Resize {
        width: 160,
        height: 45,
    });
    assert!(app.session.is_ok(), "compiles");
    (app, dir)
}

#[test]
fn c_on_a_runaway_program_runs_in_slices_and_any_key_stops_it() {
    let (mut app, _dir) =
        app_on("class P { static void Main() { int i = 0; while (true) { i++; } } }\n");
    app.apply(Action::Continue);
    assert!(app.running(), "still running after the first slice");
    assert!(app.message.contains("any key stops"), "{}", app.message);
    let mut last = icount(&app);
    assert!(
        last <= flux_viz::machine::SLICE + 10,
        "one slice per key or tick: {last}"
    );
    for _ in 0..5 {
        app.tick();
        let now = icount(&app);
        assert!(
            now > last && now - last <= flux_viz::machine::SLICE,
            "{last} → {now}"
        );
        last = now;
    }
    app.interrupt();
    assert!(!app.running());
    assert!(app.message.contains("stopped by a key"), "{}", app.message);
    assert_eq!(icount(&app), last, "stopped where it stood");
    // The stop is a normal position: step back, then go on again.
    app.apply(Action::StepBack);
    assert_eq!(icount(&app), last - 1);
    app.apply(Action::Continue);
    assert!(app.running());
}

#[test]
fn a_sliced_continue_ends_where_an_unsliced_run_ends() {
    let source = "class P { static void Main() { long s = 0; for (int i = 0; i < 300000; i++) { s += i; } Console.WriteLine(s); } }\n";
    let (mut app, _dir) = app_on(source);
    app.apply(Action::Continue);
    let mut slices = 1;
    while app.running() {
        app.tick();
        slices += 1;
    }
    assert!(slices > 1, "the run took more than one slice");
    assert!(
        app.message.contains("exited with code 0"),
        "{}",
        app.message
    );
    let compiled = flux_viz::pipeline::compile_source("p.fs", source).unwrap();
    let mut machine = flux_viz::machine::Machine::new(compiled).unwrap();
    machine.run_to_end().unwrap();
    assert_eq!(icount(&app), machine.icount());
}

#[test]
fn g_to_a_far_instruction_runs_in_slices() {
    let (mut app, _dir) =
        app_on("class P { static void Main() { int i = 0; while (true) { i++; } } }\n");
    app.apply(Action::StartGoto);
    for c in "i5000000".chars() {
        app.apply(Action::Type(c));
    }
    app.apply(Action::Submit);
    while app.running() {
        app.tick();
    }
    assert_eq!(icount(&app), 5_000_000);
}

#[test]
fn e_cycles_what_a_stops_at_and_a_lesson_sets_its_default() {
    let mut app = App::new(Path::new("lessons/01-calls.fs"), true, Theme::plain());
    app.apply(Action::Resize {
        width: 160,
        height: 45,
    });
    let session = app.session.as_ref().unwrap();
    assert_eq!(
        session.stops.0, "the lesson's",
        "lesson 01 says `//! stops:`"
    );
    app.apply(Action::NextEvent);
    let event = app.session.as_ref().unwrap().last_event();
    assert!(
        matches!(event.map(|e| e.kind), Some(EventKind::Save)),
        "lesson 01 stops at saves"
    );
    app.apply(Action::CycleStops);
    assert!(
        app.message.contains("a and B now stop at async events"),
        "{}",
        app.message
    );
    app.apply(Action::CycleStops);
    assert!(app.message.contains("register saves"), "{}", app.message);
    // Lesson 04's default: async events only, no prologue pushes.
    let mut app = app_on(&std::fs::read_to_string(LESSON).unwrap()).0;
    for _ in 0..20 {
        app.apply(Action::NextEvent);
        let kind = app.session.as_ref().unwrap().last_event().map(|e| e.kind);
        assert!(
            !matches!(kind, Some(EventKind::Save | EventKind::Restore)),
            "{kind:?}"
        );
    }
}

#[test]
fn at_a_failed_check_stderr_shows_and_the_line_that_threw_is_marked() {
    let mut app = App::new(Path::new("lessons/02-classes.fs"), true, Theme::plain());
    app.apply(Action::Resize {
        width: 200,
        height: 50,
    });
    app.apply(Action::Continue);
    while app.running() {
        app.tick();
    }
    let session = app.session.as_ref().unwrap();
    let failure = session.failure().expect("a failed check");
    let line = failure.line.expect("its line") as usize;
    let text = std::fs::read_to_string("lessons/02-classes.fs").unwrap();
    let source_line = text.lines().nth(line - 1).unwrap();
    assert!(source_line.contains("[3]"), "line {line}: {source_line}");
    assert_eq!(
        failure.exception.as_deref(),
        Some("System.IndexOutOfRangeException")
    );
    let output = pane(&app, PaneId::Output, 90, 12);
    assert!(
        output.contains("stderr│ Unhandled exception. System.IndexOutOfRangeException"),
        "{output}"
    );
    let source = pane(&app, PaneId::Source, 100, 60);
    assert!(
        source.contains(&format!(
            "line {line} threw System.IndexOutOfRangeException"
        )),
        "{source}"
    );
    let marked = source
        .lines()
        .find(|l| l.contains("✗"))
        .expect("a marked line");
    assert!(marked.contains(&format!("{line} ✗")), "{marked}");
}

#[test]
fn at_every_poll_the_state_machine_pane_shows_the_polled_promise_however_we_got_there() {
    let mut app = app();
    let polls: Vec<(usize, flux_viz::machine::Event)> = app
        .session
        .as_ref()
        .unwrap()
        .machine
        .events()
        .into_iter()
        .enumerate()
        .filter(|(_, e)| e.kind == EventKind::Poll)
        .collect();
    assert!(polls.len() >= 4);
    let check = |app: &App, event: &flux_viz::machine::Event| {
        let session = app.session.as_ref().unwrap();
        let promise = event.promise.as_ref().expect("a poll names its promise");
        let method = &session.methods[app.method.expect("a method")].name;
        assert_eq!(method, &promise.owner, "at instruction {}", event.icount);
        let frame = app.frame.as_ref().expect("its frame");
        assert_eq!(frame.promise.addr, promise.addr, "the polled frame");
    };
    for (index, event) in &polls {
        // Forwards, by event number …
        app.apply(Action::StartGoto);
        for c in (index + 1).to_string().chars() {
            app.apply(Action::Type(c));
        }
        app.apply(Action::Submit);
        assert_eq!(icount(&app), event.icount);
        check(&app, event);
        // … and backwards, from one instruction later.
        app.apply(Action::Step);
        app.apply(Action::StepBack);
        check(&app, event);
    }
}

#[test]
fn values_are_shown_as_what_they_point_to_and_h_shows_raw_hex() {
    let mut app = App::new(Path::new("lessons/02-classes.fs"), false, Theme::plain());
    app.apply(Action::Resize {
        width: 200,
        height: 50,
    });
    let (mut object, mut vtable, mut string, mut code) = (false, false, false, false);
    for _ in 0..1500 {
        app.apply(Action::Step);
        let regs = pane(&app, PaneId::Registers, 70, 30);
        object |= regs.contains("Dog object");
        vtable |= regs.contains("vtable of Dog");
        string |= regs.contains("\"Rex\"");
        let stack = pane(&app, PaneId::Stack, 90, 30);
        code |= stack.contains("Program.Main+") || regs.contains("Program.");
        if object && vtable && string && code {
            break;
        }
    }
    assert!(object, "a register held the Dog and said so");
    assert!(vtable, "the object's first word was shown as Dog's vtable");
    assert!(string, "a string literal was shown as its text");
    assert!(code, "a code address was named");
    app.apply(Action::ToggleRawHex);
    let raw = pane(&app, PaneId::Registers, 70, 30);
    assert!(
        !raw.contains("object") && !raw.contains("vtable of"),
        "{raw}"
    );
}

/// The timeline strip shows the events `a`/`B` stop at: under every `e`
/// filter, each glyph is the glyph of a kind the filter keeps.
#[test]
fn the_timeline_follows_the_event_filter() {
    use flux_viz::machine::EventKind;
    let mut app = app();
    keys(&mut app, &[Action::Continue]);
    let mut strips = std::collections::HashSet::new();
    for _ in 0..4 {
        let kinds = app.session.as_ref().unwrap().stops.1;
        let allowed: Vec<char> = EventKind::ALL
            .iter()
            .filter(|k| kinds.contains(**k))
            .map(|k| flux_viz::tui::text::event_glyph(*k))
            .collect();
        let screen = screen(&app, 160, 45);
        let strip = screen
            .lines()
            .find_map(|l| l.trim_start_matches('│').strip_prefix(" events "))
            .expect("a timeline")
            .trim_end_matches(['│', ' ', '▏'])
            .to_string();
        for glyph in strip.chars() {
            assert!(
                allowed.contains(&glyph),
                "`{glyph}` under {:?}",
                kinds.names()
            );
        }
        strips.insert(strip);
        keys(&mut app, &[Action::CycleStops]);
    }
    assert!(strips.len() > 1, "the filters show different strips");
}

/// Once the program has exited, the CPU is shown at the `syscall` that
/// ended it (not at the never-run code after it), and rsp, back at the
/// empty stack's top, is a place on the stack (not the heap object that
/// begins at the same address).
#[test]
fn at_the_end_the_exit_syscall_is_current_and_rsp_is_the_stack_top() {
    let mut app = app();
    keys(&mut app, &[Action::Continue]);
    let session = app.session.as_ref().unwrap();
    assert!(session.machine.ended().is_some());
    let i = session.pc_index().expect("an instruction");
    assert_eq!(session.image().map[i].text.trim(), "syscall");
    let registers = pane(&app, PaneId::Registers, 70, 30);
    let rsp = registers.lines().find(|l| l.contains("rsp")).expect("rsp");
    assert!(rsp.contains("top of the stack (empty)"), "{rsp}");
}

/// `g` works from the end of the program too: back to an earlier
/// instruction count.
#[test]
fn g_goes_back_from_the_end() {
    let mut app = app();
    keys(&mut app, &[Action::Continue]);
    assert!(app.session.as_ref().unwrap().machine.ended().is_some());
    keys(&mut app, &[Action::StartGoto]);
    for c in "i546".chars() {
        keys(&mut app, &[Action::Type(c)]);
    }
    keys(&mut app, &[Action::Submit]);
    assert_eq!(icount(&app), 546);
}

/// `o` switches to the queued schedule and back, recompiling: the title says
/// so, and the completion that resumed Main inline (a `resume` event) becomes
/// a `wake` and a later `poll`.
#[test]
fn o_switches_the_schedule() {
    use flux_viz::machine::EventKind;
    let resumes = |app: &App| {
        app.session
            .as_ref()
            .unwrap()
            .events
            .of(EventKind::Resume)
            .len()
    };
    let mut app = app();
    keys(&mut app, &[Action::Continue]);
    assert!(
        resumes(&app) > 0,
        "C#: Main resumes inside pong's completion"
    );
    assert!(!screen(&app, 160, 45).contains("schedule: queued"));
    keys(&mut app, &[Action::SwitchSchedule, Action::Continue]);
    assert_eq!(resumes(&app), 0, "queued: every awaiter waits its turn");
    assert!(screen(&app, 160, 45).contains("schedule: queued"));
    keys(&mut app, &[Action::SwitchSchedule, Action::Continue]);
    assert!(resumes(&app) > 0, "back to C#");
}

/// The state pane says which try a state resumes in (a typed fact of the
/// lowering), and the timeline shows the exception events of lesson 06.
#[test]
fn the_state_pane_marks_states_inside_a_try() {
    let mut app = App::new(Path::new("lessons/06-exceptions.fs"), true, Theme::plain());
    app.apply(Action::Resize {
        width: 200,
        height: 50,
    });
    assert!(app.session.is_ok(), "lesson 06 compiles");
    // On to FetchOrZero(7)'s suspension: its state pane is on screen.
    let mut seen = false;
    for _ in 0..12 {
        keys(&mut app, &[Action::NextEvent]);
        let text = screen(&app, 200, 50);
        if text.contains("State machine: Program.FetchOrZero") {
            assert!(
                text.contains("[try 25] return await"),
                "state 1 resumes inside the try:\n{text}"
            );
            seen = true;
            break;
        }
    }
    assert!(seen, "the state pane showed FetchOrZero");
    keys(&mut app, &[Action::Continue]);
    let text = screen(&app, 200, 50);
    for glyph in ["x", "h", "F", "X", "f"] {
        let timeline = text
            .lines()
            .find(|l| l.trim_start().starts_with("events"))
            .expect("the timeline line");
        assert!(timeline.contains(glyph), "{glyph} in {timeline}");
    }
}

/// The Registers pane's `*` marks compare two stops the student made: a
/// register is marked exactly when its value differs from the last stop's,
/// also when drawing the screen travelled aside (the state pane's frame
/// snapshots) or the session ran ahead at launch (the event prefetch).
#[test]
fn changed_marks_compare_the_last_two_stops() {
    let mut app = app();
    let registers = |app: &App| app.session.as_ref().unwrap().machine.registers();
    let _ = screen(&app, 160, 45);
    assert!(
        registers(&app).iter().all(|r| !r.changed),
        "nothing has run yet, nothing is marked"
    );
    let actions = [
        Action::NextLine,
        Action::NextLine,
        Action::Step,
        Action::NextEvent,
        Action::NextLine,
        Action::StepBack,
        Action::NextEvent,
    ];
    for action in actions {
        let before = registers(&app);
        app.apply(action);
        let _ = screen(&app, 160, 45);
        for (now, then) in registers(&app).iter().zip(&before) {
            assert_eq!(
                now.changed,
                now.value != then.value,
                "{action:?}: {} went {:#x} -> {:#x}",
                now.name,
                then.value,
                now.value
            );
        }
    }
}

/// A program that computes with doubles shows xmm0 and xmm1, and a double
/// local's register as the double, not its bits (facts of
/// the IR: `FunctionLayout::uses_sse` and `doubles`); lesson 04 has no
/// doubles and no xmm rows.
#[test]
fn doubles_show_as_doubles_in_the_registers_pane() {
    let mut doubles = App::new(
        Path::new("tests/teacher/37_compound_interest.fs"),
        true,
        Theme::plain(),
    );
    doubles.apply(Action::Resize {
        width: 160,
        height: 45,
    });
    for _ in 0..8 {
        doubles.apply(Action::NextLine);
    }
    let registers = pane(&doubles, PaneId::Registers, 60, 40);
    assert!(
        registers.contains("xmm0") && registers.contains("xmm1"),
        "{registers}"
    );
    assert!(
        registers.contains("r12 0.05  home of `rate`"),
        "{registers}"
    );
    assert!(
        registers.contains("r15 1000  home of `principal`"),
        "{registers}"
    );
    let lesson = pane(&app(), PaneId::Registers, 60, 40);
    assert!(!lesson.contains("xmm"), "{lesson}");
}

// ----- themes ----------------------------------------------------------------

/// Every drawn character of `buf` whose colours miss WCAG AA (4.5:1), as
/// "(x, y) 'c' ratio" (reverse video swaps the two colours).
fn low_contrast_cells(buf: &Buffer) -> Vec<String> {
    use flux_viz::tui::theme::{contrast, rgb};
    use ratatui::style::Modifier;
    let mut low = Vec::new();
    for y in 0..buf.area.height {
        for x in 0..buf.area.width {
            let cell = &buf[(x, y)];
            if cell.symbol().trim().is_empty() {
                continue;
            }
            let (mut fg, mut bg) = (rgb(cell.fg, true), rgb(cell.bg, false));
            if cell.modifier.contains(Modifier::REVERSED) {
                (fg, bg) = (bg, fg);
            }
            let ratio = contrast(fg, bg);
            if ratio < 4.5 {
                low.push(format!("({x}, {y}) {:?} {ratio:.2}", cell.symbol()));
            }
        }
    }
    low
}

fn rendered(app: &App, width: u16, height: u16) -> Buffer {
    let mut terminal = Terminal::new(TestBackend::new(width, height)).unwrap();
    terminal
        .draw(|f| f.render_widget(&Screen(app), f.area()))
        .unwrap();
    terminal.backend().buffer().clone()
}

#[test]
fn every_character_on_screen_reaches_aa_contrast_in_both_colour_themes() {
    use flux_viz::tui::theme::ThemeName;
    for name in [ThemeName::Classic, ThemeName::Projector] {
        for lesson in ["lessons/03-first-await.fs", "lessons/04-event-loop.fs"] {
            let mut app = App::new(Path::new(lesson), true, Theme::named(name));
            app.apply(Action::Resize {
                width: 120,
                height: 35,
            });
            // The start, a state selected (linked rows, the block), inside
            // the event loop, and the two overlays.
            let mut moments = vec![rendered(&app, 120, 35)];
            keys(
                &mut app,
                &[Action::NextEvent, Action::NextEvent, Action::FocusNext],
            );
            moments.push(rendered(&app, 120, 35));
            keys(&mut app, &[Action::NextEvent; 6]);
            moments.push(rendered(&app, 120, 35));
            app.apply(Action::Help);
            moments.push(rendered(&app, 120, 35));
            app.apply(Action::Help);
            app.apply(Action::Legend);
            moments.push(rendered(&app, 120, 35));
            for (i, buf) in moments.iter().enumerate() {
                let low = low_contrast_cells(buf);
                assert!(low.is_empty(), "{name:?} {lesson} moment {i}: {low:?}");
            }
        }
    }
}

#[test]
fn the_projector_theme_paints_the_whole_screen_and_t_cycles_the_themes() {
    use flux_viz::tui::theme::ThemeName;
    use ratatui::style::Color;
    let mut app = App::new(Path::new(LESSON), true, Theme::named(ThemeName::Projector));
    app.apply(Action::Resize {
        width: 120,
        height: 35,
    });
    let buf = rendered(&app, 120, 35);
    let unpainted = buf
        .content()
        .iter()
        .filter(|c| c.bg == Color::Reset)
        .count();
    assert_eq!(unpainted, 0, "every cell sits on the projector's page");
    app.apply(Action::CycleTheme);
    assert_eq!(app.theme.name, ThemeName::Plain);
    assert!(app.message.contains("theme: plain"), "{}", app.message);
    let buf = rendered(&app, 120, 35);
    assert!(buf
        .content()
        .iter()
        .all(|c| c.fg == Color::Reset && c.bg == Color::Reset));
    app.apply(Action::CycleTheme);
    assert_eq!(app.theme.name, ThemeName::Classic);
}

// ----- auto-play -------------------------------------------------------------

#[test]
fn p_plays_event_by_event_and_pauses_at_each_note_of_the_lesson() {
    use flux_viz::tui::app::Play;
    let mut app = app();
    let notes_text = |app: &App| {
        let session = app.session.as_ref().unwrap();
        session.narration().map(|n| n.note.text.clone())
    };
    app.apply(Action::PlayForward);
    assert_eq!(app.play, Some(Play::Forward));
    assert!(app.message.contains("every 1 s"), "{}", app.message);
    let mut pauses = Vec::new();
    let mut beats = 0;
    while beats < 2000 {
        app.play_step();
        beats += 1;
        if app.play.is_none() {
            if app.session.as_ref().unwrap().machine.ended().is_some() {
                assert_eq!(app.message, flux_viz::tui::text::PLAY_AT_END);
                break;
            }
            assert_eq!(app.message, flux_viz::tui::text::PLAY_AT_NOTE);
            let note = notes_text(&app).expect("it paused at a note");
            assert!(!pauses.contains(&note), "each note pauses once: {note}");
            pauses.push(note);
            app.apply(Action::PlayForward);
        }
    }
    assert!(
        app.session.as_ref().unwrap().machine.ended().is_some(),
        "played to the end"
    );
    assert!(pauses.len() >= 3, "lesson 04's notes: {pauses:#?}");
    // Backwards, from the end: B per beat, pausing at notes, to the start.
    app.apply(Action::PlayBackward);
    for _ in 0..2000 {
        app.play_step();
        if app.play.is_none() {
            if icount(&app) == 0 {
                break;
            }
            app.apply(Action::PlayBackward);
        }
    }
    assert_eq!(icount(&app), 0, "played back to the start");
}

#[test]
fn a_motion_key_stops_auto_play_and_the_beat_keys_change_its_speed() {
    let mut app = app();
    app.apply(Action::PlayForward);
    app.apply(Action::Faster);
    assert_eq!(app.beat(), std::time::Duration::from_millis(500));
    assert!(app.message.contains("0.5 s"), "{}", app.message);
    for _ in 0..10 {
        app.apply(Action::Slower);
    }
    assert_eq!(app.beat(), std::time::Duration::from_secs(4));
    app.apply(Action::FocusNext);
    assert!(app.play.is_some(), "moving the focus keeps playing");
    app.apply(Action::Help);
    assert!(!app.playing(), "an overlay holds the play");
    let before = icount(&app);
    app.play_step();
    assert_eq!(icount(&app), before);
    app.apply(Action::Help);
    assert!(app.playing());
    app.apply(Action::Step);
    assert!(app.play.is_none(), "a motion by hand stops it");
    app.apply(Action::PlayForward);
    app.apply(Action::PlayForward);
    assert!(app.play.is_none(), "p again pauses");
    assert_eq!(app.message, flux_viz::tui::text::PLAY_PAUSED);
}

// ----- layouts and sideways scrolling ----------------------------------------

#[test]
fn plus_and_minus_cycle_the_layouts_and_tab_follows_them() {
    use flux_viz::tui::layout::Arrangement;
    let mut app = app();
    app.apply(Action::NextLayout);
    assert_eq!(app.arrangement, Arrangement::OneMain);
    assert!(app.message.contains("one main pane"), "{}", app.message);
    let shown: Vec<PaneId> = app.areas().panes.iter().map(|(p, _)| *p).collect();
    assert_eq!(shown[0], PaneId::Source);
    assert!(!shown.contains(&PaneId::Asm));
    // Tab to the state machine: it takes the top.
    app.apply(Action::FocusNext);
    assert_eq!(app.focus, PaneId::States);
    assert!(app.areas().pane(PaneId::States).is_some());
    assert!(app.areas().pane(PaneId::Source).is_none());
    app.apply(Action::NextLayout);
    assert_eq!(app.arrangement, Arrangement::SourceAsm);
    let shown: Vec<PaneId> = app.areas().panes.iter().map(|(p, _)| *p).collect();
    assert_eq!(shown, [PaneId::Source, PaneId::Asm]);
    assert_eq!(
        app.focus,
        PaneId::Source,
        "the state pane is gone: focus moves"
    );
    keys(
        &mut app,
        &[Action::FocusNext, Action::FocusNext, Action::FocusNext],
    );
    assert_eq!(app.focus, PaneId::Asm, "Tab alternates the two panes");
    app.apply(Action::PrevLayout);
    assert_eq!(app.arrangement, Arrangement::OneMain);
    assert!(
        app.areas().pane(PaneId::Asm).is_some(),
        "the focused main pane on top"
    );
    app.apply(Action::NextLayout);
    app.apply(Action::NextLayout);
    assert_eq!(app.arrangement, Arrangement::All);
    assert_eq!(app.areas().panes.len(), 7);
}

/// A program without an async method has no state machine to show: source
/// and x86-64 share the top row, and Tab passes the pane by.
#[test]
fn without_an_async_method_source_and_asm_take_the_state_panes_room() {
    let mut app = App::new(Path::new("lessons/09-interfaces.fs"), true, Theme::plain());
    app.apply(Action::Resize {
        width: 120,
        height: 35,
    });
    let areas = app.areas();
    let shown: Vec<PaneId> = areas.panes.iter().map(|(p, _)| *p).collect();
    assert_eq!(shown.len(), 6, "{shown:?}");
    assert!(!shown.contains(&PaneId::States));
    let (source, asm) = (
        areas.pane(PaneId::Source).unwrap(),
        areas.pane(PaneId::Asm).unwrap(),
    );
    assert_eq!(source.width + asm.width, 120, "the two share the whole row");
    let mut focused = Vec::new();
    for _ in 0..PaneId::ALL.len() {
        app.apply(Action::FocusNext);
        focused.push(app.focus);
    }
    assert!(!focused.contains(&PaneId::States), "{focused:?}");
    assert_eq!(focused.len(), 7);
    assert_eq!(focused[5], PaneId::Source, "six panes in the round");
    // Lesson 04 keeps all seven.
    assert_eq!(self::app().areas().panes.len(), 7);
}

/// At 120×35, every row of the x86-64 pane of lessons 03 and 04 (the
/// runtime's teaching comments included) can be read to its end: it fits,
/// or `→` scrolls to it.
#[test]
fn every_asm_comment_is_reachable_at_120x35_by_scrolling_sideways() {
    for lesson in ["lessons/03-first-await.fs", "lessons/04-event-loop.fs"] {
        let mut app = App::new(Path::new(lesson), true, Theme::plain());
        app.apply(Action::Resize {
            width: 120,
            height: 35,
        });
        app.focus = PaneId::Asm;
        app.apply(Action::Top);
        let rows = panes::row_count(&app, PaneId::Asm);
        let rect = app.areas().pane(PaneId::Asm).unwrap();
        let height = usize::from(rect.height - 2);
        let mut checked = 0;
        for top in (0..rows).step_by(height) {
            app.views[PaneId::Asm.index()].top = top;
            app.views[PaneId::Asm.index()].left = 0;
            // The rows as drawn, whole: on a screen wide enough for all.
            let whole = pane(&app, PaneId::Asm, 1000, rect.height);
            // The page at every step of `→`, until it scrolls no further.
            let mut screens = vec![pane(&app, PaneId::Asm, rect.width, rect.height)];
            loop {
                app.apply(Action::ScrollRight);
                let next = pane(&app, PaneId::Asm, rect.width, rect.height);
                if Some(&next) == screens.last() {
                    break;
                }
                screens.push(next);
            }
            for row in top..(top + height).min(rows) {
                let y = row - top + 1;
                let text = whole.lines().nth(y).unwrap_or_default();
                let text = text.trim_end().trim_end_matches(['┃', '│']).trim_end();
                let tail: String = text.chars().rev().take(12).collect();
                let tail: String = tail.chars().rev().collect();
                let seen = screens
                    .iter()
                    .any(|s| s.lines().nth(y).is_some_and(|l| l.contains(&tail)));
                assert!(
                    seen,
                    "{lesson} row {row} `{text}`: its end `{tail}` is never shown:\n{}",
                    screens.join("\n")
                );
                checked += 1;
            }
        }
        assert!(checked > 500, "{lesson}: {checked} rows");
    }
}

#[test]
fn the_layouts_at_three_projector_sizes() {
    for lesson in ["lessons/03-first-await.fs", "lessons/04-event-loop.fs"] {
        for (width, height) in [(100, 30), (120, 35), (200, 50)] {
            let mut app = App::new(Path::new(lesson), true, Theme::plain());
            app.apply(Action::Resize { width, height });
            keys(&mut app, &[Action::NextEvent; 5]);
            let mut shots = Vec::new();
            for _ in 0..3 {
                shots.push(format!(
                    "── {} ──\n{}",
                    app.arrangement.words(),
                    screen(&app, width, height)
                ));
                app.apply(Action::NextLayout);
            }
            let name = format!(
                "layouts_{}_{width}x{height}",
                &lesson["lessons/".len()..]["03".len() + 1..].trim_end_matches(".fs")
            );
            insta::assert_snapshot!(name, shots.join("\n"));
        }
    }
}

// ----- predict the next step ------------------------------------------------

#[test]
fn in_quiz_mode_a_asks_from_the_facts_and_moves_only_after_the_answer() {
    // What `a` finds without the quiz, stop by stop.
    let mut plain = app();
    let strip = screen(&plain, 160, 45);
    let strip = strip.lines().find(|l| l.starts_with(" events ")).unwrap();
    assert!(
        !strip.contains('?'),
        "without the quiz the whole run shows: {strip}"
    );
    let mut stops = Vec::new();
    for _ in 0..12 {
        plain.apply(Action::NextEvent);
        let event = plain.session.as_ref().unwrap().last_event().unwrap();
        stops.push((icount(&plain), event));
    }
    let mut app = app();
    app.apply(Action::ToggleQuiz);
    assert!(app.quiz.is_some());
    let mut kinds_asked = std::collections::HashSet::new();
    for (i, (landing, event)) in stops.iter().enumerate() {
        let before = icount(&app);
        app.apply(Action::NextEvent);
        assert_eq!(app.mode, Mode::Quiz, "stop {i}: a question first");
        assert_eq!(icount(&app), before, "the machine waits for the answer");
        let q = app.question.clone().unwrap();
        assert_eq!(q.landing, *landing);
        assert!((2..=4).contains(&q.choices.len()), "{q:?}");
        let right = &q.choices[q.answer];
        // The right choice is the fact of the event `a` reaches (or the
        // lesson's own answer, for its own question).
        match event.kind {
            _ if q.prompt.starts_with("Both players have yielded") => {
                assert_eq!(right, "ping's: it yielded first");
            }
            EventKind::Poll => {
                let p = event.promise.as_ref().unwrap();
                assert_eq!(right, &format!("#{} {}", p.id, p.call));
            }
            EventKind::State => {
                assert_eq!(right, &format!("state {}", event.state_after.unwrap()));
            }
            EventKind::Output => {
                assert_eq!(right.as_str(), event.output.as_ref().unwrap().trim_end());
            }
            kind => assert_eq!(right, kind.name(), "{q:?}"),
        }
        kinds_asked.insert(event.kind);
        let shown = screen(&app, 160, 45);
        assert!(shown.contains(&q.prompt), "{shown}");
        // The events strip does not give the answer away: what is still to
        // come is blank.
        let strip = shown.lines().find(|l| l.starts_with(" events ")).unwrap();
        assert!(strip.trim_end().ends_with('?'), "{strip}");
        // Answer right on even stops, wrong on odd ones.
        let pick = if i % 2 == 0 {
            q.answer
        } else {
            (q.answer + 1) % q.choices.len()
        };
        app.apply(Action::Answer(pick as u8 + 1));
        assert_eq!(app.mode, Mode::Normal);
        assert_eq!(icount(&app), *landing, "then a moves as it would have");
        let score = app.quiz.unwrap();
        assert_eq!(score.asked, i as u32 + 1);
        assert_eq!(score.right, i as u32 / 2 + 1, "the even stops were right");
        assert!(app
            .message
            .contains(&format!("score {}/{}", score.right, score.asked)));
    }
    assert!(kinds_asked.contains(&EventKind::Poll), "{kinds_asked:?}");
}

#[test]
fn a_question_waits_for_an_answer_and_esc_skips_it() {
    let mut app = app();
    app.apply(Action::ToggleQuiz);
    app.apply(Action::NextEvent);
    assert_eq!(app.mode, Mode::Quiz);
    let landing = app.question.as_ref().unwrap().landing;
    app.apply(Action::Step);
    assert_eq!(app.mode, Mode::Quiz, "other keys wait");
    assert_eq!(icount(&app), 0);
    app.apply(Action::Cancel);
    assert_eq!(app.mode, Mode::Normal);
    assert_eq!(icount(&app), landing);
    assert!(app.message.starts_with("skipped"), "{}", app.message);
    assert_eq!(app.quiz.unwrap().asked, 0);
    app.apply(Action::ToggleQuiz);
    app.apply(Action::NextEvent);
    assert_eq!(app.mode, Mode::Normal, "quiz off: a moves at once");
}

#[test]
fn a_lessons_own_question_is_asked_before_its_moment() {
    let mut app = app();
    app.apply(Action::ToggleQuiz);
    let mut asked = None;
    for _ in 0..40 {
        app.apply(Action::NextEvent);
        let q = app.question.clone().expect("a question at each stop");
        if q.prompt.starts_with("Both players have yielded") {
            asked = Some(q);
            break;
        }
        app.apply(Action::Answer(1));
    }
    let q = asked.expect("lesson 04's //? question");
    assert_eq!(q.choices[q.answer], "ping's: it yielded first");
    assert_eq!(q.choices.len(), 3);
    app.apply(Action::Answer(q.answer as u8 + 1));
    let event = app.session.as_ref().unwrap().last_event().unwrap();
    assert_eq!(
        event.kind,
        EventKind::Poll,
        "a reached the poll it asked about"
    );
    assert!(app.message.starts_with("✓ right"), "{}", app.message);
}

#[test]
fn auto_play_pauses_at_a_breakpoint() {
    let mut app = app();
    let line = lines_with("score += turn")[0];
    select_line(&mut app, line);
    app.apply(Action::ToggleBreakpoint);
    app.apply(Action::PlayForward);
    let mut paused_there = false;
    for _ in 0..200 {
        app.play_step();
        if app.play.is_none() {
            if app.message == flux_viz::tui::text::PLAY_AT_BREAKPOINT {
                paused_there = true;
                break;
            }
            app.apply(Action::PlayForward);
        }
    }
    assert!(paused_there, "{}", app.message);
    let session = app.session.as_ref().unwrap();
    assert_eq!(session.machine.current_line().map(|(_, l)| l), Some(line));
}

#[test]
fn in_quiz_mode_s_asks_what_a_register_will_hold() {
    let mut app = app();
    app.apply(Action::ToggleQuiz);
    let mut asked = 0;
    for _ in 0..60 {
        let before = icount(&app);
        app.apply(Action::Step);
        if app.mode != Mode::Quiz {
            assert_eq!(icount(&app), before + 1, "nothing to ask: s steps at once");
            continue;
        }
        assert_eq!(icount(&app), before, "the machine waits for the answer");
        let q = app.question.clone().unwrap();
        let register = q
            .prompt
            .split("What does ")
            .nth(1)
            .and_then(|r| r.split(' ').next())
            .unwrap()
            .to_string();
        app.apply(Action::Answer(q.answer as u8 + 1));
        assert_eq!(icount(&app), before + 1);
        let session = app.session.as_ref().unwrap();
        let value = session
            .machine
            .registers()
            .into_iter()
            .find(|r| r.name == register)
            .unwrap()
            .value;
        assert_eq!(
            q.choices[q.answer],
            session.machine.format_value(value),
            "{q:?}"
        );
        asked += 1;
    }
    assert!(asked >= 20, "{asked} register questions in 60 steps");
}
