//! The terminal UI: `flux-viz FILE` shows source, state machine and x86-64
//! side by side and steps the program forwards and backwards.
//!
//! In: a Flux# file (and whether to narrate). Out: an interactive session on
//! the terminal; the process exit code. The pieces: [`app`] (state, actions,
//! key map), [`session`] (the loaded program and its indexes), [`layout`],
//! [`panes`] (drawing only), [`text`] (every UI string), [`theme`] (colours,
//! `NO_COLOR`) and [`terminal`] (setup, restore, panic hook).

pub mod app;
pub mod export;
pub mod layout;
pub mod panes;
pub mod quiz;
pub mod session;
pub mod terminal;
pub mod text;
pub mod theme;
pub mod timeline;

use app::{action_for, App};
use crossterm::event;
use std::path::Path;
use std::time::{Duration, Instant};

/// How often the loop wakes without input, to notice an edited file.
const TICK: Duration = Duration::from_millis(250);

/// How the UI starts (the command line's flags).
#[derive(Debug, Clone, Copy)]
pub struct Options {
    /// Show a lesson's narration (only files in lessons/ have one).
    pub narration: bool,
    /// `--theme` (else `NO_COLOR` decides).
    pub theme: Option<theme::ThemeName>,
    /// `--quiz`: predict the next step from the start.
    pub quiz: bool,
}

/// Runs the UI until the user quits.
pub fn run(path: &Path, target: crate::pipeline::Target, options: Options) -> Result<(), String> {
    let narration = options.narration && crate::lesson::is_lesson_path(path);
    let mut app = App::open(
        path,
        target,
        narration,
        theme::Theme::from_env(options.theme),
    );
    if options.quiz {
        app.apply(app::Action::ToggleQuiz);
    }
    let (mut terminal, _guard) =
        terminal::setup().map_err(|e| format!("cannot use the terminal: {e}"))?;
    // When auto-play (p) makes its next motion.
    let mut next_beat = Instant::now();
    while !app.quit {
        let size = terminal.size().map_err(|e| e.to_string())?;
        if (size.width, size.height) != (app.area.width, app.area.height) {
            app.apply(app::Action::Resize {
                width: size.width,
                height: size.height,
            });
        }
        terminal
            .draw(|frame| frame.render_widget(&panes::Screen(&app), frame.area()))
            .map_err(|e| e.to_string())?;
        // While a long motion runs (c, g, a, n over a long call), keys are
        // looked at between slices of it: any key stops it at once.
        let wait = match (app.running(), app.playing()) {
            (true, _) => Duration::ZERO,
            (false, true) => next_beat
                .saturating_duration_since(Instant::now())
                .min(TICK),
            (false, false) => TICK,
        };
        if event::poll(wait).map_err(|e| e.to_string())? {
            let event = event::read().map_err(|e| e.to_string())?;
            let action = action_for(&event, &app.mode);
            if app.running() && !matches!(action, None | Some(app::Action::Resize { .. })) {
                app.interrupt();
                app.quit = action == Some(app::Action::Quit);
            } else if let Some(action) = action {
                let was_playing = app.playing();
                app.apply(action);
                if app.playing() && !was_playing {
                    next_beat = Instant::now(); // the first motion at once
                }
            }
        } else if app.running() {
            app.tick();
        } else if app.playing() && Instant::now() >= next_beat {
            app.play_step();
            next_beat = Instant::now() + app.beat();
        } else if app.session.is_err() && app.source_changed() {
            app.apply(app::Action::Reload);
        }
    }
    Ok(())
}
