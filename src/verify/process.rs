//! Finding external tools and running them.
//!
//! In: a tool name, or a prepared [`Command`] and a time limit. Out: whether the
//! tool is on PATH, or what the process printed and how it exited ([`Run`]).
//! No shell is involved anywhere.

use super::Run;
use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, ExitStatus, Stdio};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

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
    let mut child = spawn(command)?;
    let mut out_pipe = child.stdout.take().expect("piped stdout");
    let mut err_pipe = child.stderr.take().expect("piped stderr");
    let stdout = std::thread::spawn(move || read_all(&mut out_pipe));
    let stderr = std::thread::spawn(move || read_all(&mut err_pipe));
    let status = wait(&mut child, timeout).map_err(|e| format!("{}: {e}", describe(command)))?;
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
        .stderr(Stdio::piped());
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

/// Waits for `child`, killing it after `timeout`.
fn wait(child: &mut Child, timeout: Duration) -> Result<ExitStatus, String> {
    let start = Instant::now();
    loop {
        if let Some(status) = child.try_wait().map_err(|e| e.to_string())? {
            return Ok(status);
        }
        if start.elapsed() > timeout {
            let _ = child.kill();
            let _ = child.wait();
            return Err(format!("timed out after {timeout:?}"));
        }
        std::thread::sleep(Duration::from_millis(2));
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

/// A fresh, empty scratch directory under the system temp directory, removed
/// when dropped.
pub struct Scratch(PathBuf);

impl Scratch {
    /// Creates `$TMPDIR/flux-viz-<what>-<pid>-<n>`.
    pub fn new(what: &str) -> Result<Scratch, String> {
        static COUNTER: AtomicUsize = AtomicUsize::new(0);
        let n = COUNTER.fetch_add(1, Ordering::SeqCst);
        let dir = std::env::temp_dir().join(format!("flux-viz-{what}-{}-{n}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).map_err(|e| format!("creating {}: {e}", dir.display()))?;
        Ok(Scratch(dir))
    }

    /// A path inside the directory.
    pub fn join(&self, name: &str) -> PathBuf {
        self.0.join(name)
    }
}

impl Drop for Scratch {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}
