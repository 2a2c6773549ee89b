//! Writing flux-viz's own output the way Unix tools do.
//!
//! In: bytes for stdout, stderr or an output file. Out: the bytes written, or
//! a [`CliError`] that says which exit code the failure means. A closed pipe
//! (`flux-viz trace F | head -1`) ends the command quietly with exit 0; any
//! other failed write (a full disk, `> /dev/full`) is reported once and exits
//! with [`exit::IO`]. Output files are written to a temporary file beside the
//! target and renamed into place, so a failed write never leaves half a file,
//! a symlink at the target is replaced rather than followed, and an input file
//! is never overwritten.

use std::io::{self, Write};
use std::path::{Path, PathBuf};

/// flux-viz's own exit codes, distinct from every code a Flux# program can
/// exit with (0–9, LANGUAGE.md §5). The numbers follow sysexits.h where it
/// has one, and timeout(1) for the budget. README.md ("Exit codes") lists them.
pub mod exit {
    /// The command line itself is wrong (unknown flag, missing argument).
    pub const USAGE: u8 = 64;
    /// The program has compile errors (the diagnostics were printed).
    pub const COMPILE: u8 = 65;
    /// An input file cannot be read.
    pub const NO_INPUT: u8 = 66;
    /// The emulated CPU faulted or made a system call it may not: a fault of
    /// the generated code or the runtime, never of a correct Flux# program.
    pub const CPU_FAULT: u8 = 70;
    /// An output file cannot be written (or would overwrite an input).
    pub const CANT_CREATE: u8 = 73;
    /// flux-viz's own stdout or stderr could not be written.
    pub const IO: u8 = 74;
    /// The instruction budget ran out (`--max-insns`), as timeout(1) exits.
    pub const BUDGET: u8 = 124;
    /// `verify`: the ways disagree (like `cmp` and `diff`).
    pub const DISAGREE: u8 = 1;
}

/// Why a command stopped before it was done.
#[derive(Debug)]
pub enum CliError {
    /// An input could not be read.
    Input(String),
    /// An output file could not be written.
    Create(String),
    /// Our stdout or stderr failed (not a closed pipe).
    Write(String),
    /// The reader of our stdout went away: stop, say nothing, exit 0.
    BrokenPipe,
    /// Anything else worth a message (the terminal could not be used, …).
    Other(String),
}

impl CliError {
    pub fn exit_code(&self) -> u8 {
        match self {
            CliError::Input(_) => exit::NO_INPUT,
            CliError::Create(_) => exit::CANT_CREATE,
            CliError::Write(_) => exit::IO,
            CliError::BrokenPipe => 0,
            CliError::Other(_) => 1,
        }
    }

    /// Prints the message once on stderr (a failing stderr is not retried).
    pub fn report(&self) {
        let message = match self {
            CliError::Input(m) | CliError::Create(m) | CliError::Write(m) | CliError::Other(m) => m,
            CliError::BrokenPipe => return,
        };
        let _ = writeln!(io::stderr(), "flux-viz: {message}");
    }

    /// The error a failed write to `stream` ("stdout", "stderr") means.
    pub fn from_write(stream: &str, error: &io::Error) -> CliError {
        if error.kind() == io::ErrorKind::BrokenPipe {
            CliError::BrokenPipe
        } else {
            CliError::Write(format!("cannot write to {stream}: {}", plain(error)))
        }
    }
}

impl From<String> for CliError {
    fn from(message: String) -> CliError {
        CliError::Other(message)
    }
}

/// An io::Error's text without Rust's " (os error N)" suffix.
pub fn plain(error: &io::Error) -> String {
    let text = error.to_string();
    match text.find(" (os error") {
        Some(at) => text[..at].to_string(),
        None => text,
    }
}

/// Writes all of `bytes` to stdout and flushes.
pub fn stdout(bytes: &[u8]) -> Result<(), CliError> {
    let mut out = io::stdout().lock();
    out.write_all(bytes)
        .and_then(|()| out.flush())
        .map_err(|e| CliError::from_write("stdout", &e))
}

/// Writes all of `text` to stderr.
pub fn stderr(text: &str) -> Result<(), CliError> {
    io::stderr()
        .lock()
        .write_all(text.as_bytes())
        .map_err(|e| CliError::from_write("stderr", &e))
}

/// Refuses an output path that is one of the inputs (the same file, by
/// device and inode, or by path when it does not exist yet).
pub fn refuse_input_as_output(output: &Path, inputs: &[PathBuf]) -> Result<(), CliError> {
    for input in inputs {
        if same_file(output, input) {
            return Err(CliError::Create(format!(
                "refusing to write {}: it is an input of this command (choose another -o)",
                output.display()
            )));
        }
    }
    Ok(())
}

fn same_file(a: &Path, b: &Path) -> bool {
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        if let (Ok(ma), Ok(mb)) = (std::fs::metadata(a), std::fs::metadata(b)) {
            return ma.dev() == mb.dev() && ma.ino() == mb.ino();
        }
    }
    match (a.canonicalize(), b.canonicalize()) {
        (Ok(ca), Ok(cb)) => ca == cb,
        _ => false,
    }
}

/// Writes `bytes` to `path` atomically: a private temporary file in the same
/// directory, flushed to disk, given `mode` (if any), then renamed over the
/// target. A symlink at `path` is replaced by the new file, never followed,
/// so the file it pointed to keeps its contents and mode.
pub fn write_file(path: &Path, bytes: &[u8], mode: Option<u32>) -> Result<(), CliError> {
    let fail =
        |e: io::Error| CliError::Create(format!("cannot write {}: {}", path.display(), plain(&e)));
    let dir = match path.parent() {
        Some(parent) if !parent.as_os_str().is_empty() => parent,
        _ => Path::new("."),
    };
    if path.is_dir() {
        return Err(CliError::Create(format!(
            "cannot write {}: it is a directory",
            path.display()
        )));
    }
    // Created with the mode a plain open() would give (umask applies), so an
    // executable gets 0755 and a text file 0644 on the usual umask 022.
    #[cfg(unix)]
    let permissions = {
        use std::os::unix::fs::PermissionsExt;
        std::fs::Permissions::from_mode(mode.unwrap_or(0o666))
    };
    let mut builder = tempfile::Builder::new();
    builder.prefix(".flux-viz-");
    #[cfg(unix)]
    builder.permissions(permissions);
    #[cfg(not(unix))]
    let _ = mode;
    let mut temp = builder.tempfile_in(dir).map_err(fail)?;
    temp.write_all(bytes).map_err(fail)?;
    temp.as_file().sync_all().map_err(fail)?;
    temp.persist(path).map_err(|e| fail(e.error))?;
    Ok(())
}
