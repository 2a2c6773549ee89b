//! A global allocator that counts live heap bytes: in total, their peak,
//! and by size class (8-byte classes below 256 bytes, 128-byte ones above,
//! the last open-ended). Allocation sizes are deterministic, unlike
//! resident memory. Shared by tests/frontend_memory.rs and
//! examples/frontend_memory.rs; each installs it with
//! `#[global_allocator] static A: Counting = Counting;`.

use std::alloc::{GlobalAlloc, Layout, System};
use std::sync::atomic::{AtomicI64, Ordering::Relaxed};

pub const CLASSES: usize = 64;

static LIVE: AtomicI64 = AtomicI64::new(0);
static PEAK: AtomicI64 = AtomicI64::new(0);
static CLASS_COUNT: [AtomicI64; CLASSES] = [const { AtomicI64::new(0) }; CLASSES];
static CLASS_BYTES: [AtomicI64; CLASSES] = [const { AtomicI64::new(0) }; CLASSES];

fn class(size: usize) -> usize {
    if size < 256 {
        size / 8
    } else {
        (32 + (size - 256) / 128).min(CLASSES - 1)
    }
}

/// The smallest size in class `i`.
#[allow(dead_code)] // each user of this file uses part of it
pub fn class_start(i: usize) -> usize {
    if i < 32 {
        i * 8
    } else {
        256 + (i - 32) * 128
    }
}

fn count(size: usize, sign: i64) {
    let bytes = sign * size as i64;
    let now = LIVE.fetch_add(bytes, Relaxed) + bytes;
    PEAK.fetch_max(now, Relaxed);
    CLASS_COUNT[class(size)].fetch_add(sign, Relaxed);
    CLASS_BYTES[class(size)].fetch_add(bytes, Relaxed);
}

pub struct Counting;

unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        count(layout.size(), 1);
        unsafe { System.alloc(layout) }
    }
    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        count(layout.size(), -1);
        unsafe { System.dealloc(ptr, layout) }
    }
    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        count(layout.size(), -1);
        count(new_size, 1);
        unsafe { System.realloc(ptr, layout, new_size) }
    }
}

/// The peak of live heap bytes while `f` runs, above what was live before.
#[allow(dead_code)]
pub fn peak_during<T>(f: impl FnOnce() -> T) -> (T, usize) {
    let before = LIVE.load(Relaxed);
    PEAK.store(before, Relaxed);
    let out = f();
    (out, (PEAK.load(Relaxed) - before) as usize)
}

/// Live allocations and bytes in class `i`.
#[allow(dead_code)]
pub fn class_live(i: usize) -> (i64, i64) {
    (CLASS_COUNT[i].load(Relaxed), CLASS_BYTES[i].load(Relaxed))
}
