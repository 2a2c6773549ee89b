//! The UI's state and everything that changes it: the [`Action`] enum, the
//! key map ([`BINDINGS`], the one place keys are bound), and [`App::apply`].
//!
//! In: terminal events (turned into actions by [`action_for`]) or actions
//! directly (tests). Out: a new [`App`] state; drawing only reads it.

use super::layout::{self, Areas};
use super::panes;
use super::session::{Session, Snapshot};
use super::theme::Theme;
use crate::machine::{Breakpoint, FrameView, Progress, Stop};
use crate::pipeline::{Lowering, Model, Schedule, Target};
use crate::source::FileId;
use crossterm::event::{
    Event, KeyCode, KeyEvent, KeyEventKind, KeyModifiers, MouseButton, MouseEventKind,
};
use ratatui::layout::Rect;
use std::collections::HashSet;
use std::path::{Path, PathBuf};

/// What a key (or click) asks for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action {
    Step,
    NextLine,
    /// `S`: the next line executed, into calls (gdb's `step`).
    StepInto,
    /// `f`: until the current function returns (gdb's `finish`).
    Finish,
    NextEvent,
    StepBack,
    BackEvent,
    Continue,
    /// `e`: which event kinds `a` and `B` stop at.
    CycleStops,
    /// `h`: values as raw hex instead of what they point to / decimal.
    ToggleRawHex,
    Reload,
    SwitchSchedule,
    /// `L`: the other lowering of async methods (state table ↔ direct
    /// address), recompiled, at the same event.
    SwitchLowering,
    /// `M`: the other execution model (C#'s hot tasks and continuations ↔
    /// Rust's lazy futures, polls and wakers), recompiled, from the start.
    SwitchModel,
    FocusNext,
    FocusPrev,
    ToggleBreakpoint,
    StartSearch,
    StartGoto,
    PrevIteration,
    NextIteration,
    ToggleBytes,
    ToggleInterleave,
    ToggleWhole,
    ToggleNarration,
    /// `t`: the next theme (classic, projector, plain).
    CycleTheme,
    /// `H`: the promises pane shows the heap instead (and back).
    ToggleHeap,
    /// `Q`: predict-the-next-step on or off (`a` asks first).
    ToggleQuiz,
    /// `1`–`4` while a question is shown.
    Answer(u8),
    /// `p`: auto-play forwards, one `a` per beat (again: pause).
    PlayForward,
    /// `P`: auto-play backwards, one `B` per beat (again: pause).
    PlayBackward,
    /// `<`: a slower beat.
    Slower,
    /// `>`: a faster beat.
    Faster,
    /// `+`: the next arrangement of the panes.
    NextLayout,
    /// `-`: the previous arrangement.
    PrevLayout,
    /// `←`: the focused pane's lines scroll right (their start shows).
    ScrollLeft,
    /// `→`: the focused pane's lines scroll left (their end shows).
    ScrollRight,
    /// `z`: the focused pane alone, on the whole screen (and back).
    Zoom,
    /// `l`: what the timeline glyphs and the panes' marks mean.
    Legend,
    /// `C`: the program under each lowering, measured (`flux-viz compare`).
    Compare,
    Follow,
    Up,
    Down,
    PageUp,
    PageDown,
    Top,
    Bottom,
    Help,
    Quit,
    /// A character typed into the prompt.
    Type(char),
    Erase,
    Submit,
    Cancel,
    Click {
        x: u16,
        y: u16,
    },
    Scroll {
        x: u16,
        y: u16,
        down: bool,
    },
    Resize {
        width: u16,
        height: u16,
    },
}

/// A key binding: the keys, how the help shows them, the action.
pub struct Binding {
    pub label: &'static str,
    pub keys: &'static [KeyCode],
    pub action: Action,
}

const fn bind(label: &'static str, keys: &'static [KeyCode], action: Action) -> Binding {
    Binding {
        label,
        keys,
        action,
    }
}

/// Every key of the normal mode (Ctrl-C also quits).
pub const BINDINGS: &[Binding] = &[
    bind("s", &[KeyCode::Char('s')], Action::Step),
    bind("n", &[KeyCode::Char('n')], Action::NextLine),
    bind("S", &[KeyCode::Char('S')], Action::StepInto),
    bind("f", &[KeyCode::Char('f')], Action::Finish),
    bind("a", &[KeyCode::Char('a')], Action::NextEvent),
    bind("b", &[KeyCode::Char('b')], Action::StepBack),
    bind("B", &[KeyCode::Char('B')], Action::BackEvent),
    bind("c", &[KeyCode::Char('c')], Action::Continue),
    bind("r", &[KeyCode::Char('r')], Action::Reload),
    bind("o", &[KeyCode::Char('o')], Action::SwitchSchedule),
    bind("L", &[KeyCode::Char('L')], Action::SwitchLowering),
    bind("M", &[KeyCode::Char('M')], Action::SwitchModel),
    bind("Tab", &[KeyCode::Tab], Action::FocusNext),
    bind("S-Tab", &[KeyCode::BackTab], Action::FocusPrev),
    bind("Enter", &[KeyCode::Enter], Action::ToggleBreakpoint),
    bind("/", &[KeyCode::Char('/')], Action::StartSearch),
    bind("g", &[KeyCode::Char('g')], Action::StartGoto),
    bind("[", &[KeyCode::Char('[')], Action::PrevIteration),
    bind("]", &[KeyCode::Char(']')], Action::NextIteration),
    bind("x", &[KeyCode::Char('x')], Action::ToggleBytes),
    bind("i", &[KeyCode::Char('i')], Action::ToggleInterleave),
    bind("w", &[KeyCode::Char('w')], Action::ToggleWhole),
    bind("N", &[KeyCode::Char('N')], Action::ToggleNarration),
    bind("t", &[KeyCode::Char('t')], Action::CycleTheme),
    bind("H", &[KeyCode::Char('H')], Action::ToggleHeap),
    bind("Q", &[KeyCode::Char('Q')], Action::ToggleQuiz),
    bind("p", &[KeyCode::Char('p')], Action::PlayForward),
    bind("P", &[KeyCode::Char('P')], Action::PlayBackward),
    bind("<", &[KeyCode::Char('<')], Action::Slower),
    bind(">", &[KeyCode::Char('>')], Action::Faster),
    bind("+", &[KeyCode::Char('+')], Action::NextLayout),
    bind("-", &[KeyCode::Char('-')], Action::PrevLayout),
    bind("←", &[KeyCode::Left], Action::ScrollLeft),
    bind("→", &[KeyCode::Right], Action::ScrollRight),
    bind("z", &[KeyCode::Char('z')], Action::Zoom),
    bind("l", &[KeyCode::Char('l')], Action::Legend),
    bind("C", &[KeyCode::Char('C')], Action::Compare),
    bind("e", &[KeyCode::Char('e')], Action::CycleStops),
    bind("h", &[KeyCode::Char('h')], Action::ToggleRawHex),
    bind(".", &[KeyCode::Char('.')], Action::Follow),
    bind("↑ k", &[KeyCode::Up, KeyCode::Char('k')], Action::Up),
    bind("↓ j", &[KeyCode::Down, KeyCode::Char('j')], Action::Down),
    bind("PgUp", &[KeyCode::PageUp], Action::PageUp),
    bind("PgDn", &[KeyCode::PageDown], Action::PageDown),
    bind("Home", &[KeyCode::Home], Action::Top),
    bind("End", &[KeyCode::End], Action::Bottom),
    bind("?", &[KeyCode::Char('?')], Action::Help),
    bind("q", &[KeyCode::Char('q')], Action::Quit),
];

/// Which way auto-play goes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Play {
    Forward,
    Backward,
}

/// The beats auto-play keeps, slowest first (`<` and `>` move along).
pub const PLAY_BEATS_MS: [u64; 5] = [4000, 2000, 1000, 500, 250];

/// The beat auto-play starts with: one motion a second.
const DEFAULT_BEAT: usize = 2;

impl Action {
    /// Does auto-play go on through this action? Motions, cursor keys and
    /// clicks take the machine or the view over by hand: they stop it.
    fn keeps_play(self) -> bool {
        matches!(
            self,
            Action::PlayForward
                | Action::PlayBackward
                | Action::Slower
                | Action::Faster
                | Action::CycleTheme
                | Action::ToggleHeap
                | Action::ToggleNarration
                | Action::Zoom
                | Action::NextLayout
                | Action::PrevLayout
                | Action::ScrollLeft
                | Action::ScrollRight
                | Action::FocusNext
                | Action::FocusPrev
                | Action::Help
                | Action::Legend
        )
    }
}

/// The panes, in focus order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum PaneId {
    Source,
    States,
    Asm,
    Registers,
    Stack,
    Async,
    Output,
}

impl PaneId {
    pub const ALL: [PaneId; 7] = [
        PaneId::Source,
        PaneId::States,
        PaneId::Asm,
        PaneId::Registers,
        PaneId::Stack,
        PaneId::Async,
        PaneId::Output,
    ];

    pub fn index(self) -> usize {
        self as usize
    }

    /// One of the three main panes (source, state machine, x86-64)?
    pub fn main(self) -> bool {
        matches!(self, PaneId::Source | PaneId::States | PaneId::Asm)
    }
}

/// The most instructions `C` runs the program for, per lowering (a key
/// must answer at once; the command line has no such limit).
pub const COMPARE_BUDGET: u64 = 20_000_000;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Mode {
    Normal,
    Help,
    /// The `l` overlay.
    Legend,
    /// The `C` overlay: `flux-viz compare`'s figures, as lines.
    Compare(Vec<String>),
    /// A question of predict-the-next-step, waiting for `1`–`4`.
    Quiz,
    Prompt {
        kind: PromptKind,
        text: String,
    },
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PromptKind {
    Search,
    Goto,
}

/// A pane's cursor row and first visible row.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct View {
    pub cursor: usize,
    pub top: usize,
    /// The first column shown (`←` `→` scroll long lines).
    pub left: usize,
}

/// What is selected in the three main panes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Selection {
    None,
    Line(FileId, usize),
    Insn(usize),
    /// (method index, state).
    State(usize, u32),
}

/// What corresponds to the selection, in each main pane.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Highlight {
    pub lines: HashSet<(FileId, usize)>,
    pub insns: HashSet<usize>,
    pub state: Option<(usize, u32)>,
    /// The instruction whose explanation the explanation line shows.
    pub insn: Option<usize>,
}

/// The whole UI state.
pub struct App {
    pub path: PathBuf,
    pub session: Result<Session, String>,
    pub mode: Mode,
    pub focus: PaneId,
    pub views: [View; 7],
    pub show_bytes: bool,
    /// Values as raw hex (`h`), instead of named pointers and decimal ints.
    pub raw_hex: bool,
    pub interleave: bool,
    pub whole: bool,
    pub narration: bool,
    pub selection: Selection,
    pub highlight: Highlight,
    /// The file the source pane shows.
    pub source_file: FileId,
    /// The async method the state-machine pane shows.
    pub method: Option<usize>,
    /// The frame shown there and its values when it last suspended.
    pub frame: Option<FrameView>,
    pub suspended: Option<Snapshot>,
    pub message: String,
    pub last_search: String,
    pub quit: bool,
    pub area: Rect,
    pub theme: Theme,
    /// When the file was last read (to reload a broken file once it is saved).
    loaded_at: Option<std::time::SystemTime>,
    /// Where awaiters resume (`o` switches and recompiles).
    /// The schedule and the lowering the program is compiled for.
    pub target: Target,
    /// The first line of the compile-error screen on screen.
    pub error_top: usize,
    /// `z`: the focused pane fills the screen (Tab moves to the next one,
    /// still zoomed).
    pub zoomed: bool,
    /// `H`: the promises pane shows the heap.
    pub heap: bool,
    /// `Q` / `--quiz`: `a` asks what comes next first (the score so far).
    pub quiz: Option<super::quiz::Score>,
    /// The question on screen (in [`Mode::Quiz`]).
    pub question: Option<super::quiz::Question>,
    /// `+` / `-`: which panes share the screen.
    pub arrangement: layout::Arrangement,
    /// The main pane [`layout::Arrangement::OneMain`] shows: the last
    /// main pane focused.
    pub main_pane: PaneId,
    /// `p` / `P`: auto-play is on, this way.
    pub play: Option<Play>,
    /// Auto-play's beat: an index into [`PLAY_BEATS_MS`].
    pub play_beat: usize,
    /// The lesson's note shown when the last played motion started (by
    /// address: notes live as long as the session), and whether that
    /// motion's landing is still to be looked at.
    play_note: Option<usize>,
    play_landing: bool,
    /// The last motion stopped at a breakpoint (auto-play pauses there).
    at_breakpoint: bool,
}

impl App {
    /// Loads a file under the C# schedule (a compile error becomes the error
    /// screen, not a failure).
    pub fn new(path: &Path, narration: bool, theme: Theme) -> App {
        App::open(path, Schedule::default(), narration, theme)
    }

    /// Loads a file under the given schedule.
    pub fn open(path: &Path, target: impl Into<Target>, narration: bool, theme: Theme) -> App {
        let mut target: Target = target.into();
        // A lesson opens in the lowering its notes are written for (unless
        // another one was asked for).
        let lesson = std::fs::read_to_string(path)
            .ok()
            .and_then(|text| crate::lesson::Lesson::parse(&text).ok().flatten());
        if let Some(lesson) = lesson {
            if target.lowering == Lowering::Table {
                target.lowering = lesson.lowering;
            }
            if target.model == Model::Csharp {
                target.model = lesson.model;
            }
        }
        let mut app = App {
            path: path.to_path_buf(),
            session: Session::load(path, target),
            target,
            mode: Mode::Normal,
            focus: PaneId::Source,
            views: [View::default(); 7],
            show_bytes: false,
            raw_hex: false,
            interleave: false,
            whole: false,
            narration,
            selection: Selection::None,
            highlight: Highlight::default(),
            source_file: FileId(0),
            method: None,
            frame: None,
            suspended: None,
            message: String::new(),
            last_search: String::new(),
            quit: false,
            area: Rect::new(0, 0, 120, 40),
            theme,
            loaded_at: None,
            error_top: 0,
            zoomed: false,
            heap: false,
            quiz: None,
            question: None,
            arrangement: layout::Arrangement::All,
            main_pane: PaneId::Source,
            play: None,
            play_beat: DEFAULT_BEAT,
            play_note: None,
            play_landing: false,
            at_breakpoint: false,
        };
        app.after_load();
        app
    }

    fn after_load(&mut self) {
        self.loaded_at = modified(&self.path);
        self.error_top = 0;
        if let Ok(session) = &self.session {
            self.source_file = session.main_file;
            self.message = match session.lesson_errors.first() {
                Some(e) => format!("lesson line {}: {}", e.line, e.message),
                None => String::new(),
            };
        }
        self.follow_cpu();
    }

    /// Has the file changed on disk since it was last read?
    pub fn source_changed(&self) -> bool {
        modified(&self.path) != self.loaded_at
    }

    /// The layout for the current terminal size.
    pub fn areas(&self) -> Areas {
        layout::compute(self.area, self.arrange())
    }

    /// What the screen shows (for [`layout::compute`]).
    pub fn arrange(&self) -> layout::Arrange {
        layout::Arrange {
            arrangement: self.arrangement,
            zoom: self.zoomed.then_some(self.focus),
            main: self.main_pane,
            states: self.has_async(),
        }
    }

    /// Does the program have an async method (a state machine to show)?
    fn has_async(&self) -> bool {
        self.session
            .as_ref()
            .map_or(true, |s| !s.methods.is_empty())
    }

    /// Applies one action.
    pub fn apply(&mut self, action: Action) {
        match (&self.mode, action) {
            (_, Action::Resize { width, height }) => self.resize(width, height),
            (_, Action::Quit) if !matches!(self.mode, Mode::Prompt { .. }) => self.quit = true,
            // Nothing on screen to act on: only the message, which says
            // the size needed (keys pressed unseen would move the machine).
            _ if self.areas().too_small => {}
            (Mode::Help | Mode::Legend | Mode::Compare(_), _) => self.mode = Mode::Normal,
            (Mode::Quiz, _) => self.answer(action),
            (Mode::Prompt { .. }, _) => self.prompt(action),
            (Mode::Normal, _) if self.session.is_err() => self.error_screen(action),
            (Mode::Normal, _) => {
                if !action.keeps_play() {
                    self.play = None;
                }
                self.normal(action)
            }
        }
    }

    fn resize(&mut self, width: u16, height: u16) {
        self.area = Rect::new(0, 0, width, height);
        self.scroll_error(0);
        for pane in PaneId::ALL {
            self.scroll_into_view(pane);
        }
    }

    fn error_screen(&mut self, action: Action) {
        let page = self.area.height.saturating_sub(4).max(1) as isize;
        match action {
            Action::Reload => self.reload(),
            Action::Help => self.mode = Mode::Help,
            Action::Up => self.scroll_error(-1),
            Action::Down => self.scroll_error(1),
            Action::PageUp => self.scroll_error(-page),
            Action::PageDown => self.scroll_error(page),
            Action::Top => self.scroll_error(isize::MIN / 2),
            Action::Bottom => self.scroll_error(isize::MAX / 2),
            Action::Scroll { down, .. } => self.scroll_error(if down { 3 } else { -3 }),
            _ => {}
        }
    }

    /// Scrolls the compile-error screen, whose text may be longer than
    /// the terminal (its first line stays on screen last).
    fn scroll_error(&mut self, delta: isize) {
        let Err(diagnostic) = &self.session else {
            return;
        };
        let visible = self.area.height.saturating_sub(3) as usize;
        let last = diagnostic.lines().count().saturating_sub(visible);
        self.error_top = self.error_top.saturating_add_signed(delta).min(last);
    }

    fn normal(&mut self, action: Action) {
        match action {
            Action::Step if self.quiz.is_some() => self.ask(true),
            Action::Step => self.motion(Session::step),
            Action::NextLine => self.long_motion(Session::step_line),
            Action::StepInto => self.long_motion(Session::step_into),
            Action::Finish => self.long_motion(Session::finish),
            Action::NextEvent if self.quiz.is_some() => self.ask(false),
            Action::NextEvent => self.long_motion(Session::next_event),
            Action::StepBack => self.motion(Session::step_back),
            Action::BackEvent => self.motion(Session::back_event),
            Action::Continue => self.long_motion(Session::continue_run),
            Action::PrevIteration => self.motion(Session::prev_iteration),
            Action::NextIteration => self.long_motion(Session::next_iteration),
            Action::Reload => self.reload(),
            Action::SwitchSchedule => self.switch_schedule(),
            Action::SwitchLowering => self.switch_lowering(),
            Action::SwitchModel => self.switch_model(),
            Action::FocusNext => self.cycle_focus(true),
            Action::FocusPrev => self.cycle_focus(false),
            Action::ToggleBreakpoint => self.toggle_breakpoint(),
            Action::StartSearch => self.open_prompt(PromptKind::Search),
            Action::StartGoto => self.open_prompt(PromptKind::Goto),
            Action::ToggleBytes => self.show_bytes = !self.show_bytes,
            Action::ToggleInterleave => self.toggle_interleave(),
            Action::ToggleWhole => self.toggle_whole(),
            Action::ToggleNarration => self.narration = !self.narration,
            Action::ToggleQuiz => {
                self.quiz = match self.quiz {
                    Some(_) => None,
                    None => Some(super::quiz::Score::default()),
                };
                self.message = match self.quiz {
                    Some(_) => super::text::QUIZ_ON.to_string(),
                    None => super::text::QUIZ_OFF.to_string(),
                };
            }
            Action::ToggleHeap => {
                self.heap = !self.heap;
                self.views[PaneId::Async.index()] = View::default();
                self.message = match self.heap {
                    true => super::text::HEAP_ON,
                    false => super::text::HEAP_OFF,
                }
                .to_string();
            }
            Action::CycleTheme => {
                self.theme = self.theme.next();
                self.message = super::text::theme_message(self.theme.name);
            }
            Action::PlayForward => self.toggle_play(Play::Forward),
            Action::PlayBackward => self.toggle_play(Play::Backward),
            Action::Slower => self.change_beat(-1),
            Action::Faster => self.change_beat(1),
            Action::Zoom => self.toggle_zoom(),
            Action::NextLayout => self.cycle_layout(1),
            Action::PrevLayout => self.cycle_layout(layout::Arrangement::ALL.len() - 1),
            Action::ScrollLeft => self.scroll_sideways(-8),
            Action::ScrollRight => self.scroll_sideways(8),
            Action::Legend => self.mode = Mode::Legend,
            Action::Compare => self.compare(),
            Action::CycleStops => self.cycle_stops(),
            Action::ToggleRawHex => self.raw_hex = !self.raw_hex,
            Action::Follow => self.follow_cpu(),
            Action::Up => self.move_cursor(-1),
            Action::Down => self.move_cursor(1),
            Action::PageUp => self.move_cursor(-(self.page() as isize)),
            Action::PageDown => self.move_cursor(self.page() as isize),
            Action::Top => self.move_cursor(isize::MIN / 2),
            Action::Bottom => self.move_cursor(isize::MAX / 2),
            Action::Help => self.mode = Mode::Help,
            Action::Click { x, y } => self.click(x, y),
            Action::Scroll { x, y, down } => self.scroll(x, y, down),
            _ => {}
        }
    }

    // ----- motions --------------------------------------------------------

    fn motion(&mut self, f: fn(&mut Session) -> Result<Stop, String>) {
        let Ok(session) = &mut self.session else {
            return;
        };
        self.message = match f(session) {
            Ok(stop) => {
                self.at_breakpoint = matches!(stop, Stop::Breakpoint(_));
                stop_message(&stop)
            }
            Err(e) => format!("error: {e}"),
        };
        self.follow_cpu();
    }

    fn cycle_stops(&mut self) {
        let Ok(session) = &mut self.session else {
            return;
        };
        session.cycle_stops();
        self.message = format!(
            "a and B now stop at {} events: {}",
            session.stops.0,
            session.stops.1.names().join(", ")
        );
    }

    /// A motion that may run long: its first slice now, the rest from
    /// [`App::tick`] while no key is pressed (see [`App::running`]).
    fn long_motion(&mut self, f: fn(&mut Session) -> Result<Progress, String>) {
        let Ok(session) = &mut self.session else {
            return;
        };
        let progress = f(session);
        self.after_progress(progress);
    }

    /// Is a long motion under way? Then the UI calls [`App::tick`] instead of
    /// waiting for a key, and any key calls [`App::interrupt`].
    pub fn running(&self) -> bool {
        self.session.as_ref().is_ok_and(|s| s.running())
    }

    /// Runs the next slice of a long motion.
    pub fn tick(&mut self) {
        let Ok(session) = &mut self.session else {
            return;
        };
        let progress = session.proceed();
        self.after_progress(progress);
    }

    /// A key while a long motion runs: stop where the machine stands (and
    /// stop auto-play).
    pub fn interrupt(&mut self) {
        self.play = None;
        let Ok(session) = &mut self.session else {
            return;
        };
        session.interrupt();
        self.message = format!(
            "stopped by a key at instruction {} (b steps back, c goes on)",
            session.machine.icount()
        );
        self.follow_cpu();
    }

    // ----- predict the next step --------------------------------------------

    /// `a` or `s` in quiz mode: the question about where it will stop (or,
    /// with nothing to ask, the motion at once).
    fn ask(&mut self, step: bool) {
        let Ok(session) = &mut self.session else {
            return;
        };
        let question = match step {
            true => super::quiz::ask_step(session),
            false => super::quiz::ask(session),
        };
        match (question, step) {
            (Some(question), _) => {
                self.question = Some(question);
                self.mode = Mode::Quiz;
            }
            (None, true) => self.motion(Session::step),
            (None, false) => self.long_motion(Session::next_event),
        }
    }

    /// A key while a question is shown: `1`–`4` answers (then `a` moves),
    /// Esc skips the question and moves; other keys wait.
    fn answer(&mut self, action: Action) {
        let Some(question) = self.question.clone() else {
            self.mode = Mode::Normal;
            return;
        };
        let chosen = match action {
            Action::Answer(n) if usize::from(n) <= question.choices.len() && n > 0 => {
                Some(usize::from(n) - 1)
            }
            Action::Cancel => None,
            Action::Quit => {
                self.quit = true;
                return;
            }
            _ => return,
        };
        self.mode = Mode::Normal;
        self.question = None;
        let Ok(session) = &mut self.session else {
            return;
        };
        let progress = session.goto(question.landing);
        self.after_progress(progress);
        let Some(score) = &mut self.quiz else {
            return;
        };
        let right = &question.choices[question.answer];
        self.message = match chosen {
            Some(c) => {
                score.asked += 1;
                let verdict = match c == question.answer {
                    true => {
                        score.right += 1;
                        format!("✓ right: {right}")
                    }
                    false => format!("✗ it was {right}"),
                };
                format!(
                    "{verdict} · {} · score {}/{}",
                    question.explain, score.right, score.asked
                )
            }
            None => format!(
                "skipped: it was {right} · score {}/{}",
                score.right, score.asked
            ),
        };
    }

    // ----- auto-play ------------------------------------------------------

    fn toggle_play(&mut self, way: Play) {
        if self.play == Some(way) {
            self.play = None;
            self.message = super::text::PLAY_PAUSED.to_string();
            return;
        }
        self.play = Some(way);
        self.play_landing = false;
        self.message = super::text::play_message(way, PLAY_BEATS_MS[self.play_beat]);
    }

    fn change_beat(&mut self, by: isize) {
        let last = PLAY_BEATS_MS.len() - 1;
        self.play_beat = self.play_beat.saturating_add_signed(by).min(last);
        self.message = super::text::beat_message(PLAY_BEATS_MS[self.play_beat]);
    }

    /// Is auto-play on (and its screen showing: an overlay holds it)?
    pub fn playing(&self) -> bool {
        self.play.is_some() && self.mode == Mode::Normal && self.session.is_ok()
    }

    /// The time between two played motions.
    pub fn beat(&self) -> std::time::Duration {
        std::time::Duration::from_millis(PLAY_BEATS_MS[self.play_beat])
    }

    /// One beat of auto-play: unless the last beat's motion landed on a new
    /// note of the lesson (then it pauses, for the teacher to talk over it)
    /// or at an end, the next motion of the event filter (`a`, or `B`
    /// backwards). The UI calls it once per [`App::beat`].
    pub fn play_step(&mut self) {
        let Some(way) = self.play.filter(|_| self.playing()) else {
            return;
        };
        if self.running() {
            return; // the last beat's motion has not finished yet
        }
        if self.play_landing && self.landed() {
            return;
        }
        self.play_note = self.note_id();
        match way {
            Play::Forward => self.long_motion(Session::next_event),
            Play::Backward => self.motion(Session::back_event),
        }
        self.play_landing = true;
        if !self.running() {
            self.landed();
        }
    }

    /// Looks where the played motion stopped; pauses auto-play at a new
    /// note or an end. Returns whether it paused.
    fn landed(&mut self) -> bool {
        self.play_landing = false;
        let Ok(session) = &self.session else {
            return false;
        };
        let at_end = match self.play {
            Some(Play::Forward) => session.machine.ended().is_some(),
            _ => session.machine.icount() == 0,
        };
        let note = self.note_id();
        let new_note = self.narration && note.is_some() && note != self.play_note;
        let pause = match (at_end, self.at_breakpoint, new_note) {
            (true, ..) => Some(super::text::PLAY_AT_END),
            (_, true, _) => Some(super::text::PLAY_AT_BREAKPOINT),
            (.., true) => Some(super::text::PLAY_AT_NOTE),
            _ => None,
        };
        if let Some(message) = pause {
            self.play = None;
            self.message = message.to_string();
        }
        pause.is_some()
    }

    /// Which note of the lesson is showing (by address), if any.
    fn note_id(&self) -> Option<usize> {
        let session = self.session.as_ref().ok()?;
        let narration = session.narration()?;
        Some(std::ptr::from_ref(narration.note) as usize)
    }

    fn after_progress(&mut self, progress: Result<Progress, String>) {
        let Ok(session) = &self.session else {
            return;
        };
        self.message = match progress {
            Ok(Progress::Done(stop)) => {
                self.at_breakpoint = matches!(stop, Stop::Breakpoint(_));
                stop_message(&stop)
            }
            Ok(Progress::Running) => format!(
                "running… instruction {} (any key stops)",
                session.machine.icount()
            ),
            Err(e) => format!("error: {e}"),
        };
        self.follow_cpu();
    }

    /// `o`: the other schedule (C# inline ↔ queued), recompiled from the start.
    fn switch_schedule(&mut self) {
        self.target.schedule = match self.target.schedule {
            Schedule::Csharp => Schedule::Queued,
            Schedule::Queued => Schedule::Csharp,
        };
        self.reload();
        if self.session.is_ok() {
            self.message = match self.target.schedule {
                Schedule::Csharp => "schedule: C# (an awaiter resumes inside the completion); at the start",
                Schedule::Queued => "schedule: queued (every continuation waits in the ready queue, as in JavaScript); at the start",
            }
            .to_string();
        }
    }

    /// `L`: the next lowering (state table → direct address → a stack per
    /// task → state table), recompiled; the same program tells the same
    /// story each way, event for event, but for the machinery that differs
    /// (a stackful task stores no states: `KindSet::TASK_STORY`), so it
    /// goes back to the same event of that story.
    fn switch_lowering(&mut self) {
        let before = self.target.lowering;
        self.target.lowering = match before {
            Lowering::Table => Lowering::Direct,
            Lowering::Direct => Lowering::Stackful,
            Lowering::Stackful => Lowering::Table,
        };
        // The two state machines make the very same events.
        let story = match (before, self.target.lowering) {
            (Lowering::Stackful, _) | (_, Lowering::Stackful) => {
                crate::machine::KindSet::TASK_STORY
            }
            _ => crate::machine::KindSet::RECORDED,
        };
        let at = self
            .session
            .as_ref()
            .ok()
            .map(|s| s.events_before_of(story));
        self.reload();
        let Ok(session) = &mut self.session else {
            return;
        };
        let mut landed = String::from("at the start");
        // `at` counts the story's events before this instruction: the next
        // one's number is one more (1 is the first).
        let next_event = at.filter(|&n| n > 0).and_then(|n| {
            session
                .event_number_of(story, n + 1)
                .or_else(|| session.event_number_of(story, n))
        });
        if let Some(icount) = next_event {
            let progress = session.goto(icount);
            self.after_progress(progress);
            landed = match story == crate::machine::KindSet::RECORDED {
                true => format!("at event {}", at.unwrap_or(0)),
                false => format!("at event {} of the tasks' story", at.unwrap_or(0)),
            };
        }
        self.message = format!(
            "lowering: {}; {landed}",
            super::text::lowering_words(self.target.lowering)
        );
    }

    /// `M`: the other execution model, recompiled. The two tell different
    /// stories (a lazy future runs only when polled), so it starts over.
    fn switch_model(&mut self) {
        self.target.model = match self.target.model {
            Model::Csharp => Model::Rust,
            Model::Rust => Model::Csharp,
        };
        self.reload();
        self.message = format!(
            "model: {}; from the start",
            super::text::model_words(self.target.model)
        );
    }

    /// `C`: runs the file under each lowering (at most
    /// [`COMPARE_BUDGET`] instructions each) and shows the figures.
    fn compare(&mut self) {
        match crate::compare::compare(&self.path, self.target.schedule, COMPARE_BUDGET) {
            Ok(figures) => self.mode = Mode::Compare(crate::compare::render_short(&figures)),
            Err(failure) => self.message = format!("compare: {}", failure.render().trim()),
        }
    }

    fn reload(&mut self) {
        let breakpoints: Vec<Breakpoint> = match &self.session {
            Ok(s) => s.machine.breakpoints().cloned().collect(),
            Err(_) => Vec::new(),
        };
        self.session = Session::load(&self.path, self.target);
        // A new program: its lines start at their first column again.
        for view in &mut self.views {
            view.left = 0;
        }
        self.after_load();
        if let Ok(session) = &mut self.session {
            for b in breakpoints {
                let _ = session.toggle_breakpoint(b);
            }
            self.message = "reloaded the file; at the start".to_string();
        }
        self.refresh();
    }

    /// Moves the main panes' cursors to where the CPU is and selects it.
    fn follow_cpu(&mut self) {
        let Ok(session) = &self.session else {
            return;
        };
        if let Some(i) = session.pc_index() {
            let line = session.insn_line[i].filter(|(file, _)| is_flux_file(session, *file));
            // In a fail$… routine after a failed check: show the line that threw.
            let failed = || Some((session.main_file, session.failure()?.line? as usize));
            if let Some((file, line)) = line.or_else(failed) {
                self.source_file = file;
                self.views[PaneId::Source.index()].cursor = line.saturating_sub(1);
            }
            self.views[PaneId::Asm.index()].cursor = self.insn_row(session, i);
            let working_for = session.cpu_state().map(|(m, _)| m);
            if let Some(m) = working_for.or_else(|| session.method_at_event()) {
                self.method = Some(m);
            }
            self.selection = Selection::Insn(i);
        }
        let output = panes::row_count(self, PaneId::Output);
        self.views[PaneId::Output.index()].cursor = output.saturating_sub(1);
        self.views[PaneId::Stack.index()].cursor = 0;
        self.refresh();
        if let Some(row) = self.state_row_of_highlight() {
            self.views[PaneId::States.index()].cursor = row;
        }
        for pane in PaneId::ALL {
            self.scroll_into_view(pane);
        }
    }

    fn insn_row(&self, session: &Session, insn: usize) -> usize {
        if self.interleave {
            session.insn_row_mixed[insn]
        } else {
            session.insn_row[insn]
        }
    }

    // ----- selection and highlight ------------------------------------------

    /// Recomputes what the selection highlights, the shown method and frame.
    fn refresh(&mut self) {
        let Ok(session) = &mut self.session else {
            return;
        };
        self.highlight = highlight(session, self.selection);
        if let Some((m, _)) = self.highlight.state {
            self.method = Some(m);
        } else if let Some(m) = self.highlight.insn.and_then(|i| session.method_of_insn(i)) {
            self.method = Some(m);
        }
        self.method = self.method.or((!session.methods.is_empty()).then_some(0));
        self.frame = self.method.and_then(|m| session.frame_of(m));
        self.suspended = match &self.frame {
            Some(frame) if !frame.completed => session.since_suspend(frame).cloned(),
            _ => None,
        };
    }

    /// The selection the focused main pane's cursor makes.
    fn select_from_cursor(&mut self) {
        let Ok(session) = &self.session else {
            return;
        };
        let cursor = self.views[self.focus.index()].cursor;
        let selection = match self.focus {
            PaneId::Source => Selection::Line(self.source_file, cursor + 1),
            PaneId::Asm => match self.asm_rows(session).get(cursor) {
                Some(super::session::AsmRow::Insn(i)) => Selection::Insn(*i),
                Some(super::session::AsmRow::Source(f, l)) => Selection::Line(*f, *l),
                _ => Selection::None,
            },
            PaneId::States => match panes::states::rows(self).get(cursor) {
                Some(row) => match row.target {
                    Some((m, s)) => Selection::State(m, s),
                    None => return,
                },
                None => return,
            },
            _ => return,
        };
        self.selection = selection;
        self.refresh();
        self.sync_other_cursors();
    }

    /// Moves the cursors of the main panes that are not focused to the first
    /// line the selection highlights there.
    fn sync_other_cursors(&mut self) {
        let Ok(session) = &self.session else {
            return;
        };
        let first_insn = self.highlight.insns.iter().min().copied();
        if self.focus != PaneId::Asm {
            if let Some(i) = first_insn {
                self.views[PaneId::Asm.index()].cursor = self.insn_row(session, i);
            }
        }
        if self.focus != PaneId::Source {
            let line = self
                .highlight
                .lines
                .iter()
                .filter(|(f, _)| is_flux_file(session, *f))
                .min()
                .copied();
            if let Some((file, line)) = line {
                self.source_file = file;
                self.views[PaneId::Source.index()].cursor = line - 1;
            }
        }
        if self.focus != PaneId::States {
            if let Some(row) = self.state_row_of_highlight() {
                self.views[PaneId::States.index()].cursor = row;
            }
        }
        for pane in [PaneId::Source, PaneId::States, PaneId::Asm] {
            self.scroll_into_view(pane);
        }
    }

    fn state_row_of_highlight(&self) -> Option<usize> {
        let state = self.highlight.state?;
        panes::states::rows(self)
            .iter()
            .position(|r| r.target == Some(state))
    }

    pub fn asm_rows<'s>(&self, session: &'s Session) -> &'s [super::session::AsmRow] {
        if self.interleave {
            &session.rows_mixed
        } else {
            &session.rows
        }
    }

    // ----- cursor and scrolling ---------------------------------------------

    fn move_cursor(&mut self, delta: isize) {
        let count = panes::row_count(self, self.focus);
        let view = &mut self.views[self.focus.index()];
        view.cursor = view
            .cursor
            .saturating_add_signed(delta)
            .min(count.saturating_sub(1));
        self.scroll_into_view(self.focus);
        if self.focus.main() {
            self.select_from_cursor();
        }
    }

    fn page(&self) -> usize {
        self.pane_height(self.focus).saturating_sub(1).max(1)
    }

    fn pane_height(&self, pane: PaneId) -> usize {
        self.areas()
            .pane(pane)
            .map_or(1, |r| r.height.saturating_sub(2) as usize)
    }

    /// Scrolls a pane so its cursor is visible, with a margin.
    fn scroll_into_view(&mut self, pane: PaneId) {
        let height = self.pane_height(pane).max(1);
        let margin = (height / 4).min(3);
        let view = &mut self.views[pane.index()];
        if view.cursor < view.top + margin {
            view.top = view.cursor.saturating_sub(margin);
        } else if view.cursor + margin >= view.top + height {
            view.top = (view.cursor + margin + 1).saturating_sub(height);
        }
    }

    /// How wide the pane's rows on screen are, as drawn (drawn unscrolled
    /// into a wide scratch buffer: the drawing decides, not a copy of it).
    fn widest_row(&mut self, pane: PaneId) -> usize {
        const PROBE_WIDTH: u16 = 1000;
        let Some(rect) = self.areas().pane(pane) else {
            return 0;
        };
        let left = std::mem::take(&mut self.views[pane.index()].left);
        let area = Rect::new(0, 0, PROBE_WIDTH, rect.height);
        let mut buf = ratatui::buffer::Buffer::empty(area);
        panes::render_pane(self, pane, area, &mut buf);
        self.views[pane.index()].left = left;
        (1..rect.height.saturating_sub(1))
            .filter_map(|y| {
                (1..PROBE_WIDTH - 1)
                    .rev()
                    .find(|&x| !buf[(x, y)].symbol().trim().is_empty())
            })
            .max()
            .map_or(0, usize::from)
    }

    /// Tab / S-Tab: the next pane on screen (zoomed, or with one main
    /// pane: the next of all, which then takes the screen or the top).
    fn cycle_focus(&mut self, forward: bool) {
        let order = match (self.zoomed, self.arrangement) {
            (false, layout::Arrangement::SourceAsm) => vec![PaneId::Source, PaneId::Asm],
            _ => PaneId::ALL
                .into_iter()
                .filter(|&p| p != PaneId::States || self.has_async())
                .collect(),
        };
        let at = order.iter().position(|&p| p == self.focus).unwrap_or(0);
        let by = if forward { 1 } else { order.len() - 1 };
        self.focus = order[(at + by) % order.len()];
        if self.focus.main() {
            self.main_pane = self.focus;
        }
        self.scroll_into_view(self.focus);
    }

    /// `+` / `-`: the next (`by` 1) or previous arrangement of the panes.
    fn cycle_layout(&mut self, by: usize) {
        let all = layout::Arrangement::ALL;
        let at = all.iter().position(|&a| a == self.arrangement).unwrap_or(0);
        self.arrangement = all[(at + by) % all.len()];
        self.zoomed = false;
        if !self.arrangement.panes(self.main_pane).contains(&self.focus) {
            self.focus = PaneId::Source;
            self.main_pane = PaneId::Source;
        }
        for pane in PaneId::ALL {
            self.scroll_into_view(pane);
        }
        self.message = format!(
            "layout: {} (+ and - for the others)",
            self.arrangement.words()
        );
    }

    /// `←` / `→`: the focused pane's first column, no further right than
    /// its widest row on screen needs.
    fn scroll_sideways(&mut self, by: isize) {
        let pane = self.focus;
        let width = self
            .areas()
            .pane(pane)
            .map_or(0, |r| usize::from(r.width.saturating_sub(2)));
        let view = self.views[pane.index()];
        let last = self.widest_row(pane).saturating_sub(width);
        let left = view.left.saturating_add_signed(by).min(last);
        self.views[pane.index()].left = left;
        self.message = match (left, last) {
            (_, 0) => "every line of this pane fits".to_string(),
            (0, _) => "lines from their first column (→ shows their ends)".to_string(),
            (left, _) => format!("lines from column {} (← → scroll)", left + 1),
        };
    }

    fn toggle_zoom(&mut self) {
        self.zoomed = !self.zoomed;
        // Zoomed, Tab reaches every pane; back in a layout without the
        // focused one, the focus goes to one on screen.
        if !self.zoomed && !self.arrangement.panes(self.main_pane).contains(&self.focus) {
            self.focus = PaneId::Source;
        }
        // Its height changed: keep its cursor on screen (the hidden panes
        // keep their views for when they come back).
        self.scroll_into_view(self.focus);
    }

    fn click(&mut self, x: u16, y: u16) {
        let Some((pane, rect)) = self.areas().pane_at(x, y) else {
            return;
        };
        self.focus = pane;
        if y > rect.y && y + 1 < rect.y + rect.height {
            let view = self.views[pane.index()];
            let row = view.top + (y - rect.y - 1) as usize;
            let delta = row as isize - view.cursor as isize;
            self.move_cursor(delta);
        }
    }

    fn scroll(&mut self, x: u16, y: u16, down: bool) {
        let Some((pane, _)) = self.areas().pane_at(x, y) else {
            return;
        };
        let count = panes::row_count(self, pane);
        let view = &mut self.views[pane.index()];
        view.top = if down {
            (view.top + 3).min(count.saturating_sub(1))
        } else {
            view.top.saturating_sub(3)
        };
    }

    // ----- toggles, breakpoints ---------------------------------------------

    fn toggle_interleave(&mut self) {
        self.interleave = !self.interleave;
        if let (Ok(session), Some(i)) = (&self.session, self.highlight.insn) {
            self.views[PaneId::Asm.index()].cursor = self.insn_row(session, i);
        }
        self.scroll_into_view(PaneId::Asm);
    }

    fn toggle_whole(&mut self) {
        self.whole = !self.whole;
        self.views[PaneId::States.index()] = View::default();
        if let Some(row) = self.state_row_of_highlight() {
            self.views[PaneId::States.index()].cursor = row;
        }
        self.scroll_into_view(PaneId::States);
    }

    /// The breakpoint the focused pane's selection stands for.
    fn breakpoint_here(&self) -> Option<Breakpoint> {
        let session = self.session.as_ref().ok()?;
        match (self.focus, self.selection) {
            (PaneId::Source, Selection::Line(file, line)) => Some(Breakpoint::Line { file, line }),
            (PaneId::Asm, Selection::Insn(i)) => {
                Some(Breakpoint::Addr(session.image().map[i].addr))
            }
            (PaneId::Asm, Selection::Line(file, line)) => Some(Breakpoint::Line { file, line }),
            (PaneId::States, Selection::State(m, state)) => Some(Breakpoint::State {
                method: session.methods[m].name.clone(),
                state,
            }),
            _ => None,
        }
    }

    fn toggle_breakpoint(&mut self) {
        // Enter acts on the row under the cursor, also right after Tab
        // (before any move selected it).
        if self.focus.main() {
            self.select_from_cursor();
        }
        let Some(breakpoint) = self.breakpoint_here() else {
            self.message = "select a source line, an instruction or a state first".to_string();
            return;
        };
        let Ok(session) = &mut self.session else {
            return;
        };
        self.message = match session.toggle_breakpoint(breakpoint.clone()) {
            Ok(true) => format!(
                "breakpoint set: {}",
                describe_breakpoint(session, &breakpoint)
            ),
            Ok(false) => format!(
                "breakpoint cleared: {}",
                describe_breakpoint(session, &breakpoint)
            ),
            Err(e) => format!("no breakpoint: {e}"),
        };
    }

    // ----- prompts ------------------------------------------------------------

    fn open_prompt(&mut self, kind: PromptKind) {
        self.mode = Mode::Prompt {
            kind,
            text: String::new(),
        };
    }

    fn prompt(&mut self, action: Action) {
        let Mode::Prompt { kind, text } = &mut self.mode else {
            return;
        };
        match action {
            Action::Type(c) => text.push(c),
            Action::Erase => {
                text.pop();
            }
            Action::Cancel => self.mode = Mode::Normal,
            Action::Submit => {
                let (kind, text) = (*kind, std::mem::take(text));
                self.mode = Mode::Normal;
                match kind {
                    PromptKind::Search => self.search(&text),
                    PromptKind::Goto => self.goto(&text),
                }
            }
            _ => {}
        }
    }

    /// Finds the next row of the focused pane containing `query` (wrapping).
    fn search(&mut self, query: &str) {
        if !query.is_empty() {
            self.last_search = query.to_lowercase();
        }
        let needle = self.last_search.clone();
        if needle.is_empty() {
            return;
        }
        let count = panes::row_count(self, self.focus);
        let start = self.views[self.focus.index()].cursor;
        let found = (1..=count)
            .map(|k| (start + k) % count.max(1))
            .find(|&row| {
                panes::row_text(self, self.focus, row)
                    .to_lowercase()
                    .contains(&needle)
            });
        match found {
            Some(row) => {
                self.message = format!("found `{needle}`");
                self.move_cursor(row as isize - start as isize);
            }
            None => self.message = format!("`{needle}` is not in this pane"),
        }
    }

    /// `g`: `N` goes to event N, `iN` to instruction count N.
    fn goto(&mut self, text: &str) {
        let Ok(session) = &mut self.session else {
            return;
        };
        let text = text.trim();
        let target = if let Some(n) = text.strip_prefix('i') {
            n.trim().parse::<u64>().ok()
        } else {
            text.parse::<usize>()
                .ok()
                .and_then(|n| session.event_number(n))
        };
        let Some(target) = target else {
            self.message = format!(
                "cannot go to `{text}`: give an event number, or i and an instruction count"
            );
            return;
        };
        let progress = session.goto(target);
        self.after_progress(progress);
    }
}

/// Turns a terminal event into an action (key presses only, never releases).
pub fn action_for(event: &Event, mode: &Mode) -> Option<Action> {
    match event {
        Event::Key(key) if key.kind == KeyEventKind::Press => key_action(key, mode),
        Event::Mouse(mouse) => match mouse.kind {
            MouseEventKind::Down(MouseButton::Left) => Some(Action::Click {
                x: mouse.column,
                y: mouse.row,
            }),
            MouseEventKind::ScrollDown | MouseEventKind::ScrollUp => Some(Action::Scroll {
                x: mouse.column,
                y: mouse.row,
                down: mouse.kind == MouseEventKind::ScrollDown,
            }),
            _ => None,
        },
        Event::Resize(width, height) => Some(Action::Resize {
            width: *width,
            height: *height,
        }),
        _ => None,
    }
}

fn key_action(key: &KeyEvent, mode: &Mode) -> Option<Action> {
    if key.modifiers.contains(KeyModifiers::CONTROL) {
        return (key.code == KeyCode::Char('c')).then_some(Action::Quit);
    }
    if let Mode::Prompt { .. } = mode {
        return match key.code {
            KeyCode::Char(c) => Some(Action::Type(c)),
            KeyCode::Backspace => Some(Action::Erase),
            KeyCode::Enter => Some(Action::Submit),
            KeyCode::Esc => Some(Action::Cancel),
            _ => None,
        };
    }
    if key.code == KeyCode::Esc {
        return Some(Action::Cancel);
    }
    if let (Mode::Quiz, KeyCode::Char(c @ '1'..='4')) = (mode, key.code) {
        return Some(Action::Answer(c as u8 - b'0'));
    }
    BINDINGS
        .iter()
        .find(|b| b.keys.contains(&key.code))
        .map(|b| b.action)
}

/// The highlight of a selection.
fn highlight(session: &Session, selection: Selection) -> Highlight {
    let mut h = Highlight::default();
    match selection {
        Selection::None => {}
        Selection::Line(file, line) => {
            h.lines.insert((file, line));
            h.insns = session
                .line_insns
                .get(&(file, line))
                .map(|v| v.iter().copied().collect())
                .unwrap_or_default();
            h.insn = h.insns.iter().min().copied();
            h.state = h.insn.and_then(|i| session.insn_state[i]);
        }
        Selection::Insn(i) => {
            h.insn = Some(i);
            h.state = session.insn_state[i];
            if let Some(line) = session.insn_line[i] {
                h.lines.insert(line);
                h.insns = session.line_insns[&line].iter().copied().collect();
            }
        }
        Selection::State(m, state) => {
            h.state = Some((m, state));
            h.insns = (0..session.insn_state.len())
                .filter(|&i| session.insn_state[i] == Some((m, state)))
                .collect();
            h.lines = h
                .insns
                .iter()
                .filter_map(|&i| session.insn_line[i])
                .collect();
            h.insn = h.insns.iter().min().copied();
        }
    }
    h
}

fn modified(path: &Path) -> Option<std::time::SystemTime> {
    std::fs::metadata(path).and_then(|m| m.modified()).ok()
}

/// Flux# files (not the runtime's `.asm`) are shown in the source pane.
fn is_flux_file(session: &Session, file: FileId) -> bool {
    !session
        .machine
        .program()
        .sources
        .get(file)
        .name
        .ends_with(".asm")
}

fn describe_breakpoint(session: &Session, breakpoint: &Breakpoint) -> String {
    match breakpoint {
        Breakpoint::Addr(a) => format!("instruction {a:#x}"),
        Breakpoint::Line { file, line } => {
            format!(
                "{}:{line}",
                session.machine.program().sources.get(*file).name
            )
        }
        Breakpoint::State { method, state } => format!("state {state} of {method}"),
    }
}

/// The status message after a motion.
pub fn stop_message(stop: &Stop) -> String {
    use crate::machine::End;
    match stop {
        Stop::Event(e) => {
            let name = e.kind.name();
            let article = if name.starts_with(['a', 'e', 'i', 'o', 'u']) {
                "an"
            } else {
                "a"
            };
            format!("stopped before {article} {name} event")
        }
        Stop::Breakpoint(addr) => format!("breakpoint at {addr:#x}"),
        // `n` stops where a line begins, `f` right after the return (mid-line).
        Stop::Line => "stopped on a source line".to_string(),
        Stop::Step => String::new(),
        Stop::Start => "at the start".to_string(),
        Stop::End(End::Exit(code)) => format!("the program exited with code {code}"),
        Stop::End(End::Budget) => "the instruction budget is used up".to_string(),
        Stop::End(End::Fault(reason)) => format!("the program failed: {reason}"),
    }
}
