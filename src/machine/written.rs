//! Which pages of a guest region the program wrote to, noted by the host's
//! MMU instead of a hook on every store.
//!
//! In: a host buffer holding guest memory (the heap). Out: [`WrittenPages`],
//! the set of its pages stored to since the last [`WrittenPages::rearm`].
//!
//! How: the buffer's pages are made read-only (`mprotect`). The first store
//! to one — from Unicorn's translated code, from Unicorn itself, or from
//! flux-viz restoring a checkpoint — faults; the process's SIGSEGV handler
//! sees that the address lies in a tracked buffer, sets the page's bit, makes
//! that page writable again and returns, and the store runs again, now
//! succeeding. Later stores to the page cost nothing. `rearm` makes the
//! written pages read-only again. This is the write barrier of generational
//! garbage collectors built on page protection.
//!
//! Why not Unicorn's memory-write hook: any memory hook, whatever its
//! range, sends *every* load and store of the guest (stack included) down
//! Unicorn's slow path, which was a third of the time of `g` to instruction
//! 100 M at 10^6 awaits.
//!
//! Faults that are not ours (a real crash, a stack overflow on a guard page)
//! go on to the handler that was installed before ours (Rust's own), or to
//! the default action, exactly as if ours were not there.

use std::sync::atomic::{AtomicPtr, AtomicU64, AtomicUsize, Ordering};
use std::sync::{Once, OnceLock};

const PAGE: usize = crate::link::PAGE as usize;

/// One tracked buffer, readable from the signal handler: `start` is written
/// last when a slot is taken and cleared first when it is given back, so a
/// handler that sees a non-zero `start` sees the matching `len` and `bits`.
struct Slot {
    taken: AtomicUsize,
    start: AtomicUsize,
    len: AtomicUsize,
    bits: AtomicPtr<AtomicU64>,
}

#[allow(clippy::declare_interior_mutable_const)]
const FREE: Slot = Slot {
    taken: AtomicUsize::new(0),
    start: AtomicUsize::new(0),
    len: AtomicUsize::new(0),
    bits: AtomicPtr::new(std::ptr::null_mut()),
};

/// As many buffers as can be tracked at once (one per machine alive; the
/// test suite runs a few at a time). Past that, a machine compares pages.
const SLOTS: usize = 256;
static TABLE: [Slot; SLOTS] = [FREE; SLOTS];
/// Slots ever taken: the handler scans no further.
static HIGH_WATER: AtomicUsize = AtomicUsize::new(0);

/// The SIGSEGV action before ours, to pass on faults that are not ours.
static PREVIOUS: OnceLock<libc::sigaction> = OnceLock::new();
static INSTALL: Once = Once::new();

/// The pages of one host buffer written since the last [`rearm`](Self::rearm).
pub struct WrittenPages {
    slot: usize,
    start: *mut u8,
    pages: usize,
    bits: Box<[AtomicU64]>,
}

impl WrittenPages {
    /// Starts tracking `len` bytes at `start` (page-aligned, mapped
    /// read-write). None if the host's pages are not the guest's size or
    /// every slot is taken: the caller then compares pages instead.
    pub fn track(start: *mut u8, len: usize) -> Option<WrittenPages> {
        // SAFETY: sysconf has no preconditions.
        if unsafe { libc::sysconf(libc::_SC_PAGESIZE) } != PAGE as libc::c_long
            || !(start as usize).is_multiple_of(PAGE)
            || len == 0
        {
            return None;
        }
        install_handler()?;
        let pages = len.div_ceil(PAGE);
        let bits: Box<[AtomicU64]> = (0..pages.div_ceil(64)).map(|_| AtomicU64::new(0)).collect();
        let slot = (0..SLOTS).find(|&i| {
            TABLE[i]
                .taken
                .compare_exchange(0, 1, Ordering::AcqRel, Ordering::Relaxed)
                .is_ok()
        })?;
        HIGH_WATER.fetch_max(slot + 1, Ordering::AcqRel);
        let entry = &TABLE[slot];
        entry.len.store(pages * PAGE, Ordering::Relaxed);
        entry
            .bits
            .store(bits.as_ptr() as *mut AtomicU64, Ordering::Relaxed);
        entry.start.store(start as usize, Ordering::Release);
        let tracker = WrittenPages {
            slot,
            start,
            pages,
            bits,
        };
        if !protect(start, pages * PAGE, libc::PROT_READ) {
            return None; // dropping `tracker` gives the slot back
        }
        Some(tracker)
    }

    /// The written pages, in order (page numbers from the buffer's start).
    pub fn pages(&self) -> impl Iterator<Item = usize> + '_ {
        self.bits.iter().enumerate().flat_map(|(i, word)| {
            let word = word.load(Ordering::Acquire);
            (0..64)
                .filter(move |b| word >> b & 1 == 1)
                .map(move |b| i * 64 + b)
        })
    }

    /// Forgets the written pages and makes them read-only again, so the
    /// next store to each is noted. Runs of neighbours share one `mprotect`.
    pub fn rearm(&mut self) {
        let mut run: Option<(usize, usize)> = None;
        let written: Vec<usize> = self.pages().collect();
        for word in self.bits.iter() {
            word.store(0, Ordering::Release);
        }
        for page in written {
            run = match run {
                Some((first, last)) if page == last + 1 => Some((first, page)),
                Some((first, last)) => {
                    self.protect_pages(first, last);
                    Some((page, page))
                }
                None => Some((page, page)),
            };
        }
        if let Some((first, last)) = run {
            self.protect_pages(first, last);
        }
    }

    fn protect_pages(&self, first: usize, last: usize) {
        debug_assert!(last < self.pages);
        // SAFETY: pages `first..=last` lie inside the tracked buffer.
        let at = unsafe { self.start.add(first * PAGE) };
        protect(at, (last - first + 1) * PAGE, libc::PROT_READ);
    }
}

impl Drop for WrittenPages {
    fn drop(&mut self) {
        let entry = &TABLE[self.slot];
        entry.start.store(0, Ordering::Release);
        entry.bits.store(std::ptr::null_mut(), Ordering::Release);
        protect(
            self.start,
            self.pages * PAGE,
            libc::PROT_READ | libc::PROT_WRITE,
        );
        entry.taken.store(0, Ordering::Release);
    }
}

fn protect(at: *mut u8, len: usize, prot: libc::c_int) -> bool {
    // SAFETY: callers pass whole pages of a mapping they own.
    unsafe { libc::mprotect(at.cast(), len, prot) == 0 }
}

/// Installs the SIGSEGV handler once per process; None if that failed.
fn install_handler() -> Option<()> {
    INSTALL.call_once(|| {
        // SAFETY: a zeroed sigaction is a valid "no handler" value; both
        // calls only read and write the structures passed.
        unsafe {
            let mut ours: libc::sigaction = std::mem::zeroed();
            ours.sa_sigaction = on_fault as *const () as usize;
            ours.sa_flags = libc::SA_SIGINFO | libc::SA_ONSTACK;
            libc::sigemptyset(&mut ours.sa_mask);
            let mut previous: libc::sigaction = std::mem::zeroed();
            if libc::sigaction(libc::SIGSEGV, &ours, &mut previous) == 0 {
                let _ = PREVIOUS.set(previous);
            }
        }
    });
    PREVIOUS.get().map(|_| ())
}

/// The SIGSEGV handler. Only async-signal-safe work: atomics and mprotect.
extern "C" fn on_fault(
    signal: libc::c_int,
    info: *mut libc::siginfo_t,
    context: *mut libc::c_void,
) {
    // SAFETY: the kernel passes a valid siginfo for SA_SIGINFO handlers.
    let addr = unsafe { (*info).si_addr() } as usize;
    if note_write(addr) {
        return; // the store runs again, now on a writable page
    }
    pass_on(signal, info, context);
}

/// If `addr` lies in a tracked buffer: notes its page and makes it writable.
fn note_write(addr: usize) -> bool {
    for entry in &TABLE[..HIGH_WATER.load(Ordering::Acquire)] {
        let start = entry.start.load(Ordering::Acquire);
        if start == 0 || addr < start || addr - start >= entry.len.load(Ordering::Relaxed) {
            continue;
        }
        let page = (addr - start) / PAGE;
        let bits = entry.bits.load(Ordering::Acquire);
        if bits.is_null() {
            return false;
        }
        // SAFETY: `bits` holds one bit per page of the slot's buffer, and
        // stays alive while `start` is set (see `Slot`).
        unsafe { (*bits.add(page / 64)).fetch_or(1 << (page % 64), Ordering::AcqRel) };
        let at = (start + page * PAGE) as *mut u8;
        return protect(at, PAGE, libc::PROT_READ | libc::PROT_WRITE);
    }
    false
}

/// Hands a fault that is not ours to the previous handler, or restores the
/// default action so that the faulting instruction, run again, ends the
/// process as it would have without us.
fn pass_on(signal: libc::c_int, info: *mut libc::siginfo_t, context: *mut libc::c_void) {
    let Some(previous) = PREVIOUS.get() else {
        return default_action(signal);
    };
    match previous.sa_sigaction {
        libc::SIG_DFL | libc::SIG_IGN => default_action(signal),
        handler if previous.sa_flags & libc::SA_SIGINFO != 0 => {
            // SAFETY: the previous handler was installed with this signature.
            let handler: extern "C" fn(libc::c_int, *mut libc::siginfo_t, *mut libc::c_void) =
                unsafe { std::mem::transmute(handler) };
            handler(signal, info, context);
        }
        handler => {
            // SAFETY: the previous handler was installed with this signature.
            let handler: extern "C" fn(libc::c_int) = unsafe { std::mem::transmute(handler) };
            handler(signal);
        }
    }
}

fn default_action(signal: libc::c_int) {
    // SAFETY: a zeroed sigaction with SIG_DFL (0) is the default action.
    unsafe {
        let mut default: libc::sigaction = std::mem::zeroed();
        default.sa_sigaction = libc::SIG_DFL;
        libc::sigaction(signal, &default, std::ptr::null_mut());
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn buffer(pages: usize) -> *mut u8 {
        // SAFETY: a fresh private anonymous mapping.
        let ptr = unsafe {
            libc::mmap(
                std::ptr::null_mut(),
                pages * PAGE,
                libc::PROT_READ | libc::PROT_WRITE,
                libc::MAP_PRIVATE | libc::MAP_ANONYMOUS,
                -1,
                0,
            )
        };
        assert_ne!(ptr, libc::MAP_FAILED);
        ptr.cast()
    }

    #[test]
    fn stores_are_noted_per_page_and_rearm_starts_afresh() {
        let start = buffer(200);
        let mut written = WrittenPages::track(start, 200 * PAGE).expect("tracks");
        // SAFETY: inside the 200-page buffer.
        unsafe {
            start.add(5).write_volatile(1);
            start.add(5 * PAGE + 7).write_volatile(2);
            start.add(5 * PAGE + 8).write_volatile(3);
            start.add(130 * PAGE).write_volatile(4);
        }
        assert_eq!(written.pages().collect::<Vec<_>>(), [0, 5, 130]);
        // SAFETY: as above; reads never fault.
        assert_eq!(unsafe { start.add(5 * PAGE + 8).read_volatile() }, 3);
        written.rearm();
        assert_eq!(written.pages().count(), 0);
        // SAFETY: as above.
        unsafe { start.add(5 * PAGE + 9).write_volatile(5) };
        assert_eq!(written.pages().collect::<Vec<_>>(), [5]);
        drop(written);
        // SAFETY: as above; writable again once no longer tracked.
        unsafe { start.add(6 * PAGE).write_volatile(6) };
    }
}
