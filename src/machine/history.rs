//! Reverse execution: checkpoints of the CPU and of the pages written since
//! the previous checkpoint, plus deterministic replay.
//!
//! In: the [`Engine`] at a position. Out: [`History::checkpoint`] stores the
//! CPU context (Unicorn's, CPU only) and the pages that differ from a shadow
//! copy of memory as of the previous checkpoint (found by comparing; the
//! shadow is then brought up to date); [`History::restore`] puts back the
//! exact memory and CPU of any checkpoint: pages written since the shadow's
//! checkpoint are copied back from the shadow, then the pages that changed
//! between the two checkpoints get the version they had then. The machine
//! replays forward from there to any instruction count.
//!
//! Which pages to compare: the written ones, noted by page protection as the
//! program runs (src/machine/written.rs; one fault per page per checkpoint
//! interval, nothing per store — a memory-write hook would send every guest
//! load and store down Unicorn's slow path). Where the host cannot protect
//! pages, comparing costs one `memcmp` per used page per checkpoint: pages
//! never written are the shared zero page, the heap is compared up to its
//! bump pointer, and the arrays that fill from one end (stack, ready queue,
//! timer heap) up to where their used part ends.

use super::engine::{Engine, HostRegion};
use crate::link::PAGE;
use std::collections::{BTreeSet, HashMap};
use std::sync::Arc;
use unicorn_engine::unicorn_const::uc_error;

const PAGE_SIZE: usize = PAGE as usize;

/// A page: (index of the writable region, page number in it).
type PageId = (u16, u32);

/// A page's contents as of a checkpoint (by index).
type Version = (u32, Arc<[u8]>);

/// What the machine keeps besides memory and CPU at a checkpoint.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Marks {
    pub icount: u64,
    pub out_len: [usize; 2],
}

struct Checkpoint {
    marks: Marks,
    context: unicorn_engine::Context,
    /// The pages that changed since the previous checkpoint.
    pages: Vec<PageId>,
}

/// The checkpoints of one run, in instruction order.
pub struct History {
    checkpoints: Vec<Checkpoint>,
    /// Every stored version of each page: (checkpoint index, contents).
    versions: HashMap<PageId, Vec<Version>>,
    /// Memory as of checkpoint `base`, writable regions only.
    shadow: Vec<HostRegion>,
    /// Indices of the writable regions in `Engine::memory`.
    writable: Vec<usize>,
    base: usize,
    /// Instructions between checkpoints.
    pub interval: u64,
    /// Where the heap's bump pointer lives (pages above it were never written).
    heap_ptr: Option<u64>,
    /// Arrays that fill from one end: (start address, fills downward).
    zones: Vec<(u64, bool)>,
    /// `tracked[w]`: the engine notes the pages written to `writable[w]`;
    /// those are all that can differ from the shadow there.
    tracked: Vec<bool>,
    bytes: usize,
}

impl History {
    /// The history of a machine at its start (checkpoint 0).
    /// `loaded(addr)`: how many leading bytes of the region at `addr` the
    /// image filled at load; the rest is zero. Copying only those keeps the
    /// start cheap (the heap and stack are 136 MiB of zeros).
    pub fn new(
        engine: &Engine,
        interval: u64,
        heap_ptr: Option<u64>,
        zones: Vec<(u64, bool)>,
        loaded: impl Fn(u64) -> usize,
    ) -> Result<History, String> {
        let writable: Vec<usize> = (0..engine.memory.len())
            .filter(|&i| engine.memory[i].write)
            .collect();
        let shadow = writable
            .iter()
            .map(|&i| {
                let region = &engine.memory[i];
                let mut copy = HostRegion::zeroed(region.addr, region.size, true)?;
                let len = loaded(region.addr).min(region.size);
                copy.bytes_mut()[..len].copy_from_slice(&region.bytes()[..len]);
                Ok(copy)
            })
            .collect::<Result<Vec<_>, String>>()?;
        let loaded_pages: Vec<usize> = shadow
            .iter()
            .map(|r| loaded(r.addr).min(r.size).div_ceil(PAGE_SIZE))
            .collect();
        let mut history = History {
            checkpoints: Vec::new(),
            versions: HashMap::new(),
            shadow,
            tracked: vec![false; writable.len()],
            writable,
            base: 0,
            interval,
            heap_ptr,
            zones,
            bytes: 0,
        };
        let pages = history.nonzero_pages(&loaded_pages);
        history.push(
            engine,
            Marks {
                icount: 0,
                out_len: [0, 0],
            },
            pages,
        )?;
        Ok(history)
    }

    /// Has the engine note the pages the program writes, so that a
    /// checkpoint looks at those instead of comparing memory (the heap's
    /// used part grows with every object the program makes). A region the
    /// host cannot track is compared as before.
    pub fn track_writes(&mut self, engine: &mut Engine) {
        for (w, &i) in self.writable.iter().enumerate() {
            self.tracked[w] = engine.track_writes(engine.memory[i].addr);
        }
    }

    /// Guest and shadow agree again (a checkpoint, a restore, a replay
    /// reaching a checkpoint): the written pages start afresh.
    fn agreed(&self, engine: &mut Engine) {
        engine.rearm_writes();
    }

    /// The number of checkpoints.
    pub fn len(&self) -> usize {
        self.checkpoints.len()
    }

    pub fn is_empty(&self) -> bool {
        self.checkpoints.is_empty()
    }

    /// Bytes held: page versions, contexts and the shadow's written pages.
    pub fn bytes(&self) -> usize {
        self.bytes
    }

    /// The instruction count of the last checkpoint.
    pub fn last_icount(&self) -> u64 {
        self.checkpoints.last().map_or(0, |c| c.marks.icount)
    }

    /// The first checkpoint strictly after `icount`, if any.
    pub fn next_after(&self, icount: u64) -> Option<u64> {
        let i = self
            .checkpoints
            .partition_point(|c| c.marks.icount <= icount);
        self.checkpoints.get(i).map(|c| c.marks.icount)
    }

    /// The index of the last checkpoint at or before `icount`.
    pub fn at_or_before(&self, icount: u64) -> usize {
        self.checkpoints
            .partition_point(|c| c.marks.icount <= icount)
            .saturating_sub(1)
    }

    pub fn marks(&self, index: usize) -> Marks {
        self.checkpoints[index].marks
    }

    /// The checkpoint index of `base` (the one the shadow holds).
    pub fn base(&self) -> usize {
        self.base
    }

    /// Takes a new checkpoint at the end of the history.
    pub fn checkpoint(&mut self, engine: &mut Engine, marks: Marks) -> Result<(), String> {
        let last = self.checkpoints.len() - 1;
        if self.base != last {
            self.move_shadow(last);
        }
        let pages = self.dirty_pages(engine);
        for &page in &pages {
            let contents = guest_page(engine, &self.writable, page).to_vec();
            self.shadow_page_mut(page).copy_from_slice(&contents);
        }
        self.agreed(engine);
        self.push(engine, marks, pages)
    }

    fn push(&mut self, engine: &Engine, marks: Marks, pages: Vec<PageId>) -> Result<(), String> {
        let index = self.checkpoints.len() as u32;
        for &page in &pages {
            let contents: Arc<[u8]> = self.shadow_page(page).into();
            self.bytes += PAGE_SIZE;
            self.versions
                .entry(page)
                .or_default()
                .push((index, contents));
        }
        let mut context = engine.uc.context_alloc().map_err(err)?;
        engine.uc.context_save(&mut context).map_err(err)?;
        self.bytes += 2048 + pages.len() * 8;
        self.checkpoints.push(Checkpoint {
            marks,
            context,
            pages,
        });
        self.base = index as usize;
        Ok(())
    }

    /// The replay reached checkpoint `index` again: the shadow follows.
    pub fn rebase(&mut self, engine: &mut Engine, index: usize) {
        self.move_shadow(index);
        self.agreed(engine);
    }

    /// Puts memory and CPU back as they were at checkpoint `index`.
    pub fn restore(&mut self, engine: &mut Engine, index: usize) -> Result<Marks, String> {
        for page in self.dirty_pages(engine) {
            let contents = self.shadow_page(page).to_vec();
            guest_page_mut(engine, &self.writable, page).copy_from_slice(&contents);
        }
        for page in self.pages_between(self.base, index) {
            let contents = self.version(page, index);
            guest_page_mut(engine, &self.writable, page).copy_from_slice(&contents);
            self.shadow_page_mut(page).copy_from_slice(&contents);
        }
        self.base = index;
        self.agreed(engine);
        let checkpoint = &self.checkpoints[index];
        engine
            .uc
            .context_restore(&checkpoint.context)
            .map_err(err)?;
        Ok(checkpoint.marks)
    }

    /// Brings the shadow (not the guest) to checkpoint `index`.
    fn move_shadow(&mut self, index: usize) {
        for page in self.pages_between(self.base, index) {
            let contents = self.version(page, index);
            self.shadow_page_mut(page).copy_from_slice(&contents);
        }
        self.base = index;
    }

    /// Pages written by the checkpoints between `a` and `b` (exclusive of the lower).
    fn pages_between(&self, a: usize, b: usize) -> BTreeSet<PageId> {
        let (lo, hi) = if a <= b { (a, b) } else { (b, a) };
        self.checkpoints[lo + 1..=hi]
            .iter()
            .flat_map(|c| c.pages.iter().copied())
            .collect()
    }

    /// A page's contents at checkpoint `index` (zero if never stored by then).
    fn version(&self, page: PageId, index: usize) -> Arc<[u8]> {
        let list = self.versions.get(&page).map_or(&[][..], Vec::as_slice);
        let i = list.partition_point(|(c, _)| *c as usize <= index);
        match i.checked_sub(1) {
            Some(i) => list[i].1.clone(),
            None => vec![0u8; PAGE_SIZE].into(),
        }
    }

    /// Pages where the guest differs from the shadow.
    fn dirty_pages(&self, engine: &Engine) -> Vec<PageId> {
        let top = self.heap_top(engine);
        let mut out = Vec::new();
        for (w, &i) in self.writable.iter().enumerate() {
            let guest = engine.memory[i].bytes();
            let shadow = self.shadow[w].bytes();
            let end = compare_end(&self.shadow[w], top);
            let differs = |p: usize| {
                let r = p * PAGE_SIZE..(p + 1) * PAGE_SIZE;
                guest[r.clone()] != shadow[r]
            };
            let untouched = |p: usize| {
                let r = p * PAGE_SIZE..(p + 1) * PAGE_SIZE;
                is_zero(&guest[r.clone()]) && is_zero(&shadow[r])
            };
            if self.tracked[w] {
                let pages = engine
                    .written_pages(engine.memory[i].addr)
                    .into_iter()
                    .flatten();
                out.extend(pages.filter(|&p| differs(p)).map(|p| (w as u16, p as u32)));
                continue;
            }
            for zone in zones(&self.shadow[w], &self.zones, end) {
                zone.scan(&differs, &untouched, |p| out.push((w as u16, p as u32)));
            }
        }
        out
    }

    /// The higher of the heap's bump pointer now and at the shadow's checkpoint.
    fn heap_top(&self, engine: &Engine) -> Option<u64> {
        let addr = self.heap_ptr?;
        let word = |regions: &[HostRegion]| {
            let r = regions
                .iter()
                .find(|r| addr >= r.addr && addr + 8 <= r.addr + r.size as u64)?;
            let off = (addr - r.addr) as usize;
            Some(u64::from_le_bytes(r.bytes()[off..off + 8].try_into().ok()?))
        };
        let now = word(&engine.memory)?;
        let then = word(&self.shadow)?;
        Some(now.max(then))
    }

    fn shadow_page(&self, (w, p): PageId) -> &[u8] {
        let start = p as usize * PAGE_SIZE;
        &self.shadow[w as usize].bytes()[start..start + PAGE_SIZE]
    }

    fn shadow_page_mut(&mut self, (w, p): PageId) -> &mut [u8] {
        let start = p as usize * PAGE_SIZE;
        &mut self.shadow[w as usize].bytes_mut()[start..start + PAGE_SIZE]
    }

    /// The non-zero pages among the first `limit[w]` pages of each region.
    fn nonzero_pages(&self, limit: &[usize]) -> Vec<PageId> {
        let mut out = Vec::new();
        for (w, region) in self.shadow.iter().enumerate() {
            for (p, page) in region.bytes().chunks(PAGE_SIZE).take(limit[w]).enumerate() {
                if page.iter().any(|&b| b != 0) {
                    out.push((w as u16, p as u32));
                }
            }
        }
        out
    }
}

/// How far to compare a region: the heap (the region holding the bump
/// pointer's target) only up to it; above it nothing was ever written.
fn compare_end(region: &HostRegion, top: Option<u64>) -> usize {
    match top {
        // An empty heap's bump pointer is its first byte: nothing to compare.
        Some(top) if top >= region.addr && top <= region.addr + region.size as u64 => {
            ((top - region.addr) as usize).next_multiple_of(PAGE_SIZE)
        }
        _ => region.size,
    }
}

/// A run of pages compared in one direction.
struct Zone {
    from: usize,
    to: usize,
    /// Stop after this many pages in a row that are zero in both copies (the
    /// arrays that fill from one end: the stack, the ready queue, the timer
    /// heap); `None`: compare every page.
    stop_after_zeros: Option<usize>,
    downward: bool,
}

/// Zero pages in a row after which a filling array is known to end.
const ZERO_RUN: usize = 4;

impl Zone {
    fn scan(
        &self,
        differs: &dyn Fn(usize) -> bool,
        untouched: &dyn Fn(usize) -> bool,
        mut dirty: impl FnMut(usize),
    ) {
        let pages: Box<dyn Iterator<Item = usize>> = if self.downward {
            Box::new((self.from..self.to).rev())
        } else {
            Box::new(self.from..self.to)
        };
        let mut zeros = 0;
        for p in pages {
            if differs(p) {
                dirty(p);
                zeros = 0;
            } else if self.stop_after_zeros.is_some() && untouched(p) {
                zeros += 1;
                if Some(zeros) == self.stop_after_zeros {
                    return;
                }
            } else {
                zeros = 0;
            }
        }
    }
}

/// The zones of one region: each filling array (by its start address; the
/// stack fills downward from its top) up to the next, the rest in full.
fn zones(region: &HostRegion, starts: &[(u64, bool)], end: usize) -> Vec<Zone> {
    let pages = end / PAGE_SIZE;
    let page_of = |addr: u64| ((addr - region.addr) as usize / PAGE_SIZE).min(pages);
    let mut inside: Vec<(usize, bool)> = starts
        .iter()
        .filter(|(a, _)| *a >= region.addr && *a <= region.addr + region.size as u64)
        .map(|(a, down)| (page_of(*a), *down))
        .collect();
    inside.sort();
    let full = |from, to| Zone {
        from,
        to,
        stop_after_zeros: None,
        downward: false,
    };
    let filling = |from, to, downward| Zone {
        from,
        to,
        stop_after_zeros: Some(ZERO_RUN),
        downward,
    };
    let mut out = Vec::new();
    let mut cursor = 0;
    for (i, &(page, down)) in inside.iter().enumerate() {
        let next = inside.get(i + 1).map_or(pages, |n| n.0);
        if down {
            out.push(filling(cursor, page, true));
            out.push(full(page, next));
        } else {
            out.push(full(cursor, page));
            out.push(filling(page, next, false));
        }
        cursor = next;
    }
    out.push(full(cursor, pages));
    out
}

fn is_zero(bytes: &[u8]) -> bool {
    bytes.iter().all(|&b| b == 0)
}

fn guest_page<'a>(engine: &'a Engine, writable: &[usize], (w, p): PageId) -> &'a [u8] {
    let start = p as usize * PAGE_SIZE;
    &engine.memory[writable[w as usize]].bytes()[start..start + PAGE_SIZE]
}

fn guest_page_mut<'a>(engine: &'a mut Engine, writable: &[usize], (w, p): PageId) -> &'a mut [u8] {
    let start = p as usize * PAGE_SIZE;
    &mut engine.memory[writable[w as usize]].bytes_mut()[start..start + PAGE_SIZE]
}

fn err(e: uc_error) -> String {
    format!("{e:?}")
}
