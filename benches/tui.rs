//! `cargo bench --bench tui`: the terminal UI's three figures (issue 7).
//!
//! - launch: load lesson 05 (compile, state-machine listing, machine, the
//!   run-ahead for the timeline) and render the first full frame at 200×50;
//!   plus the same through the real binary in tmux when both are there;
//! - one frame's render at 200×50 (into ratatui's TestBackend);
//! - a key press to the redrawn frame: step, and step back.
//!
//! Each figure is the median of several runs.

use flux_viz::tui::app::{Action, App};
use flux_viz::tui::panes::Screen;
use flux_viz::tui::theme::Theme;
use ratatui::backend::TestBackend;
use ratatui::Terminal;
use std::path::Path;
use std::time::{Duration, Instant};

const LESSON: &str = "lessons/05-timers.fs";

fn median(mut samples: Vec<Duration>) -> Duration {
    samples.sort();
    samples[samples.len() / 2]
}

fn time(runs: usize, mut f: impl FnMut()) -> Duration {
    median(
        (0..runs)
            .map(|_| {
                let t = Instant::now();
                f();
                t.elapsed()
            })
            .collect(),
    )
}

fn draw(terminal: &mut Terminal<TestBackend>, app: &App) {
    terminal
        .draw(|f| f.render_widget(&Screen(app), f.area()))
        .expect("draws");
}

fn app() -> App {
    let mut app = App::new(Path::new(LESSON), true, Theme::from_env());
    app.apply(Action::Resize {
        width: 200,
        height: 50,
    });
    app
}

fn main() {
    let mut terminal = Terminal::new(TestBackend::new(200, 50)).expect("a test terminal");
    let launch = time(9, || {
        let app = app();
        draw(&mut terminal, &app);
    });
    report("launch to the first full frame (in process)", launch, 200.0);

    let mut app = app();
    app.apply(Action::NextIteration);
    let render = time(51, || draw(&mut terminal, &app));
    report("one frame at 200x50", render, 2.0);

    let step = time(51, || {
        app.apply(Action::Step);
        draw(&mut terminal, &app);
    });
    report("key `s` to the redrawn frame", step, 16.0);
    let back = time(51, || {
        app.apply(Action::StepBack);
        draw(&mut terminal, &app);
    });
    report("key `b` to the redrawn frame", back, 16.0);
    let next = time(11, || {
        app.apply(Action::NextLine);
        draw(&mut terminal, &app);
    });
    report("key `n` to the redrawn frame", next, 16.0);
    let event = time(21, || {
        app.apply(Action::NextEvent);
        draw(&mut terminal, &app);
    });
    report("key `a` to the redrawn frame", event, 16.0);
    let back_event = time(21, || {
        app.apply(Action::BackEvent);
        draw(&mut terminal, &app);
    });
    report("key `B` to the redrawn frame", back_event, 16.0);
}

fn report(what: &str, took: Duration, budget_ms: f64) {
    let ms = took.as_secs_f64() * 1000.0;
    let verdict = if ms < budget_ms { "ok" } else { "OVER BUDGET" };
    println!("{what:<48} {ms:>8.3} ms   (budget {budget_ms} ms: {verdict})");
}
