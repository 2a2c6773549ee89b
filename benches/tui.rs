//! `cargo bench --bench tui`: the terminal UI's figures (issues 7 and 13).
//!
//! 1. Through a real terminal, from process start: the release binary
//!    (`flux-viz lessons/05-timers.fs`, the one cargo builds for this bench)
//!    in a pseudo-terminal of 200×50 (libc's `openpty`), its output read
//!    by a terminal emulator (the `vt100` crate) until the screen's last row
//!    holds the key hints, the last bar drawn, so every row above it is
//!    drawn too; the process's resident memory (VmRSS, VmHWM) at that moment;
//!    then keys `n` and `a` typed into the terminal, timed to the last byte
//!    of the redrawn frame (the title's `instruction N` changed, no
//!    `running…` left). Median, min and max of 9 launches.
//! 2. In process (ratatui's TestBackend at 200×50, lesson 05): launch to the
//!    first frame, one frame's render, keys to the redrawn frame. A long
//!    motion (`n`, `a`) runs to its end (`App::tick`) before the frame.
//! 3. In process at 10^6 awaits (benches/programs/million_awaits.fs): `g` to
//!    instruction 100,000,000, the peak memory after it, one frame, and keys
//!    `s`, `n`, `a`, `b`, `B` there. A motion that does not finish within
//!    its time limit is interrupted and reported `OVER BUDGET` with where it
//!    got to; past 6 GiB resident (`FLUX_BENCH_MAX_RSS_MIB`) a watchdog ends
//!    the bench with an `OVER BUDGET` line for the phase it was in.
//!
//! 4. Classroom (issue 16), in process: exporting lesson 04 as HTML and
//!    Markdown; one frame of lesson 09 with the heap pane focused at 120×35
//!    and 200×50; keys `z`, a beat of auto-play (`p`) and a quiz answer
//!    (`Q`, `a`, `1`) to the redrawn frame.
//!
//! The budgets are issue 13's and 16's goals, not assertions: the bench always ends.

use flux_viz::tui::app::{Action, App};
use flux_viz::tui::panes::Screen;
use flux_viz::tui::text;
use flux_viz::tui::theme::Theme;
use ratatui::backend::TestBackend;
use ratatui::Terminal;
use std::path::Path;
use std::time::{Duration, Instant};

const LESSON: &str = "lessons/05-timers.fs";
const MILLION: &str = "benches/programs/million_awaits.fs";
const WIDTH: u16 = 200;
const HEIGHT: u16 = 50;

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

fn app(path: &str) -> App {
    let mut app = App::new(Path::new(path), true, Theme::from_env(None));
    app.apply(Action::Resize {
        width: WIDTH,
        height: HEIGHT,
    });
    assert!(app.session.is_ok(), "{path} compiles");
    app
}

fn icount(app: &App) -> u64 {
    app.session.as_ref().map_or(0, |s| s.machine.icount())
}

/// Applies `action` and, if it started a long motion, runs it to its end as
/// the UI's loop does (a slice per tick); interrupts it where it stands once
/// it has run for `limit` (checked between slices). True if it finished.
fn settle(app: &mut App, action: Action, limit: Duration) -> bool {
    let start = Instant::now();
    app.apply(action);
    while app.running() {
        if start.elapsed() > limit {
            app.interrupt();
            return false;
        }
        app.tick();
    }
    true
}

/// The resident memory the 10^6-await part may take, in MiB
/// (`FLUX_BENCH_MAX_RSS_MIB` overrides): the machine is shared with other
/// builds, and on the day this was written `g` to 100 M took 14 GB resident
/// (18 GB peak) in one step that no slice boundary interrupts.
const MAX_RSS_MIB: u64 = 6 << 10;

/// What the 10^6-await part is measuring now, and since when.
static PHASE: std::sync::Mutex<Option<(String, Instant)>> = std::sync::Mutex::new(None);

fn phase(what: &str) {
    *PHASE.lock().unwrap() = Some((what.to_string(), Instant::now()));
}

/// Ends the bench (it is its last part) with an `OVER BUDGET` line when
/// the process's resident memory passes `max_mib`.
fn memory_watchdog(max_mib: u64) {
    std::thread::spawn(move || loop {
        std::thread::sleep(Duration::from_millis(20));
        let rss = own_memory().0 >> 10;
        if rss > max_mib {
            let (what, since) = PHASE
                .lock()
                .unwrap()
                .clone()
                .unwrap_or_else(|| ("(between phases)".to_string(), Instant::now()));
            println!(
                "{what:<48} stopped: over {max_mib} MiB resident after {:.1} s (OVER BUDGET; FLUX_BENCH_MAX_RSS_MIB raises the limit)",
                since.elapsed().as_secs_f64()
            );
            std::process::exit(0);
        }
    });
}

/// `cargo bench --bench tui -- million` runs only the parts whose names
/// (`terminal`, `in-process`, `million`, `classroom`) are given; no name
/// runs them all.
fn main() {
    let asked: Vec<String> = std::env::args()
        .skip(1)
        .filter(|a| !a.starts_with("--"))
        .collect();
    let wanted = |part: &str| asked.is_empty() || asked.iter().any(|a| a == part);
    if wanted("terminal") {
        terminal_figures();
    }
    if wanted("in-process") {
        in_process();
    }
    if wanted("classroom") {
        classroom();
    }
    if wanted("million") {
        million_awaits();
    }
}

// ----- 1. a real terminal -------------------------------------------------

fn terminal_figures() {
    let binary = Path::new(env!("CARGO_BIN_EXE_flux-viz"));
    println!(
        "real terminal: {} {LESSON} in a {WIDTH}x{HEIGHT} pty, from process start (9 launches)",
        binary.display()
    );
    let mut launch = Vec::new();
    let (mut rss, mut hwm) = (Vec::new(), Vec::new());
    let (mut key_n, mut key_a) = (Vec::new(), Vec::new());
    for _ in 0..9 {
        let mut pty = match pty::Session::spawn(binary, &[LESSON], WIDTH, HEIGHT) {
            Ok(pty) => pty,
            Err(e) => {
                println!("  cannot run in a pty: {e}");
                return;
            }
        };
        let Some(t) = pty.wait_for(Duration::from_secs(30), full_frame) else {
            println!(
                "  no full frame within 30 s; the screen:\n{}",
                pty.screen_text()
            );
            return;
        };
        launch.push(t);
        let (r, h) = memory(pty.pid());
        rss.push(r);
        hwm.push(h);
        for (key, samples) in [(b'n', &mut key_n), (b'a', &mut key_a)] {
            match pty.key_to_frame(key, Duration::from_secs(30)) {
                Some(t) => samples.push(t),
                None => println!("  key `{}`: no redrawn frame within 30 s", key as char),
            }
        }
        pty.quit();
    }
    report_spread("launch to the first full frame", &launch, 120.0);
    let mib = |v: &[u64]| v.iter().map(|&k| k as f64 / 1024.0).collect::<Vec<_>>();
    report_mib("  resident memory then (VmRSS)", &mib(&rss), 64.0);
    report_mib("  peak resident memory then (VmHWM)", &mib(&hwm), 64.0);
    report_spread("key `n` to the redrawn frame", &key_n, 16.0);
    report_spread("key `a` to the redrawn frame", &key_a, 16.0);
}

/// The whole first frame is on the screen: ratatui writes the cells that
/// differ row by row, top to bottom, and the key hints are the last row.
fn full_frame(screen: &vt100::Screen) -> bool {
    last_row(screen).trim_start().starts_with(text::HINTS)
}

fn last_row(screen: &vt100::Screen) -> String {
    let (_, cols) = screen.size();
    screen
        .rows(0, cols)
        .nth(usize::from(HEIGHT) - 1)
        .unwrap_or_default()
}

/// The `instruction N` of the title bar (the first row).
fn title_icount(screen: &vt100::Screen) -> Option<u64> {
    let (_, cols) = screen.size();
    let title = screen.rows(0, cols).next()?;
    let rest = &title[title.find("instruction ")? + "instruction ".len()..];
    rest.split(|c: char| !c.is_ascii_digit())
        .next()?
        .parse()
        .ok()
}

/// (VmRSS, VmHWM) of a process in KiB.
fn memory(pid: u32) -> (u64, u64) {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).unwrap_or_default();
    let field = |name: &str| {
        status
            .lines()
            .find_map(|l| l.strip_prefix(name))
            .and_then(|v| v.trim().trim_end_matches("kB").trim().parse().ok())
            .unwrap_or(0)
    };
    (field("VmRSS:"), field("VmHWM:"))
}

fn own_memory() -> (u64, u64) {
    memory(std::process::id())
}

/// The program under test in a pseudo-terminal, seen through a terminal emulator.
mod pty {
    use super::title_icount;
    use std::fs::File;
    use std::io::{Read, Write};
    use std::os::fd::{AsRawFd, FromRawFd, OwnedFd};
    use std::os::unix::process::CommandExt;
    use std::path::Path;
    use std::process::{Child, Command, Stdio};
    use std::time::{Duration, Instant};

    pub struct Session {
        child: Child,
        master: File,
        parser: vt100::Parser,
        /// When the process was started (just before the fork).
        started: Instant,
    }

    impl Session {
        /// Starts `program args` on a new pty of `width`×`height` as its
        /// controlling terminal (stdin, stdout and stderr).
        pub fn spawn(
            program: &Path,
            args: &[&str],
            width: u16,
            height: u16,
        ) -> Result<Session, String> {
            let (mut master, mut slave) = (-1, -1);
            let size = libc::winsize {
                ws_row: height,
                ws_col: width,
                ws_xpixel: 0,
                ws_ypixel: 0,
            };
            // SAFETY: openpty writes two descriptors; null name and termios
            // mean "any name" and the default line discipline.
            let rc = unsafe {
                libc::openpty(
                    &mut master,
                    &mut slave,
                    std::ptr::null_mut(),
                    std::ptr::null(),
                    &size,
                )
            };
            if rc != 0 {
                return Err(format!("openpty: {}", std::io::Error::last_os_error()));
            }
            // SAFETY: both descriptors were just opened and are owned here only.
            let (master, slave) =
                unsafe { (File::from_raw_fd(master), OwnedFd::from_raw_fd(slave)) };
            let io = |fd: &OwnedFd| fd.try_clone().map(Stdio::from).map_err(|e| e.to_string());
            let mut command = Command::new(program);
            command
                .args(args)
                .current_dir(env!("CARGO_MANIFEST_DIR"))
                .env("TERM", "xterm-256color")
                .stdin(io(&slave)?)
                .stdout(io(&slave)?)
                .stderr(io(&slave)?);
            // SAFETY: only async-signal-safe calls between fork and exec: a new
            // session whose controlling terminal is the pty (stdin).
            unsafe {
                command.pre_exec(|| {
                    if libc::setsid() < 0 || libc::ioctl(0, libc::TIOCSCTTY, 0) < 0 {
                        return Err(std::io::Error::last_os_error());
                    }
                    Ok(())
                });
            }
            let started = Instant::now();
            let child = command.spawn().map_err(|e| e.to_string())?;
            drop(slave);
            Ok(Session {
                child,
                master,
                parser: vt100::Parser::new(height, width, 0),
                started,
            })
        }

        pub fn pid(&self) -> u32 {
            self.child.id()
        }

        pub fn screen_text(&self) -> String {
            self.parser.screen().contents()
        }

        /// Reads what arrives within `timeout`; the time it arrived, or None.
        fn read(&mut self, timeout: Duration) -> Option<Instant> {
            let mut fd = libc::pollfd {
                fd: self.master.as_raw_fd(),
                events: libc::POLLIN,
                revents: 0,
            };
            let ms = timeout.as_millis().min(i32::MAX as u128) as i32;
            // SAFETY: one valid pollfd.
            if unsafe { libc::poll(&mut fd, 1, ms) } <= 0 {
                return None;
            }
            let mut buf = [0u8; 65536];
            match self.master.read(&mut buf) {
                Ok(n) if n > 0 => {
                    let at = Instant::now();
                    self.parser.process(&buf[..n]);
                    Some(at)
                }
                _ => None,
            }
        }

        /// Time from process start until `done(screen)` holds.
        pub fn wait_for(
            &mut self,
            limit: Duration,
            done: impl Fn(&vt100::Screen) -> bool,
        ) -> Option<Duration> {
            while self.started.elapsed() < limit {
                if let Some(at) = self.read(Duration::from_millis(100)) {
                    if done(self.parser.screen()) {
                        return Some(at - self.started);
                    }
                }
            }
            None
        }

        /// Types `key`; the time to the last byte of the redrawn frame: the
        /// title's instruction count changed and no `running…` is left,
        /// and then nothing more changed the screen for 100 ms.
        pub fn key_to_frame(&mut self, key: u8, limit: Duration) -> Option<Duration> {
            let before = title_icount(self.parser.screen());
            let pressed = Instant::now();
            self.master.write_all(&[key]).ok()?;
            let (mut redrawn, mut last) = (false, None);
            while pressed.elapsed() < limit {
                let shown = self.parser.screen().contents_formatted();
                let Some(at) = self.read(Duration::from_millis(100)) else {
                    if redrawn {
                        break; // quiet for 100 ms after the frame
                    }
                    continue;
                };
                let screen = self.parser.screen();
                redrawn = redrawn
                    || (title_icount(screen) != before && !screen.contents().contains("running…"));
                if redrawn && screen.contents_formatted() != shown {
                    last = Some(at);
                }
            }
            last.map(|at| at - pressed)
        }

        /// `q`, then waits for the process (killed after 5 s).
        pub fn quit(mut self) {
            let _ = self.master.write_all(b"q");
            let deadline = Instant::now() + Duration::from_secs(5);
            while Instant::now() < deadline {
                let _ = self.read(Duration::from_millis(20));
                if let Ok(Some(_)) = self.child.try_wait() {
                    return;
                }
            }
            let _ = self.child.kill();
            let _ = self.child.wait();
        }
    }
}

// ----- 2. in process, lesson 05 -------------------------------------------

fn in_process() {
    println!("in process: {LESSON}, ratatui TestBackend {WIDTH}x{HEIGHT}, medians");
    let mut terminal = Terminal::new(TestBackend::new(WIDTH, HEIGHT)).expect("a test terminal");
    let launch = time(9, || {
        let app = app(LESSON);
        draw(&mut terminal, &app);
    });
    report("launch to the first full frame (in process)", launch, 200.0);

    let mut app = app(LESSON);
    app.apply(Action::NextIteration);
    let render = time(51, || draw(&mut terminal, &app));
    report("one frame at 200x50", render, 2.0);

    let limit = Duration::from_secs(30);
    for (label, action, runs) in [
        ("s", Action::Step, 51),
        ("b", Action::StepBack, 51),
        ("n", Action::NextLine, 11),
        ("a", Action::NextEvent, 21),
        ("B", Action::BackEvent, 21),
    ] {
        let took = time(runs, || {
            settle(&mut app, action, limit);
            draw(&mut terminal, &app);
        });
        report(&format!("key `{label}` to the redrawn frame"), took, 16.0);
    }
}

// ----- 3. in process, 10^6 awaits -----------------------------------------

fn million_awaits() {
    let target: u64 = 100_000_000;
    println!("in process: {MILLION} (10^6 awaits), TestBackend {WIDTH}x{HEIGHT}");
    let mut terminal = Terminal::new(TestBackend::new(WIDTH, HEIGHT)).expect("a test terminal");
    // Peak memory from here on: writing 5 to clear_refs resets VmHWM to the
    // current resident size (Linux 4.0+).
    let _ = std::fs::write("/proc/self/clear_refs", "5");
    let max_mib = std::env::var("FLUX_BENCH_MAX_RSS_MIB")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(MAX_RSS_MIB);
    memory_watchdog(max_mib);
    phase("load (compile, machine, prefetch)");
    let (t_load, mut app) = {
        let start = Instant::now();
        let app = app(MILLION);
        (start.elapsed(), app)
    };
    println!(
        "{:<48} {:>8.3} ms",
        "load (compile, machine, prefetch)",
        t_load.as_secs_f64() * 1e3
    );

    let limit = Duration::from_secs(120);
    phase("`g` i100000000 to the redrawn frame");
    let start = Instant::now();
    app.apply(Action::StartGoto);
    for c in format!("i{target}").chars() {
        app.apply(Action::Type(c));
    }
    let finished = settle(&mut app, Action::Submit, limit);
    draw(&mut terminal, &app);
    let goto = start.elapsed();
    let reached = icount(&app);
    if finished && reached == target {
        report("`g` i100000000 to the redrawn frame", goto, 2000.0);
    } else {
        println!(
            "{:<48} stopped after {:.1} s at instruction {reached}   (budget 2000 ms: OVER BUDGET)",
            "`g` i100000000 to the redrawn frame",
            goto.as_secs_f64()
        );
    }
    let (rss, hwm) = own_memory();
    println!(
        "  memory after it: {:.0} MiB resident, peak {:.0} MiB since loading (goal < 1024)",
        rss as f64 / 1024.0,
        hwm as f64 / 1024.0
    );
    let events = app.session.as_ref().map_or(0, |s| s.events.len());
    println!("  {events} events recorded so far");

    // A frame that takes seconds is timed fewer times.
    phase("one frame at 200x50");
    let first = time(1, || draw(&mut terminal, &app));
    let runs = if first > Duration::from_millis(100) {
        3
    } else {
        21
    };
    report(
        "one frame at 200x50",
        time(runs, || draw(&mut terminal, &app)),
        2.0,
    );

    let key_limit = Duration::from_secs(30);
    for (label, action) in [
        ("s", Action::Step),
        ("n", Action::NextLine),
        ("a", Action::NextEvent),
        ("b", Action::StepBack),
        ("B", Action::BackEvent),
    ] {
        let mut samples = Vec::new();
        let what = format!("key `{label}` to the redrawn frame");
        phase(&what);
        let mut over = false;
        for _ in 0..5 {
            let start = Instant::now();
            over |= !settle(&mut app, action, key_limit);
            draw(&mut terminal, &app);
            samples.push(start.elapsed());
            if start.elapsed() > Duration::from_secs(2) {
                break; // slow: one or two samples say enough
            }
        }
        if over {
            println!(
                "{what:<48} interrupted after {} s at instruction {}   (budget 50 ms: OVER BUDGET)",
                key_limit.as_secs(),
                icount(&app)
            );
        } else {
            report(&what, median(samples), 50.0);
        }
    }
    println!("  now at instruction {}", icount(&app));
}

// ----- 4. classroom ------------------------------------------------------

const HEAP_LESSON: &str = "lessons/09-interfaces.fs";
const EXPORTED: &str = "lessons/04-event-loop.fs";

fn sized_app(path: &str, width: u16, height: u16) -> App {
    let mut app = App::new(Path::new(path), true, Theme::from_env(None));
    app.apply(Action::Resize { width, height });
    assert!(app.session.is_ok(), "{path} compiles");
    app
}

fn classroom() {
    use flux_viz::tui::export::{export, Format};
    println!("in process: classroom figures, medians");
    for (label, format) in [("HTML", Format::Html), ("Markdown", Format::Md)] {
        let took = time(5, || {
            export(
                Path::new(EXPORTED),
                Default::default(),
                Theme::from_env(None),
                format,
                0,
            )
            .expect("the lesson exports");
        });
        report(&format!("export {EXPORTED} as {label}"), took, 1000.0);
    }
    let limit = Duration::from_secs(30);
    for (width, height) in [(120, 35), (200, 50)] {
        let mut terminal = Terminal::new(TestBackend::new(width, height)).expect("a test terminal");
        let mut app = sized_app(HEAP_LESSON, width, height);
        // Past the objects' construction: the heap holds the animals.
        for _ in 0..6 {
            settle(&mut app, Action::NextEvent, limit);
        }
        app.apply(Action::ToggleHeap);
        while app.focus != flux_viz::tui::app::PaneId::Async {
            app.apply(Action::FocusNext);
        }
        let render = time(51, || draw(&mut terminal, &app));
        let shown: String = terminal
            .backend()
            .buffer()
            .content
            .iter()
            .map(|c| c.symbol())
            .collect();
        assert!(shown.contains("Heap"), "the heap pane is on screen");
        let objects = shown.matches(" → ").count();
        report(
            &format!("frame at {width}x{height}, heap pane ({objects} refs)"),
            render,
            2.0,
        );
    }
    let mut terminal = Terminal::new(TestBackend::new(120, 35)).expect("a test terminal");
    let mut app = sized_app(EXPORTED, 120, 35);
    let zoom = time(51, || {
        app.apply(Action::Zoom);
        draw(&mut terminal, &app);
    });
    report("key `z` to the redrawn frame (120x35)", zoom, 16.0);
    app.apply(Action::Zoom); // back to all the panes
    let mut beats = Vec::new();
    for _ in 0..21 {
        if !app.playing() {
            app.apply(Action::PlayForward); // it paused at a note: play on
        }
        let before = icount(&app);
        let t = Instant::now();
        app.play_step();
        while app.running() {
            app.tick();
        }
        draw(&mut terminal, &app);
        if icount(&app) != before {
            beats.push(t.elapsed());
        }
    }
    report_spread("a beat of `p` to the redrawn frame (120x35)", &beats, 16.0);
    let mut app = sized_app(EXPORTED, 120, 35);
    app.apply(Action::ToggleQuiz);
    let mut answers = Vec::new();
    for _ in 0..15 {
        app.apply(Action::NextEvent);
        while app.running() {
            app.tick();
        }
        if app.question.is_none() {
            continue;
        }
        let t = Instant::now();
        app.apply(Action::Answer(1));
        draw(&mut terminal, &app);
        answers.push(t.elapsed());
    }
    report_spread(
        "quiz answer `1` to the redrawn frame (120x35)",
        &answers,
        16.0,
    );
}

fn report(what: &str, took: Duration, budget_ms: f64) {
    let ms = took.as_secs_f64() * 1000.0;
    let verdict = if ms < budget_ms { "ok" } else { "OVER BUDGET" };
    println!("{what:<48} {ms:>8.3} ms   (budget {budget_ms} ms: {verdict})");
}

/// Median, min and max of some runs, against a budget for the median.
fn report_spread(what: &str, samples: &[Duration], budget_ms: f64) {
    if samples.is_empty() {
        println!("{what:<48} no samples");
        return;
    }
    let ms: Vec<f64> = samples.iter().map(|d| d.as_secs_f64() * 1e3).collect();
    report_values(what, &ms, "ms", budget_ms);
}

fn report_mib(what: &str, values: &[f64], budget: f64) {
    report_values(what, values, "MiB", budget);
}

fn report_values(what: &str, values: &[f64], unit: &str, budget: f64) {
    let mut v = values.to_vec();
    v.sort_by(f64::total_cmp);
    let med = v[v.len() / 2];
    let verdict = if med < budget { "ok" } else { "OVER BUDGET" };
    println!(
        "{what:<48} {med:>8.1} {unit} median, min {:.1}, max {:.1}   (budget {budget} {unit}: {verdict})",
        v[0],
        v[v.len() - 1]
    );
}
