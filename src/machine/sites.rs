//! Where events can happen: the static analysis of an image.
//!
//! In: a linked [`Image`] and the async methods' [`FrameLayout`]s. Out:
//! [`Sites`]: every instruction that can cause an event (a callee-saved
//! register save or restore in any generated function, a frame save or restore, a state store, the state dispatch, a suspension,
//! the event loop's poll, promise completion and queueing, timers, system
//! calls, failure exits) or that creates a promise, found from the typed
//! roles the code generator and the runtime's annotations attached to the
//! instructions (src/asm/role.rs) and the runtime's symbols; plus per-byte tables of `.text` (instruction starts,
//! site index, source line), for the hooks to read. Nothing here runs code.

use super::layout::FrameLayout;
use crate::asm::Section;
use crate::asm::{Made as RoleMade, Role};
use crate::link::{Image, MapEntry};
use crate::source::{FileId, Sources};
use iced_x86::{Decoder, DecoderOptions, FlowControl, Instruction, Mnemonic, OpKind, Register};

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
    WhenAny,
    FromResult,
    /// `Task.Delay(-1)`: never completes.
    Never,
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
    /// `mov qword [r15+40], to` (or, `as_address`, the address of state
    /// `to`'s code: `--lowering direct`).
    State {
        to: u32,
        as_address: bool,
    },
    /// The way into a state's code: the resume function's dispatch, `jmp
    /// [rcx+rax*8]` through its state table or `jmp [r15+32]` (`--lowering
    /// direct`); under `--lowering stackful`, the first call of a task's
    /// body, or the context switch's `ret` into it after an await.
    Jump {
        how: Dispatch,
    },
    /// `jmp .L.return` after registering as an awaiter (stackful: the
    /// `call rt_fiber_switch`, which knows its await: `at`).
    Suspend {
        at: Option<u32>,
    },
    /// The event loop's `call [rcx+16]` (`--model rust`: the executor's).
    Poll,
    /// `--model rust`: a future polls the one it awaits (or a join or a
    /// select its children), with the waker it was polled with.
    PollChild,
    /// `rt_complete`'s `call [rcx+16]`: an awaiter resumes inline.
    Resume,
    /// The entry of `rt_complete`.
    Complete,
    /// The entry of `rt_fault`: a task faults.
    Faulted,
    /// The entry of `rt_throw`.
    Throw,
    /// `rt_throw`'s jump to a handler.
    Catch,
    /// The entry of `rt_rethrow…`: `throw;` or the await of a faulted task.
    Rethrow,
    /// The first instruction of a copy of a `finally` block.
    Finally {
        try_line: u32,
        exit: crate::asm::FinallyExit,
    },
    /// The entry of `rt_uncaught`: the program ends with an exception.
    Uncaught,
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
    /// The entry of a failure exit `fail$…` (out of memory, stack overflow,
    /// deadlock: the program ends at once).
    Fail {
        name: String,
    },
    /// The instruction after `call rt_alloc` that made a promise (rax).
    Create(Made),
    /// The first store into a new object or array (rax): what it is.
    Allocate(Allocation),
}

/// How a [`SiteKind::Jump`] reaches a state's code.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Dispatch {
    /// Through the method's state table (`--lowering table`).
    Table,
    /// To the address the frame keeps (`--lowering direct`).
    Direct,
    /// `--lowering stackful`: rt_fiber_entry calls the body (state 0).
    Enter,
    /// `--lowering stackful`: rt_fiber_switch's jump to the return address
    /// on the stack it switched to; into a body only when that stack is a
    /// task's.
    Switched,
}

/// What a [`SiteKind::Allocate`] site makes, as the code generator said.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Allocation {
    /// An object of this class (its Flux# name, as in `Dog$vtable`).
    Object(String),
    /// An object whose class its vtable word names (the exceptions the
    /// runtime throws for failed checks).
    ObjectOfItsVtable,
    /// A string the runtime built.
    String,
    /// An array of elements `size` bytes each, shown as `elem`.
    Array {
        elem: super::layout::ValueKind,
        size: u32,
    },
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
    /// `row_start[o]`: the instruction at offset `o` begins a row of the
    /// line table ([`Image::line_rows`], the rows `build -g` writes): where
    /// `n` may stop, as gdb's `next` stops only at the start of a row.
    pub row_start: Vec<bool>,
    /// `cfa[o]`: how to find the canonical frame address (the caller's rsp
    /// before its `call`: the identity of the running function's frame)
    /// before the instruction at offset `o` runs, from the typed roles of
    /// the prologue and epilogue. `n` steps over by it, as gdb does.
    pub cfa: Vec<Cfa>,
    /// The handler records the runtime's own routines make (the event
    /// loop's, a hot start's, an inline resume's), for the Stack pane.
    pub runtime_records: Vec<RuntimeRecord>,
    /// The pushes of each function, in the order functions appear in the
    /// source map ([`Sites::pushes_of`]).
    pub pushes: Vec<Vec<Push>>,
    /// For each instruction of the source map, its function's index in `pushes`.
    pub run_of: Vec<u32>,
    /// The runtime's data symbols the machine reads (queue, timers, time, heap).
    pub symbols: std::collections::HashMap<&'static str, u64>,
    /// For each async method (a [`Site::method`]), the frame offsets of its
    /// parameters: the engine reads them when the body first runs, so a
    /// promise can be named by the call that made it.
    pub params: Vec<Vec<u32>>,
    /// Every vtable: its address, its class's run-time name (C#'s full
    /// name, `System.IndexOutOfRangeException`) and its Flux# name (the
    /// key of the program's class layouts): how an object's class is known
    /// (its first word is its vtable).
    pub class_names: Vec<(u64, String, String)>,
    /// Under `--lowering direct` a frame's state word holds the address of
    /// its state's code: every such address (`Twice$resume.state1`, from
    /// the frame layouts' resume labels) with its state number, by address.
    pub state_addresses: Vec<(u64, u32)>,
    /// `--lowering stackful`: frames keep their task's stack, not a state.
    pub stackful: bool,
    /// `--model rust`: async frames are futures, polled (runtime/poll.asm).
    pub future: bool,
    /// The address of each async method's resume function (stackful: its
    /// body), by method: a stackful frame names its method by its body.
    pub bodies: Vec<u64>,
}

/// [`Sites::frame_state`] of a stackful task that is running past the
/// await it last stopped at (its stack no longer says which).
pub const RUNNING: u64 = u64::MAX;

/// The bytes rt_fiber_switch pushes (rbp, rbx, r12–r15) below its return
/// address (runtime/fiber.asm).
pub const SWITCH_PUSHES: u64 = 48;

/// The runtime data the machine inspects.
pub const RUNTIME_DATA: [&str; 10] = [
    "rt_now",
    "rt_queue",
    "rt_queue_head",
    "rt_queue_tail",
    "rt_timer_heap",
    "rt_timer_count",
    "rt_heap_ptr",
    "rt_completed_task",
    "rt_stack_top",
    "rt_stack_bottom",
];

impl Sites {
    /// Inclusive address ranges covering every site, sites at most `gap`
    /// instructions apart sharing one: where a sparse code hook goes.
    pub fn runs(&self, gap: u32) -> Vec<(u64, u64)> {
        let index = |addr: u64| self.starts[(addr - self.base) as usize];
        let mut addrs: Vec<u64> = self.list.iter().map(|s| s.addr).collect();
        addrs.sort_unstable();
        let mut runs: Vec<(u64, u64)> = Vec::new();
        for addr in addrs {
            match runs.last_mut() {
                Some((_, end)) if index(addr) - index(*end) <= gap => *end = addr,
                _ => runs.push((addr, addr)),
            }
        }
        runs
    }

    /// Finds every site of an image.
    pub fn find(image: &Image, frames: &[FrameLayout], sources: &Sources) -> Sites {
        let (base, size) = image
            .region(Section::Text)
            .map_or((0, 0), |t| (t.addr, t.size));
        let mut list = Vec::new();
        for entry in &image.map {
            if let Some(kind) = classify(image, frames, entry) {
                let method = method_of(frames, &entry.origin.function);
                list.push(Site {
                    addr: entry.addr,
                    kind,
                    function: entry.origin.function.to_string(),
                    method,
                });
            }
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
        let mut row_start = vec![false; size as usize + 1];
        for row in image.line_rows(sources) {
            row_start[(image.map[row.index].addr - base) as usize] = true;
        }
        let (cfa, pushes, run_of, runtime_records) = frame_table(image, base, size);
        let mut state_addresses: Vec<(u64, u32)> = frames
            .iter()
            .flat_map(|f| {
                (0..=f.states.len() as u32).filter_map(move |n| {
                    let label = format!("{}{}", f.resume, crate::codegen::state_label(n));
                    Some((image.symbol(&label)?, n))
                })
            })
            .collect();
        state_addresses.sort_unstable();
        let symbols = RUNTIME_DATA
            .iter()
            .filter_map(|name| Some((*name, image.symbol(name)?)))
            .collect();
        let params = frames
            .iter()
            .map(|f| f.params.iter().map(|&i| f.fields[i].offset).collect())
            .collect();
        // Every class's name, read from its vtable's name word.
        let class_names = image
            .symbols
            .iter()
            .filter_map(|s| {
                let class = s.name.strip_suffix("$vtable")?;
                let name = image.read_u64(s.addr + crate::runtime_layout::V_NAME as u64)?;
                Some((s.addr, image.read_string(name)?, class.to_string()))
            })
            .collect();
        let bodies = frames
            .iter()
            .map(|f| image.symbol(&f.resume).unwrap_or(0))
            .collect();
        Sites {
            bodies,
            stackful: stackful(frames),
            future: frames.iter().any(|f| f.future),
            runtime_records,
            params,
            class_names,
            state_addresses,
            symbols,
            list,
            base,
            starts,
            site_of,
            line_of,
            lines,
            row_start,
            cfa,
            pushes,
            run_of,
        }
    }

    /// The canonical frame address at `addr`, given rsp and rbp there.
    pub fn cfa_at(&self, addr: u64, rsp: u64, rbp: u64) -> Option<u64> {
        let off = addr.checked_sub(self.base)? as usize;
        match self.cfa.get(off)? {
            Cfa::Rsp(k) => Some(rsp + *k as u64),
            Cfa::Rbp => Some(rbp + 16),
            Cfa::Unknown => None,
        }
    }

    /// The pushes of the function the instruction at `addr` belongs to.
    pub fn pushes_of(&self, image: &Image, addr: u64) -> &[Push] {
        image
            .insn_index_at(addr)
            .and_then(|i| self.pushes.get(self.run_of[i] as usize))
            .map_or(&[], |p| p.as_slice())
    }

    /// Is `addr` in a function's body (its frame set up), not its prologue?
    pub fn in_body(&self, addr: u64) -> bool {
        addr.checked_sub(self.base)
            .and_then(|off| self.cfa.get(off as usize))
            .is_some_and(|c| *c == Cfa::Rbp)
    }

    /// The run-time name (`System.DivideByZeroException`, `Shape`) of the
    /// class whose vtable is at `addr`.
    pub fn class_name(&self, addr: u64) -> Option<&str> {
        self.vtable(addr).map(|(_, name, _)| name.as_str())
    }

    /// The state a frame's state word says: the word itself under
    /// `--lowering table`, the number of the state whose code it points to
    /// under `direct` (state numbers are small, code addresses are not).
    /// The state the async frame at `frame` is in, reading memory with
    /// `read`: its state word (a number, or under `direct` the address of
    /// the state's code). A stackful task has none: where it stopped is the
    /// return address its context switch left on its stack, right above the
    /// six registers rt_fiber_switch pushed (0: it never ran). Once it runs
    /// again that stack moves on: [`RUNNING`] when the word there is no
    /// longer the code after one of its awaits.
    pub fn frame_state(&self, frame: u64, read: impl Fn(u64) -> u64) -> u64 {
        if !self.stackful {
            return self.state_number(read(frame + crate::ir::header::STATE as u64));
        }
        match read(frame + crate::runtime_layout::F_SP as u64) {
            0 => 0,
            sp => {
                let back_to = read(sp + SWITCH_PUSHES);
                match self.state_number(back_to) {
                    n if n == back_to => RUNNING,
                    n => n,
                }
            }
        }
    }

    /// The state whose code starts at `word` (`direct`'s state words, a
    /// stackful task's return address), or `word` itself (a state number).
    pub fn state_number(&self, word: u64) -> u64 {
        match self
            .state_addresses
            .binary_search_by_key(&word, |&(a, _)| a)
        {
            Ok(i) => u64::from(self.state_addresses[i].1),
            Err(_) => word,
        }
    }

    /// The Flux# name of the class whose vtable is at `addr`.
    pub fn class_of_vtable(&self, addr: u64) -> Option<&str> {
        self.vtable(addr).map(|(_, _, class)| class.as_str())
    }

    fn vtable(&self, addr: u64) -> Option<&(u64, String, String)> {
        self.class_names.iter().find(|(a, ..)| *a == addr)
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

/// Is the program lowered `--lowering stackful` (its async bodies run on
/// their own stacks)?
fn stackful(frames: &[FrameLayout]) -> bool {
    frames.iter().any(|f| f.stackful)
}

fn method_of(frames: &[FrameLayout], function: &str) -> Option<usize> {
    frames
        .iter()
        .position(|f| f.method == function || f.resume == function)
}

/// The site kind of one instruction, if it is a site: its role, as the code
/// generator or the runtime's annotation gave it (src/asm/role.rs), or a
/// `syscall` by its decoded mnemonic. Never the instruction's text or its
/// explanation.
fn classify(image: &Image, frames: &[FrameLayout], entry: &MapEntry) -> Option<SiteKind> {
    if decode(image, entry).mnemonic() == Mnemonic::Syscall {
        return Some(SiteKind::Syscall);
    }
    let reg_name = |reg: &Register| format!("{reg:?}").to_lowercase();
    Some(match entry.origin.role.as_ref()? {
        Role::SaveCallee(reg) => SiteKind::Save {
            reg: reg_name(reg),
            place: Place::Stack,
        },
        Role::RestoreCallee(reg) => SiteKind::Restore {
            reg: reg_name(reg),
            place: Place::Stack,
        },
        Role::SaveToFrame { local, reg, offset } => SiteKind::Save {
            reg: reg_name(reg),
            place: Place::Frame {
                offset: *offset,
                name: local.to_string(),
            },
        },
        Role::RestoreFromFrame {
            local,
            reg,
            offset,
            slot,
        } => SiteKind::Restore {
            reg: reg_name(reg),
            place: match slot {
                Some(slot) => Place::Slot {
                    offset: *slot,
                    name: local.to_string(),
                },
                None => Place::Frame {
                    offset: *offset,
                    name: local.to_string(),
                },
            },
        },
        Role::FrameSetup | Role::NoReturn | Role::HandlerAddress => return None,
        Role::StateStore { state, as_address } => SiteKind::State {
            to: *state,
            as_address: *as_address,
        },
        Role::StateDispatch { through_table } => SiteKind::Jump {
            how: match through_table {
                true => Dispatch::Table,
                false => Dispatch::Direct,
            },
        },
        Role::StackEnter => SiteKind::Jump {
            how: Dispatch::Enter,
        },
        Role::StackReturn => SiteKind::Jump {
            how: Dispatch::Switched,
        },
        Role::Suspend => SiteKind::Suspend {
            at: stackful(frames).then_some(entry.origin.state).flatten(),
        },
        Role::Poll => SiteKind::Poll,
        Role::PollChild => SiteKind::PollChild,
        Role::Resume => SiteKind::Resume,
        Role::Complete => SiteKind::Complete,
        Role::Faulted => SiteKind::Faulted,
        Role::Throw => SiteKind::Throw,
        Role::Catch => SiteKind::Catch,
        Role::Rethrow => SiteKind::Rethrow,
        Role::Finally { try_line, exit } => SiteKind::Finally {
            try_line: *try_line,
            exit: *exit,
        },
        Role::Uncaught => SiteKind::Uncaught,
        Role::Wake => SiteKind::Wake,
        Role::TimerAdvance => SiteKind::TimerAdvance,
        Role::TimerFire => SiteKind::TimerFire,
        Role::TimerSet => SiteKind::TimerSet,
        Role::ObjectMade(class) => SiteKind::Allocate(Allocation::Object(class.to_string())),
        Role::ArrayMade { elem, size } => SiteKind::Allocate(Allocation::Array {
            elem: elem.clone(),
            size: *size,
        }),
        Role::StringMade => SiteKind::Allocate(Allocation::String),
        Role::ExceptionMade => SiteKind::Allocate(Allocation::ObjectOfItsVtable),
        Role::PromiseMade(made) => SiteKind::Create(match made {
            RoleMade::Frame => Made::Frame(method_of(frames, &entry.origin.function)?),
            RoleMade::Timer => Made::Timer,
            RoleMade::WhenAll => Made::WhenAll,
            RoleMade::WhenAny => Made::WhenAny,
            RoleMade::FromResult => Made::FromResult,
            RoleMade::Never => Made::Never,
        }),
    })
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

/// A handler record a runtime routine makes with `call rt_link_handler`
/// (rdi = rsp): from that call on, the record's words lie at
/// `cfa - below_cfa` and up.
#[derive(Debug, Clone)]
pub struct RuntimeRecord {
    pub function: std::sync::Arc<str>,
    pub linked_at: u64,
    pub below_cfa: u32,
}

fn decode(image: &Image, entry: &MapEntry) -> Instruction {
    let bytes = image.insn_bytes(entry);
    Decoder::with_ip(64, bytes, entry.addr, DecoderOptions::NONE).decode()
}

/// How the canonical frame address follows from the registers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Cfa {
    /// Not an instruction start, or not known.
    Unknown,
    /// rsp + k: in a prologue before `mov rbp, rsp` (or after `pop rbp`).
    Rsp(u32),
    /// rbp + 16: the frame is set up.
    Rbp,
}

/// A `push` a function makes: where the word goes, relative to the
/// function's canonical frame address, and which register it keeps.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Push {
    /// The push instruction's address.
    pub addr: u64,
    /// The slot is at `cfa - below_cfa`.
    pub below_cfa: u32,
    pub reg: Register,
    /// The async state whose code makes the push (None: outside any state,
    /// e.g. a prologue). A push in one state's code is not on the stack
    /// while another state runs: the stack is empty at every await.
    pub state: Option<u32>,
    /// The address ranges (inclusive) where the word is on the stack: from
    /// the instruction after the push to the `pop` that takes it off, and
    /// again in code a forward branch reaches with it still pushed (the
    /// failure stubs after a `ret`, a runtime routine's other exit).
    pub live: Vec<(u64, u64)>,
}

impl Push {
    /// Is the pushed word on the stack when the CPU is at `pc` (in state
    /// `state`)?
    pub fn live_at(&self, pc: u64, state: Option<u32>) -> bool {
        // Code outside any state (a failure stub, the way out) is reached
        // from whichever state branched there.
        let same_state = self.state.is_none() || state.is_none() || self.state == state;
        same_state
            && self
                .live
                .iter()
                .any(|&(from, to)| (from..=to).contains(&pc))
    }
}

/// The CFA rule before every instruction and the pushes of every function,
/// from one walk over each function in address order that follows rsp:
/// `push`/`pop` move it by 8, `sub`/`add rsp, n` by n, `lea rsp, [rbp - k]`
/// puts it k below rbp. Until `mov rbp, rsp` (Role::FrameSetup) the CFA is
/// rsp + 8 + the bytes pushed since the entry; from there it is rbp + 16,
/// until `pop rbp` (Role::RestoreCallee of rbp). Code after a `ret` runs as
/// the function did before: inside its body frame when it has one (the
/// failure stubs), else from the entry (a runtime routine's second path).
/// The same walk finds the runtime's records: every `call rt_link_handler`,
/// with the stack depth it is made at.
fn frame_table(
    image: &Image,
    base: u64,
    size: u64,
) -> (Vec<Cfa>, Vec<Vec<Push>>, Vec<u32>, Vec<RuntimeRecord>) {
    let link = image.symbol("rt_link_handler");
    let mut records = Vec::new();
    let mut cfa = vec![Cfa::Unknown; size as usize + 1];
    let mut pushes: Vec<Vec<Push>> = Vec::new();
    let mut run_of = Vec::with_capacity(image.map.len());
    let mut function: Option<&str> = None;
    let (mut below, mut framed, mut has_frame) = (0i64, false, false);
    // Indexes (into this function's pushes) of the pushes not yet popped.
    let mut open: Vec<usize> = Vec::new();
    // The state a forward branch carries to its target (bytes below, framed,
    // open pushes), for code that the instruction before cannot fall into.
    type Carried = (i64, bool, Vec<usize>);
    let mut at_target: std::collections::HashMap<u64, Carried> = Default::default();
    let mut falls_through = true;
    // At a suspension, the body's state: a suspension by tail call (Task.Yield)
    // runs the epilogue and jumps out, and the next state's code, reached
    // through the dispatch, runs in the body again.
    let mut body: Option<Carried> = None;
    // After `mov rsp, [mem]` (rt_throw going back to a handler's stack) the
    // stack is another function's: unknown here until the jump there.
    let mut switched = false;
    for entry in &image.map {
        if function != Some(&*entry.origin.function) {
            function = Some(&entry.origin.function);
            pushes.push(Vec::new());
            (below, framed, has_frame) = (0, false, false);
            switched = false;
            open.clear();
            at_target.clear();
            falls_through = true;
            body = None;
        }
        if entry.origin.role == Some(Role::Suspend) {
            body = Some((below, framed, open.clone()));
        }
        if !falls_through {
            let carried = at_target.get(&entry.addr).or(body.as_ref()).cloned();
            if let Some((b, f, carried)) = carried {
                (below, framed) = (b, f);
                let list = pushes.last_mut().expect("a function");
                for &i in &carried {
                    list[i].live.push((entry.addr, u64::MAX));
                }
                open = carried;
            }
        }
        run_of.push(pushes.len() as u32 - 1);
        cfa[(entry.addr - base) as usize] = if switched {
            Cfa::Unknown
        } else if framed {
            Cfa::Rbp
        } else {
            // (-8: a routine that popped its own return address to jump
            // there, rt_fiber_switch: the caller's rsp is rsp itself.)
            Cfa::Rsp((8 + below).max(0) as u32)
        };
        let insn = decode(image, entry);
        if let Cfa::Rsp(below_cfa) = cfa[(entry.addr - base) as usize] {
            if insn.flow_control() == FlowControl::Call && Some(insn.near_branch_target()) == link {
                records.push(RuntimeRecord {
                    function: entry.origin.function.clone(),
                    linked_at: entry.addr,
                    below_cfa,
                });
            }
        }
        switched |= insn.mnemonic() == Mnemonic::Mov
            && insn.op0_register() == Register::RSP
            && insn.op1_kind() == OpKind::Memory;
        let imm = || insn.immediate(1) as i64;
        let no_return = entry.origin.role == Some(Role::NoReturn);
        falls_through = !no_return
            && !matches!(
                insn.flow_control(),
                FlowControl::UnconditionalBranch
                    | FlowControl::Return
                    | FlowControl::IndirectBranch
            );
        if no_return {
            // What this path pushed stays on the stack (under the return
            // address) while the routine runs, and is not in the code after.
            let list = pushes.last_mut().expect("a function");
            for &i in &open {
                if let Some(range) = list[i].live.last_mut() {
                    range.1 = entry.addr;
                }
            }
        }
        if matches!(
            insn.flow_control(),
            FlowControl::ConditionalBranch | FlowControl::UnconditionalBranch
        ) && insn.near_branch_target() > entry.addr
        {
            at_target
                .entry(insn.near_branch_target())
                .or_insert_with(|| (below, framed, open.clone()));
        }
        let takes_code_address = insn.mnemonic() == Mnemonic::Lea
            && insn.is_ip_rel_memory_operand()
            && insn.ip_rel_memory_address() > entry.addr;
        if entry.origin.role == Some(Role::HandlerAddress) || takes_code_address {
            // A throw arrives at the handler with the stack of this point
            // (the generated code's records, and the runtime's: `lea rsi,
            // [rel .faulted]` right before `call rt_link_handler`).
            at_target
                .entry(insn.ip_rel_memory_address())
                .or_insert_with(|| (below, framed, open.clone()));
        }
        match (insn.mnemonic(), &entry.origin.role) {
            (_, Some(Role::FrameSetup)) => (framed, has_frame) = (true, true),
            (Mnemonic::Push, _) => {
                below += 8;
                if insn.op0_kind() == OpKind::Register {
                    let list = pushes.last_mut().expect("a function");
                    list.push(Push {
                        addr: entry.addr,
                        below_cfa: (8 + below) as u32,
                        reg: insn.op0_register(),
                        state: entry.origin.state,
                        live: vec![(entry.addr + 1, u64::MAX)],
                    });
                    open.push(list.len() - 1);
                }
            }
            (Mnemonic::Pop, role) => {
                below -= 8;
                // A memory pop takes back a memory push (`push qword [rel
                // rt_stack_limit]`), which kept no register.
                let takes_a_register = insn.op0_kind() == OpKind::Register;
                if let Some(i) = open.pop_if(|_| takes_a_register) {
                    let list = pushes.last_mut().expect("a function");
                    if let Some(range) = list[i].live.last_mut() {
                        range.1 = entry.addr;
                    }
                }
                if matches!(role, Some(Role::RestoreCallee(Register::RBP))) {
                    framed = false;
                    below = 0;
                }
            }
            (Mnemonic::Sub, _) if insn.op0_register() == Register::RSP => below += imm(),
            (Mnemonic::Add, _) if insn.op0_register() == Register::RSP => below -= imm(),
            (Mnemonic::Lea, _)
                if insn.op0_register() == Register::RSP && insn.memory_base() == Register::RBP =>
            {
                below = 8 - insn.memory_displacement64() as i64;
            }
            (Mnemonic::Ret, _) => {
                framed = has_frame;
                below = if has_frame { 8 } else { 0 };
            }
            _ => {}
        }
    }
    (cfa, pushes, run_of, records)
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
