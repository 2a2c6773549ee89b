//! End to end: the real release binary in tmux on lesson 04. Press `a` until
//! the event line announces the first `poll`, step back with `b`, quit with
//! `q`; check the captured screens, and that the terminal is restored (the
//! shell prompt is back, the alternate screen left, `stty` cooked again).
//!
//! A projector-size session (120×35, `--theme projector`) plays lesson 04
//! with `p` until it pauses at a note, plays on, and quits cleanly.
//!
//! Without tmux the test is skipped, unless `CI` is set: then it fails.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::thread::sleep;
use std::time::{Duration, Instant};

const LESSON: &str = "lessons/04-event-loop.fs";
const PROMPT: &str = "e2e$ ";

/// tmux on a private server socket, so the test never touches the user's.
struct Tmux {
    socket: String,
}

impl Tmux {
    fn run(&self, args: &[&str]) -> String {
        let out = Command::new("tmux")
            .arg("-L")
            .arg(&self.socket)
            .args(args)
            .output()
            .expect("tmux runs");
        String::from_utf8_lossy(&out.stdout).into_owned()
    }

    fn keys(&self, keys: &[&str]) {
        let mut args = vec!["send-keys", "-t", "e2e"];
        args.extend_from_slice(keys);
        self.run(&args);
    }

    fn screen(&self) -> String {
        self.run(&["capture-pane", "-p", "-t", "e2e"])
    }

    /// Waits until the screen satisfies `ok` (or panics after 15 s).
    fn wait_for(&self, what: &str, ok: impl Fn(&str) -> bool) -> String {
        let start = Instant::now();
        loop {
            let screen = self.screen();
            if ok(&screen) {
                return screen;
            }
            assert!(
                start.elapsed() < Duration::from_secs(15),
                "timed out waiting for {what}; the screen:\n{screen}"
            );
            sleep(Duration::from_millis(50));
        }
    }
}

impl Drop for Tmux {
    fn drop(&mut self) {
        let _ = Command::new("tmux")
            .args(["-L", &self.socket, "kill-server"])
            .output();
    }
}

impl Tmux {
    /// A 160×45 session with a plain shell in the project directory.
    fn start(name: &str) -> Tmux {
        Tmux::start_sized(name, 160, 45)
    }

    /// A `width`×`height` session with a plain shell in the project directory.
    fn start_sized(name: &str, width: u16, height: u16) -> Tmux {
        let tmux = Tmux {
            socket: format!("flux-viz-e2e-{name}-{}", std::process::id()),
        };
        let shell = format!(
            "env -i PATH=/usr/bin:/bin TERM=xterm-256color PS1='{PROMPT}' bash --norc --noprofile"
        );
        tmux.run(&[
            "new-session",
            "-d",
            "-s",
            "e2e",
            "-x",
            &width.to_string(),
            "-y",
            &height.to_string(),
            "-c",
            env!("CARGO_MANIFEST_DIR"),
            &shell,
        ]);
        tmux.wait_for("the shell prompt", |s| s.contains(PROMPT.trim_end()));
        tmux
    }
}

/// Is tmux here? Without it a test is skipped, unless `CI` is set.
fn tmux_or_skip() -> bool {
    if tmux_available() {
        return true;
    }
    assert!(
        std::env::var_os("CI").is_none(),
        "CI is set and tmux is missing"
    );
    eprintln!("skipped: tmux is not installed");
    false
}

fn tmux_available() -> bool {
    Command::new("tmux")
        .arg("-V")
        .output()
        .is_ok_and(|o| o.status.success())
}

/// The release binary: this test's own when built with `--release`, else
/// target/release/flux-viz (built here if it is missing).
fn binary() -> PathBuf {
    if !cfg!(debug_assertions) {
        return PathBuf::from(env!("CARGO_BIN_EXE_flux-viz"));
    }
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let target = std::env::var_os("CARGO_TARGET_DIR").map_or(root.join("target"), PathBuf::from);
    let path = target.join("release/flux-viz");
    if !path.exists() {
        let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".into());
        let status = Command::new(cargo)
            .args(["build", "--release"])
            .current_dir(root)
            .status()
            .expect("cargo runs");
        assert!(status.success(), "cargo build --release");
    }
    path
}

fn instruction_count(screen: &str) -> u64 {
    let at = screen
        .find("instruction ")
        .expect("the title shows the count")
        + 12;
    screen[at..]
        .split(|c: char| !c.is_ascii_digit())
        .next()
        .and_then(|n| n.parse().ok())
        .expect("a number")
}

#[test]
fn step_to_the_first_poll_step_back_and_quit_in_tmux() {
    if !tmux_or_skip() {
        return;
    }
    let tmux = Tmux::start("poll");
    let command = format!("{} {LESSON}", binary().display());
    tmux.keys(&[&command, "Enter"]);
    let first = tmux.wait_for("the UI", |s| s.contains("x86-64") && s.contains("s step"));
    assert!(first.contains("instruction 0 "), "{first}");

    // `a` until the event line says the next event is a poll.
    let mut screen = first;
    for _ in 0..200 {
        if screen.contains("next poll:") {
            break;
        }
        let before = instruction_count(&screen);
        tmux.keys(&["a"]);
        screen = tmux.wait_for("a motion", |s| {
            s.contains("instruction ") && instruction_count(s) != before
        });
    }
    assert!(screen.contains("next poll:"), "{screen}");
    assert!(
        screen.contains("rt_run_loop"),
        "the CPU is in the event loop:\n{screen}"
    );
    assert!(screen.contains("Promises"), "{screen}");
    let at_poll = instruction_count(&screen);

    tmux.keys(&["b"]);
    let back = tmux.wait_for("a step back", |s| instruction_count(s) == at_poll - 1);
    assert!(!back.contains("next poll:"), "{back}");

    tmux.keys(&["q"]);
    let after = tmux.wait_for("the prompt after quitting", |s| {
        !s.contains("x86-64") && s.trim_end().ends_with(PROMPT.trim_end())
    });
    assert!(
        after.contains(&command),
        "the alternate screen is left:\n{after}"
    );

    // The terminal is cooked again: canonical mode and echo are back.
    tmux.keys(&[
        "stty -a | tr ' ' '\\n' | grep -x -e icanon -e echo | sort | tr '\\n' ' '; echo",
        "Enter",
    ]);
    let stty = tmux.wait_for("stty", |s| s.contains("echo icanon"));
    assert!(stty.contains("echo icanon"), "{stty}");
}

#[test]
fn c_on_a_runaway_program_shows_progress_and_q_quits_at_once() {
    if !tmux_or_skip() {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let program = dir.path().join("spin.fs");
    std::fs::write(
        &program,
        "class P { static void Main() { int i = 0; while (true) { i++; } } }\n",
    )
    .unwrap();
    let tmux = Tmux::start("spin");
    let command = format!("{} {}", binary().display(), program.display());
    tmux.keys(&[&command, "Enter"]);
    tmux.wait_for("the UI", |s| s.contains("x86-64") && s.contains("s step"));
    tmux.keys(&["c"]);
    let running = tmux.wait_for("progress", |s| s.contains("any key stops"));
    let first = instruction_count(&running);
    tmux.wait_for("more progress", |s| {
        s.contains("any key stops") && instruction_count(s) > first
    });
    let asked = Instant::now();
    tmux.keys(&["q"]);
    tmux.wait_for("the prompt after quitting", |s| {
        !s.contains("x86-64") && s.trim_end().ends_with(PROMPT.trim_end())
    });
    assert!(
        asked.elapsed() < Duration::from_secs(2),
        "q answered in {:?}",
        asked.elapsed()
    );
}

#[test]
fn a_projector_session_plays_lesson_04_with_p_and_quits_cleanly() {
    if !tmux_or_skip() {
        return;
    }
    let tmux = Tmux::start_sized("play", 120, 35);
    let command = format!("{} --theme projector {LESSON}", binary().display());
    tmux.keys(&[&command, "Enter"]);
    tmux.wait_for("the UI", |s| s.contains("x86-64") && s.contains("p play"));
    // The fastest beat, then play: it runs by itself until a note.
    tmux.keys(&[">", ">", "p"]);
    let paused = tmux.wait_for("a pause at a note", |s| {
        s.contains("paused at the lesson's note")
    });
    assert!(paused.contains("✎"), "the note is shown:\n{paused}");
    let at_note = instruction_count(&paused);
    assert!(at_note > 0, "{paused}");
    tmux.keys(&["p"]);
    tmux.wait_for("playing on", |s| instruction_count(s) > at_note);
    tmux.keys(&["q"]);
    let after = tmux.wait_for("the prompt after quitting", |s| {
        !s.contains("x86-64") && s.trim_end().ends_with(PROMPT.trim_end())
    });
    assert!(after.contains(&command), "{after}");
}
