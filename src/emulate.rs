//! Running an Image in the Unicorn CPU emulator.
//!
//! In: a linked [`Image`] and [`Options`] (instruction budget, counting mode).
//! Out: an [`Outcome`]: the program's stdout and stderr bytes, its exit code, the
//! number of instructions executed and why it stopped (exit, budget, CPU fault
//! with address / nearest symbol / source span, or an unsupported syscall).
//! A guest fault is a result, never a panic.
//!
//! The guest may only use `write` (fd 1 and 2), `exit` and the seccomp `prctl` of `_start`; a hook on
//! the `syscall` instruction implements them. Instructions are counted per
//! translated block: a block hook adds the block's instruction count, looked up
//! in a table built from the source map (see [`Counting`] for the measured cost).

use crate::asm::Section;
use crate::link::{Image, Region};
use crate::source::{Sources, Span};
use std::ffi::c_void;
use std::io::Write;
use unicorn_engine::{
    uc_emu_stop, uc_engine, uc_error, uc_hook, uc_hook_add, Arch, HookType, MemType, Mode, Prot,
    RegisterX86, Unicorn, X86Insn,
};

/// The default instruction budget (`--max-insns`).
/// 4 billion: at about 300 million instructions a second (measured on a
/// 2-core build machine, README "run"), some 13 seconds of emulation, so a
/// real program finishes while a runaway one still stops.
pub const DEFAULT_MAX_INSNS: u64 = 4_000_000_000;

/// Largest single `write` the emulator accepts (a sanity limit on guest lengths).
const MAX_WRITE: u64 = 64 << 20;

/// How instructions are counted (and so how the budget is enforced).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Counting {
    /// A block hook adds each block's instruction count: exact except for a block
    /// cut short by a fault; the budget is checked at block ends.
    Blocks,
    /// No counting and no budget: a bare Unicorn with only the syscall hook
    /// (the benchmark's reference).
    Off,
}

/// Run options.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Options {
    pub max_insns: u64,
    pub counting: Counting,
    /// The program's command-line arguments (`Main(string[] args)`), as a
    /// kernel would pass them after argv[0].
    pub args: Vec<String>,
}

impl Default for Options {
    fn default() -> Options {
        Options {
            max_insns: DEFAULT_MAX_INSNS,
            counting: Counting::Blocks,
            args: Vec::new(),
        }
    }
}

/// Why the run stopped.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Stop {
    /// `exit` with this code (0–255, as the shell sees it).
    Exited(i32),
    /// The instruction budget ran out.
    Budget(u64),
    /// The CPU could not go on.
    Fault(Fault),
    /// A system call other than write/exit.
    Syscall { number: u64, addr: u64 },
}

/// A CPU fault, located.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Fault {
    /// What went wrong, e.g. "write to unmapped memory at 0x5000 (the stack guard page)".
    pub reason: String,
    /// The address of the faulting instruction.
    pub addr: u64,
    /// `symbol+offset` of that address.
    pub symbol: Option<String>,
    /// The source the instruction came from.
    pub span: Option<Span>,
}

/// The result of a run.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Outcome {
    pub stdout: Vec<u8>,
    pub stderr: Vec<u8>,
    pub stop: Stop,
    /// Instructions executed (0 with [`Counting::Off`]).
    pub insns: u64,
    /// The first failed write to a tee (fd, error): the run stopped there.
    pub tee_error: Option<TeeError>,
}

/// A write to the tee of `run_streaming` failed: (guest fd, the error).
#[derive(Debug)]
pub struct TeeError(pub u64, pub std::io::Error);

impl Clone for TeeError {
    fn clone(&self) -> TeeError {
        TeeError(
            self.0,
            std::io::Error::new(self.1.kind(), self.1.to_string()),
        )
    }
}

impl PartialEq for TeeError {
    fn eq(&self, other: &TeeError) -> bool {
        self.0 == other.0 && self.1.kind() == other.1.kind()
    }
}

impl Eq for TeeError {}

impl Outcome {
    /// The process exit code: the program's own, or 1 for anything abnormal.
    pub fn exit_code(&self) -> i32 {
        match self.stop {
            Stop::Exited(code) => code,
            _ => 1,
        }
    }

    /// One line for the user when the run did not end with an exit.
    pub fn stop_message(&self, sources: &Sources) -> Option<String> {
        match &self.stop {
            Stop::Exited(_) => None,
            Stop::Budget(n) => Some(format!(
                "stopped: instruction budget of {} exhausted (raise it with --max-insns)",
                n
            )),
            Stop::Syscall { number, addr } => Some(format!(
                "stopped: system call {} at {:#x} is not allowed (natively, seccomp strict mode kills the program)",
                number, addr
            )),
            Stop::Fault(f) => {
                let mut text = format!("stopped: CPU fault: {} at {:#x}", f.reason, f.addr);
                if let Some(sym) = &f.symbol {
                    text.push_str(&format!(" <{}>", sym));
                }
                if let Some(span) = f.span {
                    text.push_str(&format!(" ({})", sources.location(span)));
                }
                Some(text)
            }
        }
    }
}

/// Runs an image to its end, collecting its output.
pub fn run(image: &Image, options: &Options) -> Outcome {
    run_streaming(image, options, None)
}

/// Runs an image, also writing the guest's stdout and stderr to `tee` as it
/// happens (for `flux-viz run`).
pub fn run_streaming(
    image: &Image,
    options: &Options,
    tee: Option<(Box<dyn Write>, Box<dyn Write>)>,
) -> Outcome {
    let state = State {
        tee,
        ..State::default()
    };
    match start(image, options, state) {
        Ok(outcome) => outcome,
        Err(reason) => {
            let fault = Fault {
                reason,
                addr: image.entry,
                symbol: None,
                span: None,
            };
            Outcome {
                stdout: Vec::new(),
                stderr: Vec::new(),
                stop: Stop::Fault(fault),
                insns: 0,
                tee_error: None,
            }
        }
    }
}

/// What the hooks record while the guest runs.
#[derive(Default)]
struct State {
    stdout: Vec<u8>,
    stderr: Vec<u8>,
    tee: Option<(Box<dyn Write>, Box<dyn Write>)>,
    tee_error: Option<TeeError>,
    exit: Option<i32>,
    bad_syscall: Option<(u64, u64)>,
    /// The last invalid memory access: (kind, address).
    bad_access: Option<(MemType, u64)>,
    insns: u64,
    budget_hit: bool,
}

type Emu<'a> = Unicorn<'a, State>;

fn start(image: &Image, options: &Options, state: State) -> Result<Outcome, String> {
    // Declared before `emu` so that it is dropped after it: the block hook reads it.
    let mut counter = Counter::new(image, options.max_insns);
    let mut emu =
        Unicorn::new_with_data(Arch::X86, Mode::MODE_64, state).map_err(|e| e.to_string())?;
    map_image(&mut emu, image, &options.args)?;
    emu.add_insn_sys_hook(X86Insn::SYSCALL, 1, 0, syscall)
        .map_err(|e| e.to_string())?;
    install_memory_checks(&mut emu, image)?;
    if options.counting == Counting::Blocks {
        counter.install(&mut emu)?;
    }
    let result = emu.emu_start(image.entry, 0, 0, 0);
    let pc = emu.pc_read().unwrap_or(0);
    let mut state = std::mem::take(emu.get_data_mut());
    drop(emu);
    state.insns = counter.insns;
    state.budget_hit = counter.hit;
    let stop = stop_reason(image, &state, result, pc, options.max_insns);
    Ok(Outcome {
        stdout: state.stdout,
        stderr: state.stderr,
        stop,
        insns: state.insns,
        tee_error: state.tee_error,
    })
}

fn map_image(emu: &mut Emu<'_>, image: &Image, args: &[String]) -> Result<(), String> {
    for region in &image.regions {
        let fail = |e| map_error(region, e);
        emu.mem_map(region.addr, region.mapped_size(), region_prot(region))
            .map_err(fail)?;
        if !region.bytes.is_empty() {
            emu.mem_write(region.addr, &region.bytes).map_err(fail)?;
        }
    }
    set_loader_stack(emu, image, args)
}

/// The access rights of a region, as Unicorn wants them.
pub(crate) fn region_prot(region: &Region) -> Prot {
    let mut prot = Prot::READ;
    if region.write {
        prot |= Prot::WRITE;
    }
    if region.exec {
        prot |= Prot::EXEC;
    }
    prot
}

pub(crate) fn map_error(region: &Region, e: uc_error) -> String {
    format!(
        "cannot map {} at {:#x}: {:?}",
        region.section.name(),
        region.addr,
        e
    )
}

/// Where the emulator puts the argument block a Linux kernel would leave on
/// its own stack: far above the image, mapped read-only (the runtime only
/// reads it, in `rt_args`, before it switches to its own stack).
pub const LOADER_BLOCK: u64 = 0x7ff0_0000_0000;

/// What the kernel hands `_start`: rsp points at argc, then argv[0..argc],
/// a null, an empty environment (a null) and an empty auxiliary vector
/// (AT_NULL), then the strings themselves. argv[0] is "flux-viz-program".
pub fn loader_block(args: &[String]) -> Vec<u8> {
    let argv: Vec<&[u8]> = std::iter::once(&b"flux-viz-program"[..])
        .chain(args.iter().map(|a| a.as_bytes()))
        .collect();
    let words = 1 + argv.len() + 1 + 1 + 2;
    let mut strings = Vec::new();
    let mut pointers = Vec::new();
    for arg in &argv {
        pointers.push(LOADER_BLOCK + (words * 8 + strings.len()) as u64);
        strings.extend_from_slice(arg);
        strings.push(0);
    }
    let mut block = Vec::with_capacity(words * 8 + strings.len());
    block.extend_from_slice(&(argv.len() as u64).to_le_bytes());
    for p in pointers {
        block.extend_from_slice(&p.to_le_bytes());
    }
    block.extend_from_slice(&[0; 8 * 4]); // argv's null, envp's null, AT_NULL (type, value)
    block.extend_from_slice(&strings);
    block
}

/// Maps the kernel-style argument block and points rsp at it, as the loader
/// would; `_start` reads it and then switches to the runtime's own stack.
pub(crate) fn set_loader_stack<D>(
    emu: &mut Unicorn<'_, D>,
    _image: &Image,
    args: &[String],
) -> Result<(), String> {
    let block = loader_block(args);
    let size = (block.len() as u64).div_ceil(PAGE) * PAGE;
    emu.mem_map(LOADER_BLOCK, size, Prot::READ)
        .map_err(|e| format!("cannot map the argument block: {e:?}"))?;
    emu.mem_write(LOADER_BLOCK, &block)
        .map_err(|e| format!("cannot write the argument block: {e:?}"))?;
    emu.reg_write(RegisterX86::RSP, LOADER_BLOCK)
        .map_err(|e| e.to_string())
}

const PAGE: u64 = 4096;

/// The data of a Unicorn that notes the invalid memory access that stopped
/// it (a fault the CPU cannot get past): its kind and exact address.
pub(crate) trait NotesFaults {
    fn note_fault(&mut self, kind: MemType, addr: u64);
}

impl NotesFaults for State {
    fn note_fault(&mut self, kind: MemType, addr: u64) {
        self.bad_access = Some((kind, addr));
    }
}

/// Makes Unicorn stop on every invalid memory access and note it, without
/// slowing down the valid ones.
///
/// Unicorn sends a guest store down its slow path (a memory-region lookup
/// per store) for as long as the page's TLB entry is marked "not dirty",
/// and it never clears that mark on a page that is executable in the TLB or
/// that any memory hook's range covers. With the x86 CPU's own TLB every
/// page is executable, and a fault hook over the whole address space covers
/// everything: every store of the program took the slow path (a fifth of
/// the time of the UI's `g` at 10^6 awaits). So:
/// - the TLB is Unicorn's virtual one, filled by a hook with each region's
///   pages as what they are (executable only in `.text`), identity-mapped;
///   a fetch from a page that is not executable is refused there, which
///   stops the CPU (noted as such, at the fetched address);
/// - the hooks for unmapped accesses cover only the gaps between regions,
///   and the hook for writes to read-only memory only the read-only regions;
///   the pages a program writes are covered by no hook at all.
pub(crate) fn install_memory_checks<D: NotesFaults>(
    uc: &mut Unicorn<'_, D>,
    image: &Image,
) -> Result<(), String> {
    let err = |e: uc_error| format!("cannot install the memory checks: {e:?}");
    let regions: Vec<(u64, u64, bool)> = image
        .regions
        .iter()
        .map(|r| (r.addr, r.addr + r.mapped_size(), r.exec))
        .collect();
    uc.ctl_set_tlb_type(unicorn_engine::TlbType::VIRTUAL)
        .map_err(err)?;
    let table = regions.clone();
    uc.add_tlb_hook(1, 0, move |uc, page, access| {
        let region = table
            .iter()
            .find(|(from, to, _)| (*from..*to).contains(&page));
        let perms = match region {
            // Unmapped: let the access through to Unicorn's own check, which
            // reports it (with its exact address) to the gap hooks below.
            None => Prot::ALL,
            Some(&(_, _, true)) => Prot::ALL,
            Some(_) if access == MemType::FETCH => {
                let pc = uc.pc_read().unwrap_or(page);
                let at = if pc & !(PAGE - 1) == page { pc } else { page };
                uc.get_data_mut().note_fault(MemType::FETCH_PROT, at);
                return None;
            }
            // Writable or not: Unicorn checks a region's write permission
            // itself (the read-only hook below).
            Some(_) => Prot::READ | Prot::WRITE,
        };
        Some(unicorn_engine::TlbEntry { paddr: page, perms })
    })
    .map_err(err)?;
    let note = |uc: &mut Unicorn<'_, D>, kind, addr, _, _| {
        uc.get_data_mut().note_fault(kind, addr);
        false
    };
    let unmapped =
        HookType::MEM_READ_UNMAPPED | HookType::MEM_WRITE_UNMAPPED | HookType::MEM_FETCH_UNMAPPED;
    for (from, to) in gaps(&regions) {
        uc.add_mem_hook(unmapped, from, to, note).map_err(err)?;
    }
    for region in image.regions.iter().filter(|r| !r.write) {
        let end = region.addr + region.mapped_size() - 1;
        uc.add_mem_hook(HookType::MEM_WRITE_PROT, region.addr, end, note)
            .map_err(err)?;
    }
    Ok(())
}

/// The inclusive address ranges no region covers.
fn gaps(regions: &[(u64, u64, bool)]) -> Vec<(u64, u64)> {
    let mut spans: Vec<(u64, u64)> = regions.iter().map(|&(from, to, _)| (from, to)).collect();
    spans.sort_unstable();
    let mut gaps = Vec::new();
    let mut next = 0u64;
    for (from, to) in spans {
        if from > next {
            gaps.push((next, from - 1));
        }
        next = next.max(to);
    }
    if next != 0 {
        gaps.push((next, u64::MAX));
    }
    gaps
}

/// Counts instructions per translated block.
///
/// `starts[o]` = instructions starting before code offset `o`, so a block
/// `[a, a+size)` holds `starts[a+size] - starts[a]`. The hook is a plain C
/// callback: the bindings' closure hooks (`add_block_hook`) cost about 2 ns more
/// per block, and a block hook runs for every block executed.
struct Counter {
    base: u64,
    starts: Vec<u32>,
    insns: u64,
    budget: u64,
    hit: bool,
}

impl Counter {
    fn new(image: &Image, budget: u64) -> Box<Counter> {
        let (base, size) = image
            .region(Section::Text)
            .map_or((0, 0), |t| (t.addr, t.size));
        let mut starts = vec![0u32; size as usize + 1];
        let mut next = image.map.iter().map(|e| e.addr - base).peekable();
        let mut count = 0u32;
        for (offset, slot) in starts.iter_mut().enumerate() {
            *slot = count;
            while next.next_if(|&a| a == offset as u64).is_some() {
                count += 1;
            }
        }
        Box::new(Counter {
            base,
            starts,
            insns: 0,
            budget,
            hit: false,
        })
    }

    /// Hooks every block of `.text`; `self` must outlive `emu`.
    fn install(self: &mut Box<Counter>, emu: &mut Emu<'_>) -> Result<(), String> {
        let end = self.base + self.starts.len() as u64 - 1;
        let mut handle: uc_hook = 0;
        let user: *mut Counter = &mut **self;
        // SAFETY: `count_block` has the signature of a block hook; `user` points
        // into a Box that `start` keeps alive until after the Unicorn is dropped.
        let result = unsafe {
            uc_hook_add(
                emu.get_handle(),
                &mut handle,
                HookType::BLOCK.0 as i32,
                count_block as *mut c_void,
                user.cast(),
                self.base,
                end.saturating_sub(1),
            )
        };
        match result {
            uc_error::OK => Ok(()),
            e => Err(format!("cannot install the instruction counter: {:?}", e)),
        }
    }
}

extern "C" fn count_block(uc: *mut uc_engine, addr: u64, size: u32, user: *mut c_void) {
    // SAFETY: `user` is the live `Counter` given to `uc_hook_add` in `install`,
    // and Unicorn runs hooks on this thread only.
    let counter = unsafe { &mut *user.cast::<Counter>() };
    let from = addr.wrapping_sub(counter.base) as usize;
    let to = from.saturating_add(size as usize);
    if let (Some(a), Some(b)) = (counter.starts.get(from), counter.starts.get(to)) {
        counter.insns += (b - a) as u64;
    }
    if counter.insns >= counter.budget {
        counter.hit = true;
        // SAFETY: `uc` is the engine running this hook.
        unsafe { uc_emu_stop(uc) };
    }
}

/// A system call as the guest asked for it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Syscall {
    Write {
        fd: u64,
        buf: u64,
        len: u64,
    },
    Exit(i32),
    /// `prctl(PR_SET_SECCOMP, SECCOMP_MODE_STRICT)` at `_start`: succeeds (0).
    /// From then on the kernel allows read, write, exit and sigreturn only;
    /// the emulator allows still less (write and exit), so whatever it runs
    /// the native build runs too.
    EnterStrictMode,
    Other(u64),
}

/// The system calls of runtime/start.asm (exit_group is not among them:
/// seccomp strict mode would kill the process at it).
pub const SYS_EXIT: u64 = 60;
const SYS_PRCTL: u64 = 157;
const PR_SET_SECCOMP: u64 = 22;
const SECCOMP_MODE_STRICT: u64 = 1;

/// Reads the system call number and arguments from the registers.
pub(crate) fn decode_syscall<D>(uc: &Unicorn<'_, D>) -> Syscall {
    let reg = |r| uc.reg_read(r).unwrap_or(0);
    match reg(RegisterX86::RAX) {
        1 => Syscall::Write {
            fd: reg(RegisterX86::RDI),
            buf: reg(RegisterX86::RSI),
            len: reg(RegisterX86::RDX),
        },
        SYS_EXIT => Syscall::Exit((reg(RegisterX86::RDI) & 0xff) as i32),
        SYS_PRCTL
            if reg(RegisterX86::RDI) == PR_SET_SECCOMP
                && reg(RegisterX86::RSI) == SECCOMP_MODE_STRICT =>
        {
            Syscall::EnterStrictMode
        }
        number => Syscall::Other(number),
    }
}

/// The bytes of a guest `write` to fd 1 or 2, or the negative errno it returns.
pub(crate) fn write_bytes<D>(
    uc: &Unicorn<'_, D>,
    fd: u64,
    buf: u64,
    len: u64,
) -> Result<Vec<u8>, i64> {
    const EBADF: i64 = 9;
    const EFAULT: i64 = 14;
    if fd != 1 && fd != 2 {
        return Err(-EBADF);
    }
    uc.mem_read_as_vec(buf, len.min(MAX_WRITE) as usize)
        .map_err(|_| -EFAULT)
}

/// The syscall hook: write(fd, buf, len) for fd 1 and 2, exit, and the seccomp prctl.
fn syscall(uc: &mut Emu<'_>) {
    match decode_syscall(uc) {
        Syscall::Write { fd, buf, len } => {
            let result = guest_write(uc, fd, buf, len);
            let _ = uc.reg_write(RegisterX86::RAX, result as u64);
        }
        Syscall::Exit(code) => {
            uc.get_data_mut().exit = Some(code);
            let _ = uc.emu_stop();
        }
        Syscall::EnterStrictMode => {
            let _ = uc.reg_write(RegisterX86::RAX, 0);
        }
        Syscall::Other(number) => {
            // Inside the hook, the PC still points at the `syscall` instruction.
            let addr = uc.pc_read().unwrap_or(0);
            uc.get_data_mut().bad_syscall = Some((number, addr));
            let _ = uc.emu_stop();
        }
    }
}

/// Performs a guest `write`; returns bytes written or a negative errno.
fn guest_write(uc: &mut Emu<'_>, fd: u64, buf: u64, len: u64) -> i64 {
    let bytes = match write_bytes(uc, fd, buf, len) {
        Ok(bytes) => bytes,
        Err(errno) => return errno,
    };
    let state = uc.get_data_mut();
    if let Some((out, err)) = state.tee.as_mut() {
        let sink: &mut dyn Write = if fd == 1 { &mut **out } else { &mut **err };
        if let Err(error) = sink.write_all(&bytes).and_then(|_| sink.flush()) {
            // Our own output failed (closed pipe, full disk): stop the guest;
            // the command reports it (quietly for a closed pipe).
            state.tee_error = Some(TeeError(fd, error));
            let _ = uc.emu_stop();
            return bytes.len() as i64;
        }
    }
    let target = if fd == 1 {
        &mut state.stdout
    } else {
        &mut state.stderr
    };
    target.extend_from_slice(&bytes);
    bytes.len() as i64
}

fn stop_reason(
    image: &Image,
    state: &State,
    result: Result<(), unicorn_engine::uc_error>,
    pc: u64,
    budget: u64,
) -> Stop {
    if let Some(code) = state.exit {
        return Stop::Exited(code);
    }
    if let Some((number, addr)) = state.bad_syscall {
        return Stop::Syscall { number, addr };
    }
    if state.budget_hit {
        return Stop::Budget(budget);
    }
    let reason = match (result, state.bad_access) {
        (Err(_), Some((kind, addr))) => access_reason(image, kind, addr),
        (Err(e), None) => format!("{:?}", e).to_lowercase().replace('_', " "),
        (Ok(()), _) => "the CPU stopped without an exit".to_string(),
    };
    let symbol = image
        .nearest_symbol(pc)
        .map(|(s, off)| format!("{}+{}", s.name, off));
    let span = image.insn_at(pc).and_then(|e| e.origin.span);
    Stop::Fault(Fault {
        reason,
        addr: pc,
        symbol,
        span,
    })
}

pub(crate) fn access_reason(image: &Image, kind: MemType, addr: u64) -> String {
    let what = match kind {
        MemType::READ_UNMAPPED => "read from unmapped memory",
        MemType::WRITE_UNMAPPED => "write to unmapped memory",
        MemType::FETCH_UNMAPPED => "jump to unmapped memory",
        MemType::WRITE_PROT => "write to read-only memory",
        MemType::FETCH_PROT => "jump into non-executable memory",
        _ => "invalid memory access",
    };
    let guard = image
        .region(Section::Stack)
        .map(|s| s.addr - crate::link::GUARD_SIZE..s.addr);
    let note = if guard.is_some_and(|g| g.contains(&addr)) {
        " (the stack guard page)"
    } else {
        ""
    };
    format!("{} at {:#x}{}", what, addr, note)
}
