//! Finding external tools and running them.
//!
//! In: a tool name, or a prepared [`Command`] and a time limit. Out: whether the
//! tool is on PATH, or what the process printed and how it exited ([`Run`]).
//! No shell is involved anywhere.
//!
//! Every child runs in a process group of its own, so that a time limit, a
//! Ctrl-C or a `kill` of flux-viz ends the child and anything it started: the
//! groups alive and the scratch directories in use are kept in a registry
//! that [`clean_up_on_signals`] empties before flux-viz dies of the signal.

use super::Run;
use std::io::Read;
use std::os::unix::process::CommandExt;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, ExitStatus, Stdio};
use std::sync::{Mutex, Once};
use std::time::{Duration, Instant};

/// The process groups of the children still running, and the scratch
/// directories still in use: what a signal handler must clean up.
struct Registry {
    groups: Vec<i32>,
    dirs: Vec<PathBuf>,
}

static REGISTRY: Mutex<Registry> = Mutex::new(Registry {
    groups: Vec::new(),
    dirs: Vec::new(),
});

fn registry() -> std::sync::MutexGuard<'static, Registry> {
    REGISTRY
        .lock()
        .unwrap_or_else(|poisoned| poisoned.into_inner())
}

/// Kills a whole process group (the child and whatever it started).
fn kill_group(pgid: i32) {
    // SAFETY: kill(2) with a negative pid signals the group; no memory is involved.
    unsafe {
        libc::kill(-pgid, libc::SIGKILL);
    }
}

/// On SIGINT, SIGTERM or SIGHUP: kill every child's group, remove every
/// scratch directory, then die of the same signal (so the shell sees it).
/// For the `verify` command; idempotent.
pub fn clean_up_on_signals() {
    static ONCE: Once = Once::new();
    ONCE.call_once(|| {
        use signal_hook::consts::{SIGHUP, SIGINT, SIGTERM};
        let Ok(mut signals) = signal_hook::iterator::Signals::new([SIGINT, SIGTERM, SIGHUP]) else {
            return;
        };
        std::thread::spawn(move || {
            if let Some(signal) = signals.forever().next() {
                let registry = registry();
                for &pgid in &registry.groups {
                    kill_group(pgid);
                }
                for dir in &registry.dirs {
                    let _ = std::fs::remove_dir_all(dir);
                }
                let _ = signal_hook::low_level::emulate_default_handler(signal);
                std::process::exit(128 + signal);
            }
        });
    });
}

/// A running child's process group: registered for the signal handler, and
/// killed if this is dropped before [`wait`] reaped the child (a panic).
struct Group {
    pgid: i32,
    reaped: bool,
}

impl Group {
    /// Spawns `command` and registers its group while holding the registry,
    /// so a signal handler (which takes the registry first) either finds the
    /// child registered or runs before it exists: no child escapes.
    fn spawn(command: &mut Command) -> Result<(Child, Group), String> {
        let mut registry = registry();
        let child = spawn(command)?;
        let pgid = child.id() as i32;
        registry.groups.push(pgid);
        Ok((
            child,
            Group {
                pgid,
                reaped: false,
            },
        ))
    }
}

impl Drop for Group {
    fn drop(&mut self) {
        // Once the child is reaped its pid may be reused: never signal it then.
        if !self.reaped {
            kill_group(self.pgid);
        }
        registry().groups.retain(|&g| g != self.pgid);
    }
}

/// The executable `name` on PATH, if there is one.
pub fn find_in_path(name: &str) -> Option<PathBuf> {
    let path = std::env::var_os("PATH")?;
    std::env::split_paths(&path)
        .map(|dir| dir.join(name))
        .find(|candidate| is_executable(candidate))
}

fn is_executable(path: &Path) -> bool {
    use std::os::unix::fs::PermissionsExt;
    std::fs::metadata(path).is_ok_and(|m| m.is_file() && m.permissions().mode() & 0o111 != 0)
}

/// The tools of `names` that are not on PATH.
pub fn missing<'a>(names: &[&'a str]) -> Vec<&'a str> {
    names
        .iter()
        .copied()
        .filter(|name| find_in_path(name).is_none())
        .collect()
}

/// Runs `command` (stdin closed) to its end or until `timeout` passes (then
/// kills it: an error). A death by signal N is exit code 128 + N, as a shell
/// reports it.
pub fn run(command: &mut Command, timeout: Duration) -> Result<Run, String> {
    let (mut child, mut group) = Group::spawn(command)?;
    let mut out_pipe = child.stdout.take().expect("piped stdout");
    let mut err_pipe = child.stderr.take().expect("piped stderr");
    let stdout = std::thread::spawn(move || read_all(&mut out_pipe));
    let stderr = std::thread::spawn(move || read_all(&mut err_pipe));
    let status = wait(&mut child, timeout);
    group.reaped = true;
    let status = status.map_err(|e| format!("{}: {e}", describe(command)))?;
    Ok(Run {
        stdout: stdout.join().unwrap_or_default(),
        stderr: stderr.join().unwrap_or_default(),
        exit_code: exit_code(status),
    })
}

/// Runs a tool that must succeed; its stderr becomes the error.
pub fn run_tool(command: &mut Command, timeout: Duration) -> Result<(), String> {
    let run = run(command, timeout)?;
    if run.exit_code == 0 {
        return Ok(());
    }
    Err(format!(
        "{} failed (exit {}):\n{}{}",
        describe(command),
        run.exit_code,
        String::from_utf8_lossy(&run.stdout),
        String::from_utf8_lossy(&run.stderr)
    ))
}

/// Spawns with piped output. A freshly written executable can be briefly
/// "busy" (ETXTBSY) when another thread forked while its file was open for
/// writing; that is retried a few times.
fn spawn(command: &mut Command) -> Result<Child, String> {
    command
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .process_group(0);
    let mut attempts = 0;
    loop {
        match command.spawn() {
            Ok(child) => return Ok(child),
            Err(e) if e.raw_os_error() == Some(26) && attempts < 20 => {
                attempts += 1;
                std::thread::sleep(Duration::from_millis(10));
            }
            Err(e) => return Err(format!("cannot start {}: {e}", describe(command))),
        }
    }
}

fn read_all(pipe: &mut impl Read) -> Vec<u8> {
    let mut bytes = Vec::new();
    let _ = pipe.read_to_end(&mut bytes);
    bytes
}

/// Waits for `child`, killing its group after `timeout`. When the child has
/// exited, whatever is left of its group is killed *before* the child is
/// reaped (while its pid, the group's id, cannot yet be reused).
fn wait(child: &mut Child, timeout: Duration) -> Result<ExitStatus, String> {
    let start = Instant::now();
    let pgid = child.id() as i32;
    loop {
        if has_exited(pgid) {
            kill_group(pgid);
            return child.wait().map_err(|e| e.to_string());
        }
        if start.elapsed() > timeout {
            kill_group(pgid);
            let _ = child.wait();
            return Err(format!("timed out after {timeout:?}"));
        }
        std::thread::sleep(Duration::from_millis(2));
    }
}

/// Has the child `pid` exited? Asked with WNOWAIT, so it stays unreaped.
fn has_exited(pid: i32) -> bool {
    // SAFETY: waitid only writes the siginfo_t we pass; a zeroed one is valid.
    unsafe {
        let mut info: libc::siginfo_t = std::mem::zeroed();
        let flags = libc::WEXITED | libc::WNOHANG | libc::WNOWAIT;
        libc::waitid(libc::P_PID, pid as libc::id_t, &mut info, flags) == 0 && info.si_pid() != 0
    }
}

fn exit_code(status: ExitStatus) -> i32 {
    use std::os::unix::process::ExitStatusExt;
    status
        .code()
        .unwrap_or_else(|| 128 + status.signal().unwrap_or(0))
}

/// `program arg…` for messages.
fn describe(command: &Command) -> String {
    let mut text = command.get_program().to_string_lossy().into_owned();
    for arg in command.get_args() {
        text.push(' ');
        text.push_str(&arg.to_string_lossy());
    }
    text
}

/// A fresh, private scratch directory (mode 0700, a random name under the
/// system temp directory, so nobody can guess it or put files there first),
/// removed when dropped, or by [`clean_up_on_signals`].
pub struct Scratch(tempfile::TempDir);

impl Scratch {
    /// Creates `$TMPDIR/flux-viz-<what>-<random>`.
    pub fn new(what: &str) -> Result<Scratch, String> {
        let dir = tempfile::Builder::new()
            .prefix(&format!("flux-viz-{what}-"))
            .tempdir()
            .map_err(|e| format!("cannot create a scratch directory: {e}"))?;
        registry().dirs.push(dir.path().to_path_buf());
        Ok(Scratch(dir))
    }

    /// A path inside the directory.
    pub fn join(&self, name: &str) -> PathBuf {
        self.0.path().join(name)
    }
}

impl Drop for Scratch {
    fn drop(&mut self) {
        let path = self.0.path().to_path_buf();
        registry().dirs.retain(|d| *d != path);
    }
}
