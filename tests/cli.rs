//! The command line as a Unix tool: exit codes that say what happened, quiet
//! broken pipes, reported write failures, safe output files, `Main(string[]
//! args)`, and every file of `check` checked. Drives the real binary.

use std::io::{BufRead, BufReader, Write};
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

const BIN: &str = env!("CARGO_BIN_EXE_flux-viz");

fn flux(args: &[&str]) -> Output {
    Command::new(BIN)
        .args(args)
        .stdin(Stdio::null())
        .output()
        .expect("flux-viz runs")
}

fn code(out: &Output) -> i32 {
    out.status.code().expect("exited, not killed")
}

fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

/// A private directory with `files` written into it.
fn dir_with(files: &[(&str, &str)]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("temp dir");
    for (name, text) in files {
        std::fs::write(dir.path().join(name), text).expect("write");
    }
    dir
}

fn path(dir: &tempfile::TempDir, name: &str) -> String {
    dir.path().join(name).display().to_string()
}

const CHATTY: &str = "class Program {
    static void Main() {
        for (int i = 0; i < 100000; i++) { Console.WriteLine(i); }
    }
}
";

const ARGS: &str = "class Program {
    static void Main(string[] args) {
        Console.WriteLine(args.Length);
        for (int i = 0; i < args.Length; i++) { Console.WriteLine(\"[\" + args[i] + \"]\"); }
    }
}
";

const LOOP: &str = "class Program { static void Main() { while (true) { } } }\n";
const BAD: &str = "class Program { static void Main() { cout = 1; } }\n";
const GOOD: &str = "class Program { static void Main() { Console.WriteLine(42); } }\n";

/// Reads one line of the command's stdout, closes the pipe, and returns how
/// the command ended: as `cmd | head -1` does.
fn head_1(args: &[&str]) -> (String, Output) {
    let mut child = Command::new(BIN)
        .args(args)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn");
    let mut line = String::new();
    {
        let mut reader = BufReader::new(child.stdout.take().expect("stdout"));
        reader.read_line(&mut line).expect("one line");
    }
    (line, child.wait_with_output().expect("wait"))
}

#[test]
fn a_closed_pipe_ends_every_command_quietly_with_exit_0() {
    let dir = dir_with(&[("chatty.fs", CHATTY)]);
    let file = path(&dir, "chatty.fs");
    for args in [
        vec!["trace", file.as_str()],
        vec!["trace", file.as_str(), "--json"],
        vec!["run", file.as_str()],
        vec!["compile", file.as_str(), "--emit", "asm"],
        vec!["compile", file.as_str(), "--emit", "map"],
    ] {
        let (line, out) = head_1(&args);
        assert!(!line.is_empty(), "{args:?}: a first line");
        assert_eq!(code(&out), 0, "{args:?}: {}", stderr(&out));
        assert_eq!(stderr(&out), "", "{args:?}: quiet");
    }
}

#[test]
fn a_full_stdout_is_reported_once_with_exit_74() {
    if !Path::new("/dev/full").exists() {
        return;
    }
    let dir = dir_with(&[("chatty.fs", CHATTY), ("bad.fs", BAD)]);
    let file = path(&dir, "chatty.fs");
    for args in [
        vec!["run", file.as_str()],
        vec!["trace", file.as_str()],
        vec!["compile", file.as_str(), "--emit", "asm"],
    ] {
        let full = std::fs::OpenOptions::new()
            .write(true)
            .open("/dev/full")
            .unwrap();
        let out = Command::new(BIN)
            .args(&args)
            .stdout(full)
            .output()
            .expect("runs");
        assert_eq!(code(&out), 74, "{args:?}");
        let err = stderr(&out);
        assert_eq!(err.lines().count(), 1, "{args:?}: one message: {err}");
        assert!(err.contains("No space left on device"), "{err}");
    }
    // A diagnostic written to a full stderr: exit 74, never a panic (101).
    let full = std::fs::OpenOptions::new()
        .write(true)
        .open("/dev/full")
        .unwrap();
    let out = Command::new(BIN)
        .args(["check", &path(&dir, "bad.fs")])
        .stderr(full)
        .output()
        .expect("runs");
    assert_eq!(code(&out), 74);
}

#[test]
fn exit_codes_say_what_happened() {
    let dir = dir_with(&[("loop.fs", LOOP), ("bad.fs", BAD), ("good.fs", GOOD)]);
    let budget = flux(&["run", &path(&dir, "loop.fs"), "--max-insns", "100000"]);
    assert_eq!(code(&budget), 124);
    assert!(stderr(&budget)
        .contains("instruction budget of 100000 exhausted (raise it with --max-insns)"));
    let traced = flux(&[
        "trace",
        &path(&dir, "loop.fs"),
        "--max-insns",
        "100000",
        "--events",
        "budget",
    ]);
    assert_eq!(code(&traced), 124);
    assert_eq!(code(&flux(&["check", &path(&dir, "bad.fs")])), 65);
    assert_eq!(code(&flux(&["run", &path(&dir, "bad.fs")])), 65);
    assert_eq!(code(&flux(&["run", &path(&dir, "missing.fs")])), 66);
    assert_eq!(code(&flux(&["run", "--no-such-flag"])), 64);
    assert_eq!(
        code(&flux(&[
            "trace",
            &path(&dir, "good.fs"),
            "--events",
            "nonsense"
        ])),
        64
    );
    assert_eq!(code(&flux(&[])), 64);
    assert_eq!(code(&flux(&["--help"])), 0);
    assert_eq!(code(&flux(&["run", &path(&dir, "good.fs")])), 0);
}

#[test]
fn the_default_budget_lets_a_real_program_finish() {
    // 15 M iterations of ~20 instructions: 300 M, past the old 200 M default
    // (the default is 4 G, some 13 s of emulation here; README "Exit codes").
    let dir = dir_with(&[(
        "long.fs",
        "class Program { static void Main() { long s = 0; for (int i = 0; i < 15000000; i++) { s += i % 7; } Console.WriteLine(s); } }\n",
    )]);
    let out = flux(&["run", &path(&dir, "long.fs")]);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    assert_eq!(String::from_utf8_lossy(&out.stdout), "44999997\n");
}

#[test]
fn main_gets_the_arguments_after_the_double_dash() {
    let dir = dir_with(&[("args.fs", ARGS)]);
    let file = path(&dir, "args.fs");
    let none = flux(&["run", &file]);
    assert_eq!(String::from_utf8_lossy(&none.stdout), "0\n");
    let some = flux(&["run", &file, "--", "a", "b c", "héllo", "--flag"]);
    assert_eq!(
        String::from_utf8_lossy(&some.stdout),
        "4\n[a]\n[b c]\n[héllo]\n[--flag]\n"
    );
    // The native build reads the kernel's argv the same way.
    let exe = path(&dir, "args");
    assert_eq!(code(&flux(&["build", &file, "-o", &exe])), 0);
    let native = Command::new(&exe)
        .args(["x", "y z"])
        .output()
        .expect("runs");
    assert_eq!(String::from_utf8_lossy(&native.stdout), "2\n[x]\n[y z]\n");
}

#[test]
fn an_input_is_never_overwritten_by_its_output() {
    let dir = dir_with(&[("good.fs", GOOD)]);
    let file = path(&dir, "good.fs");
    for args in [
        vec![
            "compile",
            file.as_str(),
            "--emit",
            "asm",
            "-o",
            file.as_str(),
        ],
        vec!["build", file.as_str(), "-o", file.as_str()],
        vec!["build", "-g", file.as_str(), "-o", file.as_str()],
    ] {
        let out = flux(&args);
        assert_eq!(code(&out), 73, "{args:?}");
        assert!(stderr(&out).contains("is an input"), "{}", stderr(&out));
        assert_eq!(std::fs::read_to_string(&file).unwrap(), GOOD);
    }
    // Through another name for the same file, too.
    let link = path(&dir, "link.fs");
    std::os::unix::fs::symlink(&file, &link).unwrap();
    assert_eq!(code(&flux(&["build", &link, "-o", &file])), 73);
    assert_eq!(code(&flux(&["build", &file, "-o", &link])), 73);
    assert_eq!(std::fs::read_to_string(&file).unwrap(), GOOD);
}

#[test]
fn build_g_adds_sections_after_the_very_bytes_of_build() {
    let dir = dir_with(&[("good.fs", GOOD)]);
    let file = path(&dir, "good.fs");
    let (plain, debug) = (path(&dir, "plain"), path(&dir, "debug"));
    assert_eq!(code(&flux(&["build", &file, "-o", &plain])), 0);
    assert_eq!(code(&flux(&["build", "-g", &file, "-o", &debug])), 0);
    let (plain, mut debug) = (std::fs::read(plain).unwrap(), std::fs::read(debug).unwrap());
    // The ELF header's e_shoff (0x28), e_shnum (0x3c) and e_shstrndx (0x3e):
    // zero without -g, the section header table with it.
    let shnum = u16::from_le_bytes([debug[0x3c], debug[0x3d]]);
    assert_eq!(&plain[0x3c..0x40], &[0, 0, 0, 0]);
    assert!(shnum > 10, "{shnum} section headers");
    debug[0x28..0x30].fill(0);
    debug[0x3c..0x40].fill(0);
    assert_eq!(
        &debug[..plain.len()],
        &plain[..],
        "the loaded part is unchanged"
    );
}

#[test]
fn an_output_symlink_is_replaced_not_followed() {
    use std::os::unix::fs::PermissionsExt;
    let dir = dir_with(&[("good.fs", GOOD), ("victim.txt", "keep me\n")]);
    let victim = dir.path().join("victim.txt");
    std::fs::set_permissions(&victim, std::fs::Permissions::from_mode(0o600)).unwrap();
    let out_link = dir.path().join("out");
    std::os::unix::fs::symlink(&victim, &out_link).unwrap();
    let out = flux(&[
        "build",
        &path(&dir, "good.fs"),
        "-o",
        &out_link.display().to_string(),
    ]);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    assert_eq!(std::fs::read_to_string(&victim).unwrap(), "keep me\n");
    let mode = std::fs::metadata(&victim).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode, 0o600, "the symlink's target keeps its mode");
    let meta = std::fs::symlink_metadata(&out_link).unwrap();
    assert!(
        meta.is_file(),
        "the link itself was replaced by the executable"
    );
    assert!(meta.permissions().mode() & 0o111 != 0, "executable");
    let ran = Command::new(&out_link).output().unwrap();
    assert_eq!(String::from_utf8_lossy(&ran.stdout), "42\n");
    // No temporary files are left behind.
    let left: Vec<PathBuf> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| {
            p.file_name()
                .unwrap()
                .to_string_lossy()
                .starts_with(".flux-viz")
        })
        .collect();
    assert!(left.is_empty(), "{left:?}");
}

#[test]
fn check_goes_on_past_a_missing_file() {
    let dir = dir_with(&[("a.fs", GOOD), ("b.fs", BAD)]);
    let out = flux(&[
        "check",
        &path(&dir, "a.fs"),
        &path(&dir, "missing.fs"),
        &path(&dir, "b.fs"),
    ]);
    let err = stderr(&out);
    assert!(err.contains("missing.fs"), "{err}");
    assert!(
        err.contains("cannot find `cout`"),
        "b.fs was checked too: {err}"
    );
    assert_eq!(code(&out), 66, "the worst: a missing input");
}

#[test]
fn a_missing_file_for_the_ui_is_an_input_error() {
    let mut child = Command::new(BIN)
        .arg("/no/such/lesson.fs")
        .stdin(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let _ = child.stdin.take().unwrap().write_all(b"q");
    let out = child.wait_with_output().unwrap();
    assert_eq!(code(&out), 66);
    assert!(stderr(&out).contains("/no/such/lesson.fs"));
}

/// The children of `pid` (from /proc), as (pid, process group).
fn children_of(pid: u32) -> Vec<(i32, i32)> {
    let mut found = Vec::new();
    for entry in std::fs::read_dir("/proc").unwrap().flatten() {
        let Ok(stat) = std::fs::read_to_string(entry.path().join("stat")) else {
            continue;
        };
        // pid (comm) state ppid pgrp …; comm may hold spaces: split after ')'.
        let Some(rest) = stat.rsplit_once(')').map(|(_, r)| r) else {
            continue;
        };
        let fields: Vec<&str> = rest.split_whitespace().collect();
        let (Ok(ppid), Ok(pgrp)) = (fields[1].parse::<u32>(), fields[2].parse::<i32>()) else {
            continue;
        };
        if ppid == pid {
            let child: i32 = entry.file_name().to_string_lossy().parse().unwrap_or(0);
            found.push((child, pgrp));
        }
    }
    found
}

#[test]
fn verify_killed_by_sigterm_leaves_no_processes_and_no_scratch() {
    use std::os::unix::process::ExitStatusExt;
    let dir = dir_with(&[("loop.fs", LOOP)]);
    let tmp = tempfile::tempdir().unwrap();
    let cache = tempfile::tempdir().unwrap();
    let mut verify = Command::new(BIN)
        .args(["verify", &path(&dir, "loop.fs")])
        .env("TMPDIR", tmp.path())
        .env("FLUX_VIZ_CACHE", cache.path())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    // Wait for a child (mcs, then mono, both in a group of their own).
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(30);
    // (A child seen between fork and its setpgid is still in our group:
    // wait until it leads its own.)
    let children = loop {
        let children = children_of(verify.id());
        let settled = !children.is_empty() && children.iter().all(|(c, g)| c == g);
        if settled || std::time::Instant::now() > deadline {
            break children;
        }
        std::thread::sleep(std::time::Duration::from_millis(20));
    };
    if children.is_empty()
        && std::env::var_os("CI").is_none()
        && !flux_viz::verify::oracle::available()
    {
        let _ = verify.kill();
        let _ = verify.wait();
        return; // no mono here: nothing to leave behind
    }
    assert!(!children.is_empty(), "verify started a child");
    for &(child, group) in &children {
        assert_eq!(child, group, "each child leads a process group of its own");
    }
    // SAFETY: sending a signal to our own child.
    unsafe { libc::kill(verify.id() as i32, libc::SIGTERM) };
    let status = verify.wait().unwrap();
    assert_eq!(status.signal(), Some(libc::SIGTERM), "{status:?}");
    for &(_, group) in &children {
        // SAFETY: signal 0 only asks whether the group still exists; a
        // killed process may linger a moment as a zombie until it is reaped.
        let gone = (0..200).any(|_| {
            let alive = unsafe { libc::kill(-group, 0) } == 0 && group_has_live_process(group);
            if alive {
                std::thread::sleep(std::time::Duration::from_millis(10));
            }
            !alive
        });
        assert!(gone, "group {group} was killed");
    }
    let left: Vec<_> = std::fs::read_dir(tmp.path())
        .unwrap()
        .flatten()
        .map(|e| e.path())
        .collect();
    assert!(left.is_empty(), "scratch directories removed: {left:?}");
}

#[test]
fn trace_filters_where_events_are_made_and_agrees_with_the_full_trace() {
    let lesson = "lessons/04-event-loop.fs";
    let full = flux(&["trace", lesson]);
    let some = flux(&["trace", lesson, "--events", "poll,exit"]);
    assert_eq!(code(&full), 0);
    let full = String::from_utf8_lossy(&full.stdout).into_owned();
    let wanted: Vec<&str> = full
        .lines()
        .filter(|l| matches!(l.split_whitespace().nth(1), Some("poll" | "exit")))
        .collect();
    let got = String::from_utf8_lossy(&some.stdout).into_owned();
    assert_eq!(got.lines().collect::<Vec<_>>(), wanted);
    assert!(wanted.len() > 5);
    let exit = flux(&["trace", lesson, "--events", "exit"]);
    assert_eq!(
        String::from_utf8_lossy(&exit.stdout)
            .lines()
            .collect::<Vec<_>>(),
        vec![*wanted.last().unwrap()]
    );
}

/// Does process group `group` have a member that is not a zombie?
fn group_has_live_process(group: i32) -> bool {
    std::fs::read_dir("/proc").unwrap().flatten().any(|entry| {
        let Ok(stat) = std::fs::read_to_string(entry.path().join("stat")) else {
            return false;
        };
        let Some(rest) = stat.rsplit_once(')').map(|(_, r)| r.to_string()) else {
            return false;
        };
        let fields: Vec<&str> = rest.split_whitespace().collect();
        fields.len() > 3 && fields[2].parse() == Ok(group) && fields[0] != "Z"
    })
}

/// `compare` runs the program under both lowerings and measures it from its
/// events and source map: on the ping-pong, each player resumes once per
/// round, `direct` saves the state table and exactly the two dispatch
/// instructions of every resume, and the cycle is the sum of its stretches.
#[test]
fn compare_measures_both_lowerings() {
    let source = std::fs::read_to_string("benches/programs/pingpong_cycle.fs")
        .unwrap()
        .replace("ROUNDS", "100");
    let dir = dir_with(&[("pingpong.fs", &source)]);
    let file = path(&dir, "pingpong.fs");
    let out = flux(&["compare", &file, "--json"]);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    let figures: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let player = |lowering: usize| {
        let f = &figures[lowering];
        let m = f["methods"]
            .as_array()
            .unwrap()
            .iter()
            .find(|m| m["method"] == "Program.Player")
            .unwrap()
            .clone();
        (f["lowering"].as_str().unwrap().to_string(), m)
    };
    let (table_name, table) = player(0);
    let (direct_name, direct) = player(1);
    assert_eq!(
        (table_name.as_str(), direct_name.as_str()),
        ("table", "direct")
    );
    for m in [&table, &direct] {
        assert_eq!(m["resumes"], 200, "two players, 100 rounds each");
        let parts: f64 = ["to_suspend", "to_loop", "to_state"]
            .iter()
            .map(|k| m[k].as_f64().unwrap())
            .sum();
        assert_eq!(m["cycle"].as_f64().unwrap(), parts);
    }
    assert_eq!(
        table["to_state"].as_f64().unwrap() - direct["to_state"].as_f64().unwrap(),
        2.0,
        "direct's dispatch is one jump instead of a load, a lea and a jump"
    );
    assert_eq!(table["table_bytes"], 16);
    assert_eq!(direct["table_bytes"], 0);
    // 200 resumes run natively in well under a millisecond: too short to
    // time beside a process's start-up, so there is no native figure.
    for f in figures.as_array().unwrap() {
        assert!(f["native_ns_per_resume"].is_null(), "{f}");
    }
    assert_eq!(table["frame_bytes"], direct["frame_bytes"]);
    let text = flux(&["compare", &file]);
    let text = String::from_utf8(text.stdout).unwrap();
    assert!(text.contains("Program.Player"), "{text}");
    assert!(text.contains("(whole program)"), "{text}");
}
