//! The CPU side of the machine: Unicorn, the guest memory, and the hooks that
//! count instructions, detect events and stop exactly where asked.
//!
//! In: an [`Image`] and its [`Sites`]. Out: an [`Engine`] that runs from the
//! current state until a [`Halt`] (an instruction count reached, an event or
//! breakpoint, a line change, a checkpoint due, the program's exit, a fault),
//! with every event it passes appended to [`Detector::records`] and every
//! promise it sees created to [`Detector::created`].
//!
//! Counting is exact at no per-instruction cost: a block hook adds each
//! translated block's instruction count (from the source map) on entry, and
//! a hook inside a block knows its position from the block's start. To stop
//! in the middle of a block the block hook stops *before* the block
//! ([`Halt::Partial`]) and the engine reruns it with Unicorn's `until`
//! address set to the target instruction (after dropping the cached
//! translation, which would not honour it). The code hook looks each
//! address up in per-offset tables (site, breakpoint, line); where it is put
//! is a trade-off the engine makes at run time ([`Coverage`]): over all of
//! `.text` when events are dense or lines are followed, only over the runs
//! of sites and the breakpoints when they are sparse. Guest memory lives in
//! host buffers mapped with `uc_mem_map_ptr`, so the history reads and
//! restores pages directly.

use super::sites::{Dispatch, SiteKind, Sites};
use super::written::WrittenPages;
use crate::emulate::{self, Syscall};
use crate::ir::header;
use crate::link::Image;
use crate::runtime_layout::{E_LINE, E_VTABLE, H_HANDLER, T_DEADLINE};
use std::collections::HashMap;
use std::ffi::c_void;
use std::sync::Arc;
use unicorn_engine::{
    uc_emu_stop, uc_engine, uc_error, uc_hook, uc_hook_add, uc_hook_del, uc_mem_map_ptr,
    uc_reg_read, Arch, HookType, MemType, Mode, RegisterX86, Unicorn, X86Insn,
};

/// Why a run stopped.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Halt {
    /// The instruction count reached the limit.
    Limit,
    /// The next block would cross the limit: rerun it up to the limit.
    Partial { block: u64 },
    /// A checkpoint is due (at a block start).
    Checkpoint,
    /// An event of a wanted kind, or a breakpoint.
    Site,
    /// A source line change that the line goal wanted.
    Line,
    /// The program exited with this code.
    Exit(i32),
    /// A system call other than write/exit: (number, address).
    BadSyscall(u64, u64),
    /// The CPU stopped on an error (see [`Detector::bad_access`]).
    Fault,
}

/// One detected event, compact: the site (or a synthetic kind) and two values
/// read when it happened (see `events::Event::from_record` for their meaning).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Record {
    pub icount: u64,
    pub what: What,
    pub a: u64,
    pub b: u64,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum What {
    Site(u32),
    Budget,
    CpuFault,
}

/// A promise (or an object or array) seen made: at `icount`, at `addr`, by the site `site`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Created {
    pub icount: u64,
    pub addr: u64,
    pub site: u32,
}

/// What to do when the source line changes (line mode only).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LineGoal {
    /// Stop at the first change.
    Into,
    /// gdb's `next`: stop at the start of a row ([`Sites::row_start`]) of
    /// another line than `line`, in the frame whose canonical frame address
    /// is `cfa` or an outer one; callees (a lower CFA) are stepped over.
    /// Landing in the middle of another line's row in such a frame (a return
    /// into the caller's line) makes that line and frame the reference, as
    /// gdb refreshes its step range: `n` finishes the caller's line.
    Over { cfa: u64, line: u32 },
    /// Stop at the first line change in an outer frame (canonical frame
    /// address above `cfa`): the function has returned.
    Out { cfa: u64 },
    /// Stop at the first line change inside a function's body (not in a
    /// prologue): from runtime code, `n` lands on Main's first statement.
    IntoBody,
    /// Stop at nothing; list every change in `line_hits`.
    Collect,
}

/// Everything the hooks read and write. Lives inside the Unicorn (its data).
pub struct Detector {
    pub sites: Arc<Sites>,
    mem: Vec<(u64, usize, *const u8)>,
    /// Instructions executed, counting the current block in full.
    pub counted: u64,
    block_off: usize,
    block_count: u64,
    /// Run control.
    pub limit: u64,
    pub checkpoint_due: u64,
    pub run_start: u64,
    pub stop_kinds: u32,
    /// `breaks[o]`: a breakpoint on the instruction at `.text` offset `o`.
    breaks: Vec<bool>,
    pub halt: Option<Halt>,
    /// Where a site or line halt happened.
    pub halt_icount: u64,
    /// Event records and created promises, in order. A caller that only
    /// goes forward may take the records away ([`Detector::take_records`]).
    pub records: Vec<Record>,
    /// The last record ever made (kept when the records are taken).
    last_record: Option<Record>,
    pub created: Vec<Created>,
    /// Objects and arrays seen made (by their [`SiteKind::Allocate`]
    /// sites), in order, as `created` for promises.
    pub allocated: Vec<Created>,
    /// The arguments each async frame received (by frame address), read at
    /// its first dispatch to state 0, when the starter has copied them in;
    /// with the instruction count of that moment.
    pub args: HashMap<u64, (u64, Vec<u64>)>,
    /// Program output of the furthest run, and how much of it exists now.
    pub out: [Vec<u8>; 2],
    pub out_len: [usize; 2],
    pub bad_access: Option<(MemType, u64)>,
    /// Line mode: the code hook also reports line changes.
    line_mode: bool,
    pub line_goal: LineGoal,
    pub last_line: u32,
    /// The address after the last instruction the line hook saw: an
    /// instruction there was reached by falling through, not by a jump or
    /// a return.
    pub next_addr: u64,
    pub line_hits: Vec<u64>,
    /// Sites passed since the engine last chose its [`Coverage`].
    sites_seen: u64,
}

impl emulate::NotesFaults for Detector {
    fn note_fault(&mut self, kind: MemType, addr: u64) {
        self.bad_access = Some((kind, addr));
    }
}

impl Detector {
    /// Appends a record unless it was made already: a replay passes the
    /// same events again, and an end is recorded once.
    pub fn record(&mut self, record: Record) {
        let new = self.last_record.is_none_or(|last| {
            let end = !matches!(record.what, What::Site(_));
            last.icount < record.icount || (end && last.what != record.what)
        });
        if new {
            self.records.push(record);
            self.last_record = Some(record);
        }
    }

    /// Takes every record made so far, for a caller that never goes back
    /// (`trace`): the records' memory stays bounded by what it takes at once.
    pub fn take_records(&mut self) -> Vec<Record> {
        std::mem::take(&mut self.records)
    }

    /// Reads a guest word straight from host memory.
    pub fn read_u64(&self, addr: u64) -> Option<u64> {
        read_u64(&self.mem, addr)
    }

    /// Reads a guest byte straight from host memory.
    pub fn read_byte(&self, addr: u64) -> Option<u8> {
        let (base, _, ptr) = *self
            .mem
            .iter()
            .find(|(a, s, _)| addr >= *a && addr < a + *s as u64)?;
        // SAFETY: the byte lies inside a live host buffer of the guest memory.
        Some(unsafe { *ptr.add((addr - base) as usize) })
    }

    /// Instructions executed before the instruction at `addr` in the current block.
    fn icount_at(&self, addr: u64) -> u64 {
        let off = (addr - self.sites.base) as usize;
        let starts = &self.sites.starts;
        self.block_count + (starts[off].saturating_sub(starts[self.block_off])) as u64
    }

    /// Whether a breakpoint is set at `addr`.
    pub fn is_break(&self, addr: u64) -> bool {
        let off = addr.wrapping_sub(self.sites.base) as usize;
        self.breaks.get(off).copied().unwrap_or(false)
    }

    fn stop(&mut self, uc: *mut uc_engine, halt: Halt) {
        self.halt = Some(halt);
        // SAFETY: `uc` is the engine running the hook that calls this.
        unsafe { uc_emu_stop(uc) };
    }
}

pub(crate) fn read_u64(mem: &[(u64, usize, *const u8)], addr: u64) -> Option<u64> {
    let (base, size, ptr) = *mem
        .iter()
        .find(|(a, s, _)| addr >= *a && addr + 8 <= a + *s as u64)?;
    let _ = size;
    let mut bytes = [0u8; 8];
    // SAFETY: the range lies inside a live host buffer of the guest memory.
    unsafe {
        std::ptr::copy_nonoverlapping(ptr.add((addr - base) as usize), bytes.as_mut_ptr(), 8)
    };
    Some(u64::from_le_bytes(bytes))
}

/// One guest memory region backed by a host buffer.
pub struct HostRegion {
    pub addr: u64,
    pub size: usize,
    pub write: bool,
    ptr: *mut u8,
}

impl HostRegion {
    pub fn bytes(&self) -> &[u8] {
        // SAFETY: `ptr` is a live allocation of `size` bytes owned by this region.
        unsafe { std::slice::from_raw_parts(self.ptr, self.size) }
    }

    pub fn bytes_mut(&mut self) -> &mut [u8] {
        // SAFETY: as in `bytes`; `&mut self` makes the access exclusive on our side,
        // and the CPU does not run while we hold it.
        unsafe { std::slice::from_raw_parts_mut(self.ptr, self.size) }
    }

    /// A zeroed, page-aligned buffer of `size` bytes standing for `addr`:
    /// anonymous memory from mmap, so the kernel hands out zero pages only
    /// when they are touched (a session costs what the program uses, not
    /// the 136 MiB of stack and heap it could use).
    pub fn zeroed(addr: u64, size: usize, write: bool) -> Result<HostRegion, String> {
        // SAFETY: a fresh private anonymous mapping; no file, no aliasing.
        let ptr = unsafe {
            libc::mmap(
                std::ptr::null_mut(),
                size,
                libc::PROT_READ | libc::PROT_WRITE,
                libc::MAP_PRIVATE | libc::MAP_ANONYMOUS | libc::MAP_NORESERVE,
                -1,
                0,
            )
        };
        if ptr == libc::MAP_FAILED {
            return Err(format!("cannot map {size} bytes of guest memory"));
        }
        Ok(HostRegion {
            addr,
            size,
            write,
            ptr: ptr.cast(),
        })
    }
}

impl Drop for HostRegion {
    fn drop(&mut self) {
        // SAFETY: mapped in `zeroed` with this size, unmapped once.
        unsafe { libc::munmap(self.ptr.cast(), self.size) };
    }
}

/// Unicorn plus the guest memory it runs on. Field order matters: the Unicorn
/// (which points into the memory) is dropped first, then the write tracking
/// (which protects some of it), then the memory.
pub struct Engine {
    pub uc: Unicorn<'static, Detector>,
    coverage: Coverage,
    /// The instruction count when the coverage was last chosen.
    tuned_at: u64,
    /// The coverage stays dense (tests compare the two).
    pinned: bool,
    /// How many times the coverage changed.
    coverage_changes: u32,
    /// The pages of each tracked region (by its address) written since the
    /// history last asked ([`Engine::track_writes`]).
    written: Vec<(u64, WrittenPages)>,
    pub memory: Vec<HostRegion>,
}

impl Engine {
    /// Maps the image, installs the hooks and points the CPU at the entry.
    pub fn new(image: &Image, sites: Arc<Sites>) -> Result<Engine, String> {
        let memory = allocate(image)?;
        let detector = Detector {
            breaks: vec![false; sites.starts.len()],
            sites,
            mem: memory
                .iter()
                .map(|r| (r.addr, r.size, r.ptr as *const u8))
                .collect(),
            counted: 0,
            block_off: 0,
            block_count: 0,
            limit: u64::MAX,
            checkpoint_due: u64::MAX,
            run_start: 0,
            stop_kinds: 0,
            halt: None,
            halt_icount: 0,
            records: Vec::new(),
            last_record: None,
            created: Vec::new(),
            allocated: Vec::new(),
            args: HashMap::new(),
            out: [Vec::new(), Vec::new()],
            out_len: [0, 0],
            bad_access: None,
            line_mode: false,
            line_goal: LineGoal::Collect,
            last_line: 0,
            next_addr: 0,
            line_hits: Vec::new(),
            sites_seen: 0,
        };
        let uc = Unicorn::new_with_data(Arch::X86, Mode::MODE_64, detector)
            .map_err(|e| e.to_string())?;
        let mut engine = Engine {
            uc,
            coverage: Coverage::NONE,
            tuned_at: 0,
            pinned: false,
            coverage_changes: 0,
            written: Vec::new(),
            memory,
        };
        engine.map(image)?;
        engine.install(image)?;
        emulate::set_loader_stack(&mut engine.uc, image, &[])?;
        engine.uc.set_pc(image.entry).map_err(|e| e.to_string())?;
        Ok(engine)
    }

    fn map(&mut self, image: &Image) -> Result<(), String> {
        for (region, host) in image.regions.iter().zip(&self.memory) {
            // SAFETY: `host.ptr` stays valid (and is not moved) until the Unicorn is dropped.
            let result = unsafe {
                uc_mem_map_ptr(
                    self.uc.get_handle(),
                    region.addr,
                    host.size as u64,
                    emulate::region_prot(region).0,
                    host.ptr.cast(),
                )
            };
            if result != uc_error::OK {
                return Err(emulate::map_error(region, result));
            }
        }
        Ok(())
    }

    fn install(&mut self, image: &Image) -> Result<(), String> {
        let sites = self.uc.get_data().sites.clone();
        let end = sites.base + sites.starts.len() as u64 - 1;
        self.add_hook(
            HookType::BLOCK,
            on_block as *mut c_void,
            sites.base,
            end.saturating_sub(1),
        )?;
        self.cover(Density::Dense)?;
        self.uc
            .add_insn_sys_hook(X86Insn::SYSCALL, 1, 0, on_syscall)
            .map_err(|e| e.to_string())?;
        emulate::install_memory_checks(&mut self.uc, image)
    }

    /// From now on, notes which pages of the writable region at `addr` the
    /// guest writes to (by page protection, see [`WrittenPages`]). False if
    /// that cannot be done here: the caller compares pages instead.
    pub fn track_writes(&mut self, addr: u64) -> bool {
        let region = self.memory.iter().find(|r| r.addr == addr && r.write);
        match region.and_then(|r| WrittenPages::track(r.ptr, r.size)) {
            Some(written) => {
                self.written.push((addr, written));
                true
            }
            None => false,
        }
    }

    /// The pages of the tracked region at `addr` written since the last
    /// [`Engine::rearm_writes`] (None: that region is not tracked).
    pub fn written_pages(&self, addr: u64) -> Option<impl Iterator<Item = usize> + '_> {
        let (_, written) = self.written.iter().find(|(a, _)| *a == addr)?;
        Some(written.pages())
    }

    /// Guest and history agree again: the written pages start afresh.
    pub fn rearm_writes(&mut self) {
        for (_, written) in &mut self.written {
            written.rearm();
        }
    }

    fn add_hook(
        &mut self,
        kind: HookType,
        callback: *mut c_void,
        from: u64,
        to: u64,
    ) -> Result<uc_hook, String> {
        let user = self.detector_ptr();
        add_raw_hook(self.uc.get_handle(), kind, callback, user, from, to)
    }

    fn detector_ptr(&mut self) -> *mut Detector {
        self.uc.get_data_mut()
    }

    pub fn detector(&self) -> &Detector {
        self.uc.get_data()
    }

    pub fn detector_mut(&mut self) -> &mut Detector {
        self.uc.get_data_mut()
    }

    /// Line mode: the code hook also stops where the source line changes
    /// as [`Detector::line_goal`] asks. Lines need every instruction hooked.
    pub fn set_line_mode(&mut self, on: bool) -> Result<(), String> {
        self.detector_mut().line_mode = on;
        if on {
            self.cover(Density::Dense)?;
        }
        Ok(())
    }

    /// Sets or clears a breakpoint at `addr` (an instruction of `.text`).
    pub fn set_break(&mut self, addr: u64, on: bool) -> Result<(), String> {
        let d = self.detector_mut();
        let off = addr.wrapping_sub(d.sites.base) as usize;
        match d.breaks.get_mut(off) {
            Some(slot) if *slot != on => *slot = on,
            _ => return Ok(()),
        }
        let handle = self.uc.get_handle();
        if let Coverage::Sparse { breaks, .. } = &mut self.coverage {
            if on {
                let hook = add_code_hook(handle, self.uc.get_data_mut(), addr, addr)?;
                breaks.push((addr, hook));
            } else if let Some(i) = breaks.iter().position(|(a, _)| *a == addr) {
                // SAFETY: a handle returned by uc_hook_add on this engine.
                unsafe { uc_hook_del(handle, breaks.swap_remove(i).1) };
            }
            // Code translated before the change does not know about it.
            self.uc
                .ctl_remove_cache(addr, addr + 1)
                .map_err(|e| format!("{e:?}"))?;
        }
        Ok(())
    }

    /// Chooses where the code hook goes for the run ahead, from how dense
    /// the sites were since the last choice (at `icount` instructions).
    /// Called between runs, at checkpoints: the events are the same either
    /// way, only the cost differs.
    ///
    /// Unicorn calls a lone code hook straight from the translated code,
    /// but each hooked instruction still costs a flags sync and an exit
    /// check (about 7 ns here): a compute loop pays that on every
    /// instruction if the hook covers all of `.text`. Hooks over the runs
    /// of sites leave such loops untouched, but with several hooks Unicorn
    /// walks all of their ranges on every hooked instruction, which is
    /// dearer when sites are close together (async-heavy code). So: dense
    /// above one site per [`DENSE_ABOVE`] instructions, sparse below one
    /// per [`SPARSE_BELOW`]; in between the coverage stays as it is.
    pub fn retune(&mut self, icount: u64) -> Result<(), String> {
        let ran = icount.saturating_sub(self.tuned_at);
        if ran < RETUNE_WINDOW || self.detector().line_mode || self.pinned {
            return Ok(());
        }
        let seen = std::mem::take(&mut self.detector_mut().sites_seen);
        self.tuned_at = icount;
        if seen * DENSE_ABOVE > ran {
            self.cover(Density::Dense)
        } else if seen * SPARSE_BELOW < ran {
            self.cover(Density::Sparse)
        } else {
            Ok(())
        }
    }

    /// Whether the code hook covers all of `.text` now.
    pub fn covers_all(&self) -> bool {
        matches!(self.coverage, Coverage::Dense(_))
    }

    /// Keeps the code hook over all of `.text` from now on.
    pub fn pin_dense(&mut self) -> Result<(), String> {
        self.pinned = true;
        self.cover(Density::Dense)
    }

    /// How many times [`Engine::retune`] moved the code hook.
    pub fn coverage_changes(&self) -> u32 {
        self.coverage_changes
    }

    /// Puts the code hook where `density` asks (nothing to do if it is there).
    fn cover(&mut self, density: Density) -> Result<(), String> {
        if self.covers_all() == (density == Density::Dense) {
            return Ok(());
        }
        let handle = self.uc.get_handle();
        let old = std::mem::replace(&mut self.coverage, Coverage::NONE);
        for hook in old.hooks() {
            // SAFETY: a handle returned by uc_hook_add on this engine.
            unsafe { uc_hook_del(handle, hook) };
        }
        let sites = self.uc.get_data().sites.clone();
        let user = self.uc.get_data_mut() as *mut Detector;
        self.coverage = match density {
            Density::Dense => {
                let end = sites.base + sites.starts.len() as u64 - 1;
                Coverage::Dense(add_code_hook(
                    handle,
                    user,
                    sites.base,
                    end.saturating_sub(1),
                )?)
            }
            Density::Sparse => {
                let mut runs = Vec::new();
                for (from, to) in sites.runs(MERGE_GAP) {
                    runs.push(add_code_hook(handle, user, from, to)?);
                }
                let mut breaks = Vec::new();
                for (off, _) in self
                    .detector()
                    .breaks
                    .iter()
                    .enumerate()
                    .filter(|(_, b)| **b)
                {
                    let addr = sites.base + off as u64;
                    breaks.push((addr, add_code_hook(handle, user, addr, addr)?));
                }
                Coverage::Sparse { runs, breaks }
            }
        };
        self.coverage_changes += 1;
        // Translated code carries the old hooks' calls (or their absence).
        self.uc.ctl_flush_tb().map_err(|e| format!("{e:?}"))
    }

    /// Runs from the current pc once; returns why it stopped.
    pub fn run_once(&mut self, until: u64) -> Halt {
        let pc = self.pc();
        self.detector_mut().halt = None;
        self.detector_mut().bad_access = None;
        let result = self.uc.emu_start(pc, until, 0, 0);
        let d = self.detector_mut();
        if let Some(halt) = d.halt {
            return halt;
        }
        match result {
            Err(_) => Halt::Fault,
            Ok(()) => Halt::Limit,
        }
    }

    /// Runs the block at the pc up to (not including) the instruction that
    /// brings the count to the limit.
    pub fn finish_partial(&mut self, block: u64) -> Halt {
        let d = self.detector();
        let sites = &d.sites;
        let first = sites.starts[(block - sites.base) as usize] as usize;
        let target = first + (d.limit - d.counted) as usize;
        let addr = self.target_addr(target);
        let _ = self.uc.ctl_remove_cache(addr, addr + 1);
        self.run_once(addr)
    }

    fn target_addr(&self, index: usize) -> u64 {
        self.detector()
            .sites
            .starts
            .partition_point(|&s| (s as usize) <= index) as u64
            - 1
            + self.detector().sites.base
    }

    pub fn pc(&self) -> u64 {
        self.uc.pc_read().unwrap_or(0)
    }

    pub fn reg(&self, reg: RegisterX86) -> u64 {
        self.uc.reg_read(reg).unwrap_or(0)
    }

    /// The low 64 bits of an SSE register (where a scalar double is).
    pub fn xmm_low(&self, reg: RegisterX86) -> u64 {
        let bytes = self.uc.reg_read_long(reg).unwrap_or_default();
        let low: [u8; 8] = bytes
            .get(..8)
            .and_then(|b| b.try_into().ok())
            .unwrap_or([0; 8]);
        u64::from_le_bytes(low)
    }

    /// After a fault, the count up to (not including) the faulting instruction.
    pub fn settle_fault(&mut self) {
        let pc = self.pc();
        let d = self.detector_mut();
        let in_text = pc >= d.sites.base && ((pc - d.sites.base) as usize) < d.sites.starts.len();
        if in_text && d.block_count <= d.counted {
            d.counted = d.icount_at(pc).min(d.counted);
        }
    }
}

/// Page-aligned, zeroed host buffers holding each region's initial bytes.
fn allocate(image: &Image) -> Result<Vec<HostRegion>, String> {
    image
        .regions
        .iter()
        .map(|region| {
            let size = region.mapped_size() as usize;
            let mut host = HostRegion::zeroed(region.addr, size, region.write)?;
            host.bytes_mut()[..region.bytes.len()].copy_from_slice(&region.bytes);
            Ok(host)
        })
        .collect()
}

/// Reads a register from inside a hook.
fn reg(uc: *mut uc_engine, reg: RegisterX86) -> u64 {
    let mut value = 0u64;
    // SAFETY: `uc` is the running engine; the value is a 64-bit register.
    unsafe { uc_reg_read(uc, reg as i32, (&mut value as *mut u64).cast()) };
    value
}

/// Where the code hook is ([`Engine::retune`]).
enum Coverage {
    /// One hook over all of `.text`.
    Dense(uc_hook),
    /// Hooks over the runs of sites and on each breakpoint only.
    Sparse {
        runs: Vec<uc_hook>,
        breaks: Vec<(u64, uc_hook)>,
    },
}

impl Coverage {
    /// No hook installed (before the first choice, and while changing).
    const NONE: Coverage = Coverage::Sparse {
        runs: Vec::new(),
        breaks: Vec::new(),
    };

    fn hooks(&self) -> Vec<uc_hook> {
        match self {
            Coverage::Dense(hook) => vec![*hook],
            Coverage::Sparse { runs, breaks } => runs
                .iter()
                .copied()
                .chain(breaks.iter().map(|b| b.1))
                .collect(),
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Density {
    Dense,
    Sparse,
}

/// Sites at most this many instructions apart share one sparse hook.
const MERGE_GAP: u32 = 3;
/// The coverage is chosen again after at least this many instructions.
const RETUNE_WINDOW: u64 = 50_000;
/// Dense coverage above one site per this many instructions.
const DENSE_ABOVE: u64 = 200;
/// Sparse coverage below one site per this many instructions.
const SPARSE_BELOW: u64 = 1_000;

fn add_code_hook(
    uc: *mut uc_engine,
    user: *mut Detector,
    from: u64,
    to: u64,
) -> Result<uc_hook, String> {
    add_raw_hook(uc, HookType::CODE, on_code as *mut c_void, user, from, to)
}

fn add_raw_hook(
    uc: *mut uc_engine,
    kind: HookType,
    callback: *mut c_void,
    user: *mut Detector,
    from: u64,
    to: u64,
) -> Result<uc_hook, String> {
    let mut handle: uc_hook = 0;
    // SAFETY: `callback` has the C signature of this hook kind; `user` is the
    // Unicorn's own data, alive as long as the hook.
    let result = unsafe {
        uc_hook_add(
            uc,
            &mut handle,
            kind.0 as i32,
            callback,
            user.cast(),
            from,
            to,
        )
    };
    match result {
        uc_error::OK => Ok(handle),
        e => Err(format!("cannot install a hook: {e:?}")),
    }
}

/// # Safety
/// Called by Unicorn with the `Detector` given to `uc_hook_add`.
unsafe fn detector<'a>(user: *mut c_void) -> &'a mut Detector {
    // SAFETY: see the function's contract; hooks run on this thread only.
    unsafe { &mut *user.cast::<Detector>() }
}

extern "C" fn on_block(uc: *mut uc_engine, addr: u64, size: u32, user: *mut c_void) {
    // SAFETY: installed with the Detector as user data.
    let d = unsafe { detector(user) };
    let off = (addr - d.sites.base) as usize;
    let Some(&end) = d.sites.starts.get(off + size as usize) else {
        return;
    };
    let n = (end - d.sites.starts[off]) as u64;
    let before = d.counted;
    if before >= d.limit {
        return d.stop(uc, Halt::Limit);
    }
    if before + n > d.limit {
        return d.stop(uc, Halt::Partial { block: addr });
    }
    if before >= d.checkpoint_due {
        return d.stop(uc, Halt::Checkpoint);
    }
    d.block_off = off;
    d.block_count = before;
    d.counted = before + n;
}

/// The one code hook: runs before every instruction of `.text`. Most
/// instructions are neither a site nor a breakpoint and line mode is off:
/// two table reads, then back to the guest.
extern "C" fn on_code(uc: *mut uc_engine, addr: u64, size: u32, user: *mut c_void) {
    // SAFETY: installed with the Detector as user data.
    let d = unsafe { detector(user) };
    let off = (addr - d.sites.base) as usize;
    let site = d.sites.site_of[off];
    if site > 0 || d.breaks[off] {
        at_site(uc, d, addr, site);
        if d.halt.is_some() {
            return;
        }
    }
    if d.line_mode {
        at_line(uc, d, addr, size);
    }
}

/// Records the event of the site here (if any) and stops if it is of a
/// kind asked for, or a breakpoint is set here. Never inlined, nor is
/// [`at_line`]: `on_code` runs before every hooked instruction and must
/// stay a few instructions without a large prologue.
#[inline(never)]
fn at_site(uc: *mut uc_engine, d: &mut Detector, addr: u64, site: u32) {
    let icount = d.icount_at(addr);
    let off = (addr - d.sites.base) as usize;
    let mut wanted = d.breaks[off];
    if site > 0 {
        d.sites_seen += 1;
        if let Some(bit) = observe(uc, d, site - 1, icount) {
            wanted |= d.stop_kinds & bit != 0;
        }
    }
    if wanted && icount > d.run_start {
        d.halt_icount = icount;
        d.stop(uc, Halt::Site);
    }
}

/// Line mode: stops where [`Detector::line_goal`] is met.
#[inline(never)]
fn at_line(uc: *mut uc_engine, d: &mut Detector, addr: u64, size: u32) {
    let off = (addr - d.sites.base) as usize;
    let line = d.sites.line_of[off];
    let fell_through = addr == d.next_addr;
    d.next_addr = addr + size as u64;
    // `n` and `f` also look at a jump or a return onto the line they are on:
    // that may change the frame `n` follows (see LineGoal::Over), and a
    // recursive call returns onto its own line, where `f` must stop.
    let over = matches!(d.line_goal, LineGoal::Over { .. } | LineGoal::Out { .. });
    if line == 0 || (line == d.last_line && (fell_through || !over)) {
        return;
    }
    d.last_line = line;
    let icount = d.icount_at(addr);
    if icount <= d.run_start {
        return;
    }
    // The canonical frame address here: which function's frame is running.
    let cfa_now = || {
        let (rsp, rbp) = (reg(uc, RegisterX86::RSP), reg(uc, RegisterX86::RBP));
        d.sites.cfa_at(addr, rsp, rbp)
    };
    let stop = match d.line_goal {
        LineGoal::Into => true,
        LineGoal::Over { cfa, line: from } => {
            let Some(now) = cfa_now().filter(|&now| now >= cfa) else {
                return; // a callee's line, or no frame known: stepped over
            };
            let stop = line != from && d.sites.row_start[off];
            if !stop {
                d.line_goal = LineGoal::Over { cfa: now, line };
            }
            stop
        }
        LineGoal::Out { cfa } => cfa_now().is_some_and(|now| now > cfa),
        LineGoal::IntoBody => d.sites.in_body(addr),
        LineGoal::Collect => {
            d.line_hits.push(icount);
            false
        }
    };
    if stop {
        d.halt_icount = icount;
        d.stop(uc, Halt::Line);
    }
}

/// Records the site's event (once: only past the last record) and returns
/// its kind bit.
fn observe(uc: *mut uc_engine, d: &mut Detector, site: u32, icount: u64) -> Option<u32> {
    let sites = d.sites.clone();
    let kind = &sites.list[site as usize].kind;
    let (a, b) = capture(uc, d, kind);
    let made = match kind {
        SiteKind::Create(_) => Some(&mut d.created),
        SiteKind::Allocate(_) => Some(&mut d.allocated),
        _ => None,
    };
    if let Some(made) = made {
        if made.last().is_none_or(|c| c.icount < icount) {
            made.push(Created {
                icount,
                addr: a,
                site,
            });
        }
        return None;
    }
    // The method whose frame it is: the site's own, or (rt_fiber_entry's
    // call of a stackful body) the one whose body the frame keeps.
    let starts = matches!(kind, SiteKind::Jump { .. }) && b == 0 && a != 0;
    let method = starts
        .then(|| sites.list[site as usize].method)
        .flatten()
        .or_else(|| {
            let body = d.read_u64(a + crate::runtime_layout::F_BODY as u64)?;
            starts.then(|| sites.bodies.iter().position(|&b| b == body))?
        });
    if let Some(method) = method {
        if !d.args.contains_key(&a) {
            let args = sites.params[method]
                .iter()
                .map(|&offset| d.read_u64(a + offset as u64).unwrap_or(0))
                .collect();
            d.args.insert(a, (icount, args));
        }
    }
    let bit = super::events::EventKind::of_site(kind, a)?.bit();
    if let SiteKind::Syscall = kind {
        prefetch_output(uc, d, a);
    }
    d.record(Record {
        icount,
        what: What::Site(site),
        a,
        b,
    });
    Some(bit)
}

/// The two values a site's event keeps (see `events::Event::from_record`).
fn capture(uc: *mut uc_engine, d: &Detector, kind: &SiteKind) -> (u64, u64) {
    use super::sites::Place;
    use RegisterX86 as R;
    let r = |x| reg(uc, x);
    let word = |addr: u64| d.read_u64(addr).unwrap_or(0);
    let named = |name: &str| reg_by_name(name).map_or(0, r);
    match kind {
        SiteKind::Save {
            reg: name,
            place: Place::Stack,
        } => (named(name), r(R::RSP) - 8),
        SiteKind::Restore {
            place: Place::Stack,
            ..
        } => (word(r(R::RSP)), r(R::RSP)),
        SiteKind::Save {
            reg: name,
            place: Place::Frame { .. },
        } => (named(name), r(R::R15)),
        SiteKind::Restore {
            reg: name,
            place: Place::Slot { .. },
        } => (named(name), r(R::R15)),
        SiteKind::Save {
            reg: name,
            place: Place::Slot { .. },
        } => (named(name), r(R::R15)),
        SiteKind::Restore {
            place: Place::Frame { offset, .. },
            ..
        } => (word(r(R::R15) + *offset as u64), r(R::R15)),
        // A stackful await knows its state; its body starts in state 0.
        SiteKind::Suspend { at: Some(state) } => (r(R::R15), u64::from(*state)),
        SiteKind::Jump {
            how: Dispatch::Enter,
        } => (r(R::R15), 0),
        // The context switch goes back into a body (r15 is its frame again)
        // or back to whoever resumed a task: only the first is a jump. It
        // jumps to the return address it popped into rcx.
        SiteKind::Jump {
            how: Dispatch::Switched,
        } => {
            let back_to = r(R::RCX);
            match d.sites.state_number(back_to) {
                n if n != back_to => (r(R::R15), n),
                _ => (0, 0),
            }
        }
        SiteKind::State { .. } | SiteKind::Suspend { at: None } | SiteKind::Jump { .. } => {
            (r(R::R15), d.sites.frame_state(r(R::R15), word))
        }
        // Both continuation jumps (runtime/async.asm) take the promise in rdi.
        SiteKind::Poll | SiteKind::Resume => (r(R::RDI), d.sites.frame_state(r(R::RDI), word)),
        // The polled future, and the waker it is polled with.
        SiteKind::PollChild => (r(R::RDI), r(R::RSI)),
        SiteKind::Complete => (r(R::RDI), word(r(R::RDI) + header::RESULT as u64)),
        // The exception's class and line are kept, not its address: an
        // event is described later, and the record alone must say it.
        SiteKind::Faulted => (r(R::RDI), word(r(R::RSI) + E_VTABLE as u64)),
        SiteKind::Throw => (
            word(r(R::RDI) + E_LINE as u64),
            word(r(R::RDI) + E_VTABLE as u64),
        ),
        SiteKind::Catch => (
            word(r(R::RAX) + E_VTABLE as u64),
            word(r(R::RCX) + H_HANDLER as u64),
        ),
        SiteKind::Uncaught => (
            word(r(R::RDI) + E_LINE as u64),
            word(r(R::RDI) + E_VTABLE as u64),
        ),
        SiteKind::Rethrow => (
            word(r(R::RDI) + E_LINE as u64),
            word(r(R::RDI) + E_VTABLE as u64),
        ),
        SiteKind::Finally { .. } => (0, 0),
        SiteKind::Wake => {
            let waiting = d.sites_word("rt_queue_tail") - d.sites_word("rt_queue_head");
            (r(R::RDI), waiting)
        }
        SiteKind::TimerAdvance => (d.sites_word("rt_now"), r(R::RAX)),
        SiteKind::TimerFire => (r(R::RAX), word(r(R::RAX) + T_DEADLINE as u64)),
        SiteKind::TimerSet => (r(R::RAX), r(R::RBX)),
        SiteKind::Syscall => {
            let number = r(R::RAX);
            let fd = r(R::RDI);
            let at = if (1..=2).contains(&fd) {
                d.out_len[fd as usize - 1] as u64
            } else {
                0
            };
            (
                number | fd << 16 | at << 24,
                if number == 1 { r(R::RDX) } else { fd },
            )
        }
        SiteKind::Fail { .. } => (r(R::RDI), 0),
        SiteKind::Create(_) | SiteKind::Allocate(_) => (r(R::RAX), 0),
    }
}

impl Detector {
    /// A runtime data word by symbol (the addresses are looked up once, in `Sites`).
    fn sites_word(&self, name: &str) -> u64 {
        self.sites
            .symbol(name)
            .and_then(|addr| self.read_u64(addr))
            .unwrap_or(0)
    }
}

pub fn reg_by_name(name: &str) -> Option<RegisterX86> {
    use RegisterX86 as R;
    Some(match name {
        "rax" => R::RAX,
        "rbx" => R::RBX,
        "rcx" => R::RCX,
        "rdx" => R::RDX,
        "rsi" => R::RSI,
        "rdi" => R::RDI,
        "rbp" => R::RBP,
        "rsp" => R::RSP,
        "r8" => R::R8,
        "r9" => R::R9,
        "r10" => R::R10,
        "r11" => R::R11,
        "r12" => R::R12,
        "r13" => R::R13,
        "r14" => R::R14,
        "r15" => R::R15,
        _ => return None,
    })
}

/// The syscall hook: write to fd 1/2 (appending to, or replaying, the output)
/// and exit.
fn on_syscall(uc: &mut Unicorn<'_, Detector>) {
    match emulate::decode_syscall(uc) {
        Syscall::Write { fd, buf, len } => {
            let result = match emulate::write_bytes(uc, fd, buf, len) {
                Ok(bytes) => {
                    append_output(uc.get_data_mut(), fd as usize - 1, &bytes);
                    bytes.len() as i64
                }
                Err(errno) => errno,
            };
            let _ = uc.reg_write(RegisterX86::RAX, result as u64);
        }
        Syscall::Exit(code) => halt_after_syscall(uc, Halt::Exit(code)),
        Syscall::EnterStrictMode => {
            let _ = uc.reg_write(RegisterX86::RAX, 0);
        }
        Syscall::Other(number) => {
            let addr = uc.pc_read().unwrap_or(0);
            halt_after_syscall(uc, Halt::BadSyscall(number, addr));
        }
    }
}

/// A write about to happen: its bytes join the output buffer (not yet the
/// output), so the event can show them while the machine stands before it.
fn prefetch_output(uc: *mut uc_engine, d: &mut Detector, a: u64) {
    let (number, fd, at) = (a & 0xffff, (a >> 16) & 0xff, (a >> 24) as usize);
    if number != 1 || !(1..=2).contains(&fd) || d.out[fd as usize - 1].len() != at {
        return;
    }
    let (buf, len) = (
        reg(uc, RegisterX86::RSI),
        reg(uc, RegisterX86::RDX).min(1 << 20),
    );
    let bytes: Option<Vec<u8>> = (0..len).map(|i| d.read_byte(buf + i)).collect();
    if let Some(bytes) = bytes {
        d.out[fd as usize - 1].extend_from_slice(&bytes);
    }
}

/// Output is append-only along a run: a replay finds its bytes already there.
fn append_output(d: &mut Detector, stream: usize, bytes: &[u8]) {
    let at = d.out_len[stream];
    let buffer = &mut d.out[stream];
    if buffer.len() < at + bytes.len() {
        buffer.truncate(at);
        buffer.extend_from_slice(bytes);
    }
    d.out_len[stream] = at + bytes.len();
}

fn halt_after_syscall(uc: &mut Unicorn<'_, Detector>, halt: Halt) {
    let pc = uc.pc_read().unwrap_or(0);
    let d = uc.get_data_mut();
    d.halt_icount = d.icount_at(pc) + 1;
    d.halt = Some(halt);
    let _ = uc.emu_stop();
}
