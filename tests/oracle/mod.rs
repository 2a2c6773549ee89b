//! The C# oracle: runs a Flux# program as real C# under mono, with the
//! project's prelude (tests/oracle/Prelude.cs) implementing LANGUAGE.md §7.
//!
//! Include it from a test file with
//! `#[path = "oracle/mod.rs"] mod oracle;`
//!
//! - [`mono_available`]: are `mcs` and `mono` on PATH (no shell involved)?
//! - [`require_mono`]: the CI policy (CI set: missing mono panics; else skip with a note).
//! - [`run_with_mono`]: rewrite, compile (cached by content hash under
//!   target/oracle-cache/), run, and return the [`Outcome`].
//! - [`Expectations`] / [`check`]: the tests/programs header format
//!   (`// exit: N`, `// stderr: Name`, `// oracle: skip — reason`) and the
//!   comparison used by the corpus and self tests.
#![allow(dead_code)]

use std::collections::hash_map::DefaultHasher;
use std::fs;
use std::hash::Hasher;
use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

/// What a run produced.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Outcome {
    pub stdout: Vec<u8>,
    pub stderr: Vec<u8>,
    pub exit_code: i32,
}

impl Outcome {
    /// The first line of stderr (lossy UTF-8), or "" when stderr is empty.
    pub fn stderr_first_line(&self) -> String {
        String::from_utf8_lossy(&self.stderr)
            .lines()
            .next()
            .unwrap_or("")
            .to_string()
    }
}

/// The managed heap limit mono runs with. Without it mono happily "allocates"
/// `new long[int.MaxValue]` (16 GiB) thanks to overcommit; with it, such an
/// allocation throws OutOfMemoryException, as flux-viz's bump heap does.
pub const MONO_GC_PARAMS: &str = "max-heap-size=256m";

/// Wall-clock limit for one mono run.
pub const RUN_TIMEOUT: Duration = Duration::from_secs(60);

/// The prelude source, compiled together with every program.
pub fn prelude_path() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/oracle/Prelude.cs")
}

fn find_in_path(name: &str) -> Option<PathBuf> {
    let path = std::env::var_os("PATH")?;
    for dir in std::env::split_paths(&path) {
        let candidate = dir.join(name);
        if let Ok(meta) = fs::metadata(&candidate) {
            #[cfg(unix)]
            {
                use std::os::unix::fs::PermissionsExt;
                if meta.is_file() && meta.permissions().mode() & 0o111 != 0 {
                    return Some(candidate);
                }
            }
            #[cfg(not(unix))]
            if meta.is_file() {
                return Some(candidate);
            }
        }
    }
    None
}

/// True when both `mcs` and `mono` are found on PATH (checked without a shell).
pub fn mono_available() -> bool {
    find_in_path("mcs").is_some() && find_in_path("mono").is_some()
}

/// The policy for tests that need mono: returns true when mono is present.
/// When it is missing: with the `CI` environment variable set this panics (the
/// test fails); otherwise it prints a note and returns false (skip).
pub fn require_mono(test: &str) -> bool {
    if mono_available() {
        return true;
    }
    if std::env::var_os("CI").is_some_and(|v| !v.is_empty()) {
        panic!("{test}: mono/mcs not found on PATH, and CI is set: this is a failure, not a skip");
    }
    eprintln!("note: {test} skipped: mono/mcs not found on PATH (set CI to make this a failure)");
    false
}

/// The only rewrites applied to a program: using-lines at the top (System,
/// System.Threading.Tasks, and the prelude's `print`), and `Task.Delay(` →
/// the prelude's virtual-time delay. Everything else is compiled unchanged.
pub fn rewrite_source(src: &str) -> String {
    let mut out = String::with_capacity(src.len() + 128);
    out.push_str("using System; using System.Threading.Tasks; using static FluxOracle.Prelude;\n");
    out.push_str(&src.replace("Task.Delay(", "FluxOracle.VirtualTime.Delay("));
    out
}

fn content_hash(parts: &[&[u8]]) -> String {
    // Two independent 64-bit hashes (FNV-1a and SipHash with fixed keys) of the
    // length-prefixed parts: a cache key, not a security boundary.
    let mut fnv: u64 = 0xcbf2_9ce4_8422_2325;
    let mut sip = DefaultHasher::new();
    for p in parts {
        let len = (p.len() as u64).to_le_bytes();
        for b in len.iter().chain(p.iter()) {
            fnv ^= *b as u64;
            fnv = fnv.wrapping_mul(0x0100_0000_01b3);
        }
        sip.write(&len);
        sip.write(p);
    }
    format!("{fnv:016x}{:016x}", sip.finish())
}

fn target_dir() -> PathBuf {
    match std::env::var_os("CARGO_TARGET_DIR") {
        Some(d) => PathBuf::from(d),
        None => Path::new(env!("CARGO_MANIFEST_DIR")).join("target"),
    }
}

static COUNTER: AtomicUsize = AtomicUsize::new(0);

fn scratch_dir() -> Result<PathBuf, String> {
    let n = COUNTER.fetch_add(1, Ordering::SeqCst);
    let dir = std::env::temp_dir().join(format!("flux-oracle-{}-{n}", std::process::id()));
    fs::create_dir_all(&dir).map_err(|e| format!("creating {}: {e}", dir.display()))?;
    Ok(dir)
}

/// Rewrites and compiles `program` with mcs and the prelude; returns the path
/// of the cached executable (target/oracle-cache/<hash>.exe).
pub fn compile_with_mono(program: &Path) -> Result<PathBuf, String> {
    let src = fs::read_to_string(program).map_err(|e| format!("{}: {e}", program.display()))?;
    let prelude = fs::read(prelude_path()).map_err(|e| format!("reading prelude: {e}"))?;
    let rewritten = rewrite_source(&src);
    let key = content_hash(&[b"flux-oracle v1", &prelude, rewritten.as_bytes()]);
    let cache = target_dir().join("oracle-cache");
    let exe = cache.join(format!("{key}.exe"));
    if exe.is_file() {
        return Ok(exe);
    }
    fs::create_dir_all(&cache).map_err(|e| format!("creating {}: {e}", cache.display()))?;
    let dir = scratch_dir()?;
    let cs = dir.join("program.cs");
    fs::write(&cs, &rewritten).map_err(|e| format!("writing {}: {e}", cs.display()))?;
    let tmp_exe = dir.join("program.exe");
    let out = Command::new("mcs")
        .arg("-nologo")
        .arg("-warn:0")
        .arg("-main:FluxOracle.Entry")
        .arg(format!("-out:{}", tmp_exe.display()))
        .arg(&cs)
        .arg(prelude_path())
        .stdin(Stdio::null())
        .output()
        .map_err(|e| format!("running mcs: {e}"))?;
    if !out.status.success() || !tmp_exe.is_file() {
        let _ = fs::remove_dir_all(&dir);
        return Err(format!(
            "mcs failed on {}:\n{}{}",
            program.display(),
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        ));
    }
    // Move into the cache atomically (parallel tests may race on the same key).
    let staged = cache.join(format!(
        "{key}.{}.tmp",
        COUNTER.fetch_add(1, Ordering::SeqCst)
    ));
    fs::copy(&tmp_exe, &staged).map_err(|e| format!("caching exe: {e}"))?;
    fs::rename(&staged, &exe).map_err(|e| format!("caching exe: {e}"))?;
    let _ = fs::remove_dir_all(&dir);
    Ok(exe)
}

/// Runs a compiled oracle executable under mono.
pub fn run_exe(exe: &Path) -> Result<Outcome, String> {
    let mut child = Command::new("mono")
        .arg(exe)
        .env("MONO_GC_PARAMS", MONO_GC_PARAMS)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .map_err(|e| format!("running mono: {e}"))?;
    let mut out_pipe = child.stdout.take().unwrap();
    let mut err_pipe = child.stderr.take().unwrap();
    let out_thread = std::thread::spawn(move || {
        let mut v = Vec::new();
        let _ = out_pipe.read_to_end(&mut v);
        v
    });
    let err_thread = std::thread::spawn(move || {
        let mut v = Vec::new();
        let _ = err_pipe.read_to_end(&mut v);
        v
    });
    let start = Instant::now();
    let status = loop {
        match child
            .try_wait()
            .map_err(|e| format!("waiting for mono: {e}"))?
        {
            Some(status) => break status,
            None if start.elapsed() > RUN_TIMEOUT => {
                let _ = child.kill();
                let _ = child.wait();
                return Err(format!(
                    "mono run of {} timed out after {RUN_TIMEOUT:?}",
                    exe.display()
                ));
            }
            None => std::thread::sleep(Duration::from_millis(5)),
        }
    };
    let stdout = out_thread.join().unwrap_or_default();
    let stderr = err_thread.join().unwrap_or_default();
    let exit_code = match status.code() {
        Some(c) => c,
        None => {
            #[cfg(unix)]
            {
                use std::os::unix::process::ExitStatusExt;
                128 + status.signal().unwrap_or(0)
            }
            #[cfg(not(unix))]
            {
                -1
            }
        }
    };
    Ok(Outcome {
        stdout,
        stderr,
        exit_code,
    })
}

/// Copies `program`, applies the allowed rewrites, compiles it with mcs and
/// the prelude (cached), runs it with mono, and returns what happened.
pub fn run_with_mono(program: &Path) -> Result<Outcome, String> {
    let exe = compile_with_mono(program)?;
    run_exe(&exe)
}

/// The expectations of a tests/programs file, from its header comments.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Expectations {
    /// `// exit: N` (default 0).
    pub exit: i32,
    /// `// stderr: System.XxxException` — text expected in the first stderr line.
    pub stderr: Option<String>,
    /// `// oracle: skip — reason`.
    pub oracle_skip: Option<String>,
    /// The exact expected stdout (NAME.stdout).
    pub stdout: Vec<u8>,
}

/// Parses the leading `//` comment lines of `src`.
pub fn parse_header(src: &str) -> Result<Expectations, String> {
    let mut e = Expectations::default();
    for line in src.lines() {
        let line = line.trim();
        let Some(comment) = line.strip_prefix("//") else {
            break;
        };
        let comment = comment.trim();
        if let Some(v) = comment.strip_prefix("exit:") {
            e.exit = v
                .trim()
                .parse()
                .map_err(|_| format!("bad exit header: {line}"))?;
        } else if let Some(v) = comment.strip_prefix("stderr:") {
            e.stderr = Some(v.trim().to_string());
        } else if let Some(v) = comment.strip_prefix("oracle:") {
            let v = v.trim();
            let reason = v
                .strip_prefix("skip")
                .ok_or_else(|| format!("bad oracle header: {line}"))?;
            e.oracle_skip = Some(
                reason
                    .trim_start_matches([' ', '—', '-', ':'])
                    .trim()
                    .to_string(),
            );
        }
    }
    Ok(e)
}

/// Reads NAME.fs's header and NAME.stdout (NAME.cs works the same way).
pub fn load_expectations(program: &Path) -> Result<Expectations, String> {
    let src = fs::read_to_string(program).map_err(|e| format!("{}: {e}", program.display()))?;
    let mut e = parse_header(&src).map_err(|m| format!("{}: {m}", program.display()))?;
    let stdout_path = program.with_extension("stdout");
    e.stdout = fs::read(&stdout_path).map_err(|err| format!("{}: {err}", stdout_path.display()))?;
    Ok(e)
}

/// Compares an outcome with the expectations: stdout exactly, exit code, and
/// the first stderr line (must contain the expected name; must be empty when
/// none is expected). Returns a readable explanation on mismatch.
pub fn check(name: &str, expected: &Expectations, got: &Outcome) -> Result<(), String> {
    let mut problems = Vec::new();
    if got.stdout != expected.stdout {
        problems.push(format!(
            "stdout differs{}\n--- expected\n{}\n--- got\n{}",
            first_difference(&expected.stdout, &got.stdout),
            String::from_utf8_lossy(&expected.stdout),
            String::from_utf8_lossy(&got.stdout)
        ));
    }
    if got.exit_code != expected.exit {
        problems.push(format!(
            "exit code {} (expected {})",
            got.exit_code, expected.exit
        ));
    }
    let first = got.stderr_first_line();
    match &expected.stderr {
        Some(want) if !first.contains(want.as_str()) => problems.push(format!(
            "first stderr line {first:?} does not contain {want:?}\nstderr:\n{}",
            String::from_utf8_lossy(&got.stderr)
        )),
        None if !got.stderr.is_empty() => problems.push(format!(
            "unexpected stderr:\n{}",
            String::from_utf8_lossy(&got.stderr)
        )),
        _ => {}
    }
    if problems.is_empty() {
        Ok(())
    } else {
        Err(format!("{name}: {}", problems.join("\n")))
    }
}

fn first_difference(a: &[u8], b: &[u8]) -> String {
    let line_of = |bytes: &[u8], at: usize| bytes[..at].iter().filter(|&&c| c == b'\n').count() + 1;
    let n = a.iter().zip(b.iter()).take_while(|(x, y)| x == y).count();
    format!(
        " (first difference at byte {n}, expected line {})",
        line_of(a, n)
    )
}

/// Programs (files with extension `ext`) directly in `dir`, sorted by name.
pub fn programs_in(dir: &Path, ext: &str) -> Vec<PathBuf> {
    let mut v: Vec<PathBuf> = fs::read_dir(dir)
        .map(|rd| {
            rd.filter_map(|e| e.ok().map(|e| e.path()))
                .filter(|p| p.is_file() && p.extension().is_some_and(|x| x == ext))
                .collect()
        })
        .unwrap_or_default();
    v.sort();
    v
}

/// Runs `programs` through mono on a few threads and checks each against its
/// expectations; returns (checked, skipped, failures).
pub fn check_all(programs: &[PathBuf]) -> (usize, Vec<String>, Vec<String>) {
    let threads = std::thread::available_parallelism()
        .map(|n| n.get())
        .unwrap_or(2)
        .clamp(1, 8);
    let next = AtomicUsize::new(0);
    let results = std::sync::Mutex::new(Vec::new());
    std::thread::scope(|s| {
        for _ in 0..threads {
            s.spawn(|| loop {
                let i = next.fetch_add(1, Ordering::SeqCst);
                let Some(p) = programs.get(i) else { break };
                let name = p.file_name().unwrap().to_string_lossy().to_string();
                let r = match load_expectations(p) {
                    Err(e) => Err(e),
                    Ok(exp) if exp.oracle_skip.is_some() => {
                        Ok(Some(format!("{name}: {}", exp.oracle_skip.unwrap())))
                    }
                    Ok(exp) => run_with_mono(p)
                        .and_then(|got| check(&name, &exp, &got))
                        .map(|_| None),
                };
                results.lock().unwrap().push(r);
            });
        }
    });
    let mut checked = 0;
    let mut skipped = Vec::new();
    let mut failures = Vec::new();
    for r in results.into_inner().unwrap() {
        match r {
            Ok(None) => checked += 1,
            Ok(Some(s)) => skipped.push(s),
            Err(e) => failures.push(e),
        }
    }
    skipped.sort();
    failures.sort();
    (checked, skipped, failures)
}
