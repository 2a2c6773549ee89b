//! Where events can happen: the static analysis of an image.
//!
//! In: a linked [`Image`] and the async methods' [`FrameLayout`]s. Out:
//! [`Sites`]: every instruction that can cause an event (a register save or
//! restore in async code, a state store, the state dispatch, a suspension,
//! the event loop's poll, promise completion and queueing, timers, system
//! calls, failure exits) or that creates a promise, found from the source map
//! (function labels, instruction text, the code generator's explanations) and
//! the runtime's symbols; plus per-byte tables of `.text` (instruction starts,
//! site index, source line) and the code ranges to hook. Nothing here runs code.

use super::layout::FrameLayout;
use crate::asm::Section;
use crate::link::{Image, MapEntry};
use crate::source::{FileId, Sources};
use iced_x86::{Decoder, DecoderOptions, Instruction, OpKind, Register};

/// Where a saved register goes, or a restored one comes from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Place {
    /// A push or pop: the word at rsp.
    Stack,
    /// A frame field: `[r15 + offset]`, holding the local `name`.
    Frame { offset: u32, name: String },
    /// A stack slot of the resume function, `[rbp - offset]` (a local restored
    /// through rcx).
    Slot { offset: u32, name: String },
}

/// What kind of promise a creation site makes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Made {
    /// The frame of an async method (index into the layouts).
    Frame(usize),
    Timer,
    WhenAll,
    FromResult,
}

/// What happens at a site.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SiteKind {
    Save {
        reg: String,
        place: Place,
    },
    Restore {
        reg: String,
        place: Place,
    },
    /// `mov qword [r15+40], to`.
    State {
        to: u32,
    },
    /// `jmp [rcx+rax*8]`: the resume function's state dispatch.
    Jump,
    /// `jmp .L.return` after registering as an awaiter.
    Suspend,
    /// The event loop's `call [rcx+16]`.
    Poll,
    /// The entry of `rt_complete`.
    Complete,
    /// The entry of `rt_enqueue`.
    Wake,
    /// `rt_fire_timers` moves `rt_now` forward.
    TimerAdvance,
    /// `rt_fire_timers` completes one due timer.
    TimerFire,
    /// `rt_delay` stores a new timer's deadline.
    TimerSet,
    /// A `syscall` instruction (write or exit, told apart when it runs).
    Syscall,
    /// The entry of a failure exit `fail$…`.
    Fail {
        name: String,
    },
    /// The instruction after `call rt_alloc` that made a promise (rax).
    Create(Made),
}

/// One site.
#[derive(Debug, Clone)]
pub struct Site {
    pub addr: u64,
    pub kind: SiteKind,
    /// The function (or runtime routine) it is in.
    pub function: String,
    /// The async method it belongs to (index into the layouts).
    pub method: Option<usize>,
}

/// Every site of an image, plus the per-byte tables the hooks read.
pub struct Sites {
    pub list: Vec<Site>,
    /// `.text` start.
    pub base: u64,
    /// `starts[o]`: instructions that start before offset `o` (o ≤ text size).
    pub starts: Vec<u32>,
    /// `site_of[o]`: 1 + the index of the site at offset `o`, or 0.
    pub site_of: Vec<u32>,
    /// `line_of[o]`: 1 + index of the Flux# source line of the instruction
    /// starting at `o`, or 0 (runtime code, or not an instruction start).
    pub line_of: Vec<u32>,
    /// The (file, line) of each line index.
    pub lines: Vec<(FileId, usize)>,
    /// Inclusive address ranges to put code hooks on (sites close together share one).
    pub ranges: Vec<(u64, u64)>,
    /// The runtime's data symbols the machine reads (queue, timers, time, heap).
    pub symbols: std::collections::HashMap<&'static str, u64>,
}

/// The runtime data the machine inspects.
pub const RUNTIME_DATA: [&str; 9] = [
    "rt_now",
    "rt_queue",
    "rt_queue_head",
    "rt_queue_tail",
    "rt_timer_heap",
    "rt_timer_count",
    "rt_heap_ptr",
    "rt_completed_task",
    "rt_stack_top",
];

/// The registers a System V function must give back unchanged.
const CALLEE_SAVED: [&str; 6] = ["rbx", "rbp", "r12", "r13", "r14", "r15"];

/// Sites closer than this many instructions share one hook range: each hook
/// costs a little on every hooked instruction, each range a little more.
const MERGE_GAP: u32 = 3;

impl Sites {
    /// Finds every site of an image.
    pub fn find(image: &Image, frames: &[FrameLayout], sources: &Sources) -> Sites {
        let (base, size) = image
            .region(Section::Text)
            .map_or((0, 0), |t| (t.addr, t.size));
        let mut list = Vec::new();
        let mut after_alloc = false;
        for (i, entry) in image.map.iter().enumerate() {
            if let Some(kind) = classify(image, frames, entry, after_alloc) {
                let method = method_of(frames, &entry.origin.function);
                list.push(Site {
                    addr: entry.addr,
                    kind,
                    function: entry.origin.function.to_string(),
                    method,
                });
            }
            after_alloc = entry.text.split_whitespace().eq(["call", "rt_alloc"]);
            let _ = i;
        }
        list.extend(fail_sites(image));
        list.sort_by_key(|s| s.addr);
        list.dedup_by_key(|s| s.addr);
        let starts = instruction_starts(image, base, size);
        let mut site_of = vec![0u32; size as usize + 1];
        for (i, site) in list.iter().enumerate() {
            site_of[(site.addr - base) as usize] = i as u32 + 1;
        }
        let (line_of, lines) = line_table(image, sources, base, size);
        let ranges = merge_ranges(image, &list, &starts, base);
        let symbols = RUNTIME_DATA
            .iter()
            .filter_map(|name| Some((*name, image.symbol(name)?)))
            .collect();
        Sites {
            symbols,
            list,
            base,
            starts,
            site_of,
            line_of,
            lines,
            ranges,
        }
    }

    /// The site at `addr`, if any.
    pub fn at(&self, addr: u64) -> Option<&Site> {
        let off = addr.checked_sub(self.base)? as usize;
        let i = *self.site_of.get(off)?;
        (i > 0).then(|| &self.list[i as usize - 1])
    }

    /// The address of one of [`RUNTIME_DATA`].
    pub fn symbol(&self, name: &str) -> Option<u64> {
        self.symbols.get(name).copied()
    }

    /// The line index (0: none) of the instruction at `addr`.
    pub fn line_of_index(&self, addr: u64) -> u32 {
        addr.checked_sub(self.base)
            .and_then(|off| self.line_of.get(off as usize).copied())
            .unwrap_or(0)
    }

    /// Where a source line begins: each instruction of the line whose
    /// predecessor in memory belongs to another line.
    pub fn line_starts(&self, file: FileId, line: usize) -> Vec<u64> {
        let Some(id) = self.lines.iter().position(|l| *l == (file, line)) else {
            return Vec::new();
        };
        let id = id as u32 + 1;
        let mut previous = 0;
        let mut out = Vec::new();
        for off in 0..self.line_of.len() - 1 {
            if self.starts[off + 1] == self.starts[off] {
                continue; // no instruction starts here
            }
            let l = self.line_of[off];
            if l == id && previous != id {
                out.push(self.base + off as u64);
            }
            previous = l;
        }
        out
    }

    /// The Flux# (file, line) of the instruction at `addr`.
    pub fn line_at(&self, addr: u64) -> Option<(FileId, usize)> {
        let off = addr.checked_sub(self.base)? as usize;
        let i = *self.line_of.get(off)?;
        (i > 0).then(|| self.lines[i as usize - 1])
    }
}

fn method_of(frames: &[FrameLayout], function: &str) -> Option<usize> {
    frames
        .iter()
        .position(|f| f.method == function || f.resume == function)
}

/// The site kind of one instruction, if it is a site.
fn classify(
    image: &Image,
    frames: &[FrameLayout],
    entry: &MapEntry,
    after_alloc: bool,
) -> Option<SiteKind> {
    let function = &*entry.origin.function;
    let explain = &*entry.origin.explain;
    let words: Vec<&str> = entry.text.split_whitespace().collect();
    if words.first() == Some(&"syscall") {
        return Some(SiteKind::Syscall);
    }
    if let Some(kind) = runtime_site(image, function, entry, &words, after_alloc) {
        return Some(kind);
    }
    let method = method_of(frames, function)?;
    let insn = decode(image, entry);
    if after_alloc && frames[method].method == function {
        return Some(SiteKind::Create(Made::Frame(method)));
    }
    // Pushes and pops of callee-saved registers (prologues and epilogues);
    // other pushes are expression temporaries.
    let callee_saved = words
        .get(1)
        .filter(|r| CALLEE_SAVED.contains(r))
        .map(|r| r.to_string());
    match (words.first().copied(), callee_saved) {
        (Some("push"), Some(reg)) => {
            return Some(SiteKind::Save {
                reg,
                place: Place::Stack,
            })
        }
        (Some("pop"), Some(reg)) => {
            return Some(SiteKind::Restore {
                reg,
                place: Place::Stack,
            })
        }
        _ => {}
    }
    if let Some(name) = backticked(explain, "saves `") {
        let (reg, place) = frame_operands(&insn, name, true)?;
        return Some(SiteKind::Save { reg, place });
    }
    if let Some(name) = backticked(explain, "restores `") {
        let (reg, place) = frame_operands(&insn, name, false)?;
        return Some(SiteKind::Restore { reg, place });
    }
    if explain.starts_with("state ") && explain.contains("where to continue") {
        return Some(SiteKind::State {
            to: insn.immediate32(),
        });
    }
    if explain.starts_with("jumps to the code of the current state") {
        return Some(SiteKind::Jump);
    }
    if explain.starts_with("suspends") {
        return Some(SiteKind::Suspend);
    }
    None
}

/// Sites in the runtime's async machinery.
fn runtime_site(
    image: &Image,
    function: &str,
    entry: &MapEntry,
    words: &[&str],
    after_alloc: bool,
) -> Option<SiteKind> {
    let at_symbol = |name: &str| image.symbol(name) == Some(entry.addr);
    let text = entry.text.as_str();
    let kind = match function {
        "rt_complete" if at_symbol("rt_complete") => SiteKind::Complete,
        "rt_enqueue" if at_symbol("rt_enqueue") => SiteKind::Wake,
        "rt_run_loop" if words.first() == Some(&"call") && text.contains("[rcx+16]") => {
            SiteKind::Poll
        }
        "rt_fire_timers" if text.contains("[rel rt_now], rax") => SiteKind::TimerAdvance,
        "rt_fire_timers" if words.ends_with(&["call", "rt_complete"]) => SiteKind::TimerFire,
        "rt_delay" if after_alloc => SiteKind::Create(Made::Timer),
        "rt_delay" if words.first() == Some(&"mov") && text.contains("[rax+40], rbx") => {
            SiteKind::TimerSet
        }
        "rt_from_result" if after_alloc => SiteKind::Create(Made::FromResult),
        "rt_when_all" if after_alloc => SiteKind::Create(Made::WhenAll),
        _ => return None,
    };
    Some(kind)
}

/// The entries of the failure exits.
fn fail_sites(image: &Image) -> impl Iterator<Item = Site> + '_ {
    image
        .symbols
        .iter()
        .filter(|s| !s.local && s.name.starts_with("fail$"))
        .map(|s| Site {
            addr: s.addr,
            kind: SiteKind::Fail {
                name: s.name["fail$".len()..].to_string(),
            },
            function: s.name.clone(),
            method: None,
        })
}

/// The text between `prefix` and the next backtick.
fn backticked<'a>(text: &'a str, prefix: &str) -> Option<&'a str> {
    let rest = text.strip_prefix(prefix)?;
    rest.split('`').next()
}

fn decode(image: &Image, entry: &MapEntry) -> Instruction {
    let bytes = image.insn_bytes(entry);
    Decoder::with_ip(64, bytes, entry.addr, DecoderOptions::NONE).decode()
}

/// For a frame save (`mov [r15+o], reg`) or restore (`mov reg, [r15+o]`,
/// `mov [rbp-o], rcx`): the register and the place.
fn frame_operands(insn: &Instruction, name: &str, save: bool) -> Option<(String, Place)> {
    let name = name.to_string();
    let (mem, reg) = if insn.op0_kind() == OpKind::Memory {
        (0, insn.op1_register())
    } else {
        (1, insn.op0_register())
    };
    let _ = mem;
    let offset = insn.memory_displacement64() as i64;
    let place = match insn.memory_base() {
        Register::R15 => Place::Frame {
            offset: offset as u32,
            name,
        },
        Register::RBP if !save => Place::Slot {
            offset: (-offset) as u32,
            name,
        },
        _ => return None,
    };
    Some((format!("{reg:?}").to_lowercase(), place))
}

/// `starts[o]` = instructions starting before `.text` offset `o`.
fn instruction_starts(image: &Image, base: u64, size: u64) -> Vec<u32> {
    let mut starts = vec![0u32; size as usize + 1];
    let mut next = image.map.iter().map(|e| e.addr - base).peekable();
    let mut count = 0u32;
    for (offset, slot) in starts.iter_mut().enumerate() {
        *slot = count;
        while next.next_if(|&a| a == offset as u64).is_some() {
            count += 1;
        }
    }
    starts
}

/// The Flux# source line of each instruction (runtime files have none).
fn line_table(
    image: &Image,
    sources: &Sources,
    base: u64,
    size: u64,
) -> (Vec<u32>, Vec<(FileId, usize)>) {
    let mut line_of = vec![0u32; size as usize + 1];
    let mut lines: Vec<(FileId, usize)> = Vec::new();
    let mut index = std::collections::HashMap::new();
    for entry in &image.map {
        let Some(span) = entry.origin.span else {
            continue;
        };
        if sources.get(span.file).name.ends_with(".asm") {
            continue;
        }
        let key = (span.file, sources.line(span));
        let id = *index.entry(key).or_insert_with(|| {
            lines.push(key);
            lines.len() as u32
        });
        line_of[(entry.addr - base) as usize] = id;
    }
    (line_of, lines)
}

/// Hook ranges: runs of sites at most [`MERGE_GAP`] instructions apart.
fn merge_ranges(image: &Image, list: &[Site], starts: &[u32], base: u64) -> Vec<(u64, u64)> {
    let mut ranges: Vec<(u64, u64)> = Vec::new();
    let index = |addr: u64| starts[(addr - base) as usize];
    for site in list {
        match ranges.last_mut() {
            Some((_, end)) if index(site.addr) - index(*end) <= MERGE_GAP => *end = site.addr,
            _ => ranges.push((site.addr, site.addr)),
        }
    }
    let _ = image;
    ranges
}
