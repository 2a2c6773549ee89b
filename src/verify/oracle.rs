//! The C# oracle: a Flux# program compiled unchanged (but for the rewrites of
//! [`rewrite_source`]) by mono's `mcs` together with the project's prelude
//! (tests/oracle/Prelude.cs, embedded here so an installed flux-viz carries
//! it), and run with `mono` under LANGUAGE.md §7's execution model.
//!
//! In: a program's source text, a cache directory. Out: the run ([`Run`]).
//! Compiled executables are cached by a hash of the prelude and the rewritten
//! source, so a program is compiled once until either changes.
//! tests/oracle/README.md describes the prelude and the rewrites.

use super::process::{self, Scratch};
use super::Run;
use crate::pipeline::Schedule;
use std::collections::hash_map::DefaultHasher;
use std::hash::Hasher;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Duration;

/// The prelude compiled together with every program.
pub const PRELUDE: &str = include_str!("../../tests/oracle/Prelude.cs");

/// The tools the oracle needs.
pub const TOOLS: [&str; 2] = ["mcs", "mono"];

/// The managed heap limit mono runs with. Without it mono happily "allocates"
/// `new long[int.MaxValue]` (16 GiB) thanks to overcommit; with it, such an
/// allocation throws OutOfMemoryException, as flux-viz's bump heap does.
pub const MONO_GC_PARAMS: &str = "max-heap-size=256m";

/// Time limit for one `mcs` compilation.
const COMPILE_TIMEOUT: Duration = Duration::from_secs(120);

/// True when both `mcs` and `mono` are on PATH.
pub fn available() -> bool {
    process::missing(&TOOLS).is_empty()
}

/// The only rewrites applied to a program: using-lines at the top (System,
/// System.Threading.Tasks, and the prelude's `print`), and `Task.Delay(` (or
/// `System.Threading.Tasks.Task.Delay(`) → the prelude's virtual-time delay. Everything else is compiled unchanged.
pub fn rewrite_source(src: &str) -> String {
    let mut out = String::with_capacity(src.len() + 128);
    out.push_str("using System; using System.Threading.Tasks; using static FluxOracle.Prelude;\n");
    let src = src
        .replace("System.Threading.Tasks.Task.Delay(", "Task.Delay(")
        .replace("Task.Delay(", "FluxOracle.VirtualTime.Delay(");
    for line in src.split_inclusive('\n') {
        out.push_str(&without_coalesce_assign(line));
    }
    out
}

/// mcs reads C# 7: `x ??= v;` on a line of its own becomes `x = x ?? v;`,
/// the same for the targets Flux# accepts (ones that reading twice does not
/// change: a name or a chain of names).
fn without_coalesce_assign(line: &str) -> std::borrow::Cow<'_, str> {
    let Some((target, rest)) = line.split_once("??=") else {
        return line.into();
    };
    let name = target.trim();
    let simple = !name.is_empty()
        && name
            .split('.')
            .all(|part| !part.is_empty() && part.chars().all(|c| c.is_alphanumeric() || c == '_'));
    if !simple {
        return line.into();
    }
    let indent = &target[..target.len() - target.trim_start().len()];
    format!("{indent}{name} = {name} ??{rest}").into()
}

/// Where compiled programs are cached when the caller does not say:
/// `$FLUX_VIZ_CACHE`, else `$XDG_CACHE_HOME/flux-viz`, else `~/.cache/flux-viz`,
/// else the temp directory; then `oracle/`.
pub fn default_cache_dir() -> PathBuf {
    let env = |name| {
        std::env::var_os(name)
            .filter(|v| !v.is_empty())
            .map(PathBuf::from)
    };
    let base = env("FLUX_VIZ_CACHE")
        .or_else(|| env("XDG_CACHE_HOME").map(|d| d.join("flux-viz")))
        .or_else(|| env("HOME").map(|d| d.join(".cache/flux-viz")))
        .unwrap_or_else(|| std::env::temp_dir().join("flux-viz-cache"));
    base.join("oracle")
}

/// Compiles `src` (the program's text; `name` is for messages) with mcs and the
/// prelude, or finds it in `cache`; returns the executable's path there.
pub fn compile(name: &str, src: &str, cache: &Path) -> Result<PathBuf, String> {
    let rewritten = rewrite_source(src);
    let key = content_hash(&[b"flux-oracle v1", PRELUDE.as_bytes(), rewritten.as_bytes()]);
    let exe = cache.join(format!("{key}.exe"));
    if exe.is_file() {
        return Ok(exe);
    }
    let dir = Scratch::new("oracle")?;
    let built = mcs(name, &rewritten, &dir)?;
    store(&built, &exe)?;
    Ok(exe)
}

/// Runs `mcs -main:FluxOracle.Entry program.cs Prelude.cs` in `dir`.
fn mcs(name: &str, rewritten: &str, dir: &Scratch) -> Result<PathBuf, String> {
    let (program, prelude, exe) = (
        dir.join("program.cs"),
        dir.join("Prelude.cs"),
        dir.join("program.exe"),
    );
    let write = |path: &Path, text: &str| {
        std::fs::write(path, text).map_err(|e| format!("writing {}: {e}", path.display()))
    };
    write(&program, rewritten)?;
    write(&prelude, PRELUDE)?;
    let mut command = Command::new("mcs");
    command
        .args(["-nologo", "-warn:0", "-main:FluxOracle.Entry"])
        .arg(format!("-out:{}", exe.display()))
        .arg(&program)
        .arg(&prelude);
    process::run_tool(&mut command, COMPILE_TIMEOUT).map_err(|e| format!("mcs on {name}: {e}"))?;
    Ok(exe)
}

/// Moves a built executable into the cache atomically (parallel runs may race
/// on the same key; the loser's rename just replaces an identical file).
fn store(built: &Path, exe: &Path) -> Result<(), String> {
    static COUNTER: AtomicUsize = AtomicUsize::new(0);
    let cache = exe.parent().expect("cache directory");
    std::fs::create_dir_all(cache).map_err(|e| format!("creating {}: {e}", cache.display()))?;
    let staged = exe.with_extension(format!(
        "{}.{}.tmp",
        std::process::id(),
        COUNTER.fetch_add(1, Ordering::SeqCst)
    ));
    std::fs::copy(built, &staged).map_err(|e| format!("caching {}: {e}", exe.display()))?;
    std::fs::rename(&staged, exe).map_err(|e| format!("caching {}: {e}", exe.display()))
}

/// The environment variable that tells the prelude the schedule.
pub const SCHEDULE_VARIABLE: &str = "FLUX_ORACLE_SCHEDULE";

/// Runs a compiled oracle executable under mono, following `schedule`
/// (the prelude reads it from `FLUX_ORACLE_SCHEDULE`).
pub fn run_exe(exe: &Path, timeout: Duration, schedule: Schedule) -> Result<Run, String> {
    let mut command = Command::new("mono");
    command
        .arg(exe)
        .env("MONO_GC_PARAMS", MONO_GC_PARAMS)
        .env(SCHEDULE_VARIABLE, schedule.name());
    process::run(&mut command, timeout)
}

/// Two independent 64-bit hashes (FNV-1a and SipHash with fixed keys) of the
/// length-prefixed parts, as 32 hex digits: a cache key, not a security boundary.
fn content_hash(parts: &[&[u8]]) -> String {
    let mut fnv: u64 = 0xcbf2_9ce4_8422_2325;
    let mut sip = DefaultHasher::new();
    for part in parts {
        let len = (part.len() as u64).to_le_bytes();
        for b in len.iter().chain(part.iter()) {
            fnv ^= *b as u64;
            fnv = fnv.wrapping_mul(0x0100_0000_01b3);
        }
        sip.write(&len);
        sip.write(part);
    }
    format!("{fnv:016x}{:016x}", sip.finish())
}

/// The header comments of a test program (tests/programs, tests/oracle/selftest).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Header {
    /// `// exit: N` (default 0).
    pub exit: i32,
    /// `// stderr: System.XxxException`: text expected in the first stderr line.
    pub stderr: Option<String>,
    /// `// oracle: skip — reason`: mono cannot compile the program.
    pub oracle_skip: Option<String>,
}

/// Parses the leading `//` comment lines of `src`; an error names a malformed line.
pub fn parse_header(src: &str) -> Result<Header, String> {
    let mut header = Header::default();
    let comments = src
        .lines()
        .map(str::trim)
        .map_while(|l| l.strip_prefix("//").map(|c| (l, c.trim())));
    for (line, comment) in comments {
        if let Some(v) = comment.strip_prefix("exit:") {
            header.exit = v
                .trim()
                .parse()
                .map_err(|_| format!("bad exit header: {line}"))?;
        } else if let Some(v) = comment.strip_prefix("stderr:") {
            header.stderr = Some(v.trim().to_string());
        } else if let Some(v) = comment.strip_prefix("oracle:") {
            let reason = v
                .trim()
                .strip_prefix("skip")
                .ok_or_else(|| format!("bad oracle header: {line}"))?;
            header.oracle_skip = Some(
                reason
                    .trim_start_matches([' ', '—', '-', ':'])
                    .trim()
                    .to_string(),
            );
        }
    }
    Ok(header)
}
