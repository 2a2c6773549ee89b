//! Live inspection: registers, the stack, async frames, promises, the ready
//! queue, timers, virtual time and output, decoded from guest memory.
//!
//! In: a [`Machine`] at any position. Out: plain data ([`Register`],
//! [`StackSlot`], [`FrameView`], [`PromiseView`], [`TimerView`]) with values
//! already rendered for a student (strings and objects followed), so the UI
//! only lays them out.

use super::layout::{FrameLayout, ValueKind};
use super::sites::SiteKind;
use super::{Machine, PromiseRef};
use crate::ir::header;
use iced_x86::Register as Reg;
use serde::Serialize;
use std::hash::{Hash, Hasher};
use unicorn_engine::RegisterX86;

/// The registers shown, in display order.
pub const REGISTERS: [(&str, RegisterX86); 18] = [
    ("rip", RegisterX86::RIP),
    ("rsp", RegisterX86::RSP),
    ("rbp", RegisterX86::RBP),
    ("rax", RegisterX86::RAX),
    ("rbx", RegisterX86::RBX),
    ("rcx", RegisterX86::RCX),
    ("rdx", RegisterX86::RDX),
    ("rsi", RegisterX86::RSI),
    ("rdi", RegisterX86::RDI),
    ("r8", RegisterX86::R8),
    ("r9", RegisterX86::R9),
    ("r10", RegisterX86::R10),
    ("r11", RegisterX86::R11),
    ("r12", RegisterX86::R12),
    ("r13", RegisterX86::R13),
    ("r14", RegisterX86::R14),
    ("r15", RegisterX86::R15),
    ("rflags", RegisterX86::RFLAGS),
];

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Register {
    pub name: &'static str,
    pub value: u64,
    /// Changed by the last action.
    pub changed: bool,
}

/// One word of the stack.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct StackSlot {
    pub addr: u64,
    pub value: u64,
    /// `return address into Program.Main+23`, `saved rbx (Program.Twice$resume)`, …
    pub label: String,
    /// It holds a local of type double (shown as the double, not its bits).
    pub double: bool,
}

/// A value read from memory, rendered.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Value {
    pub name: String,
    pub offset: u32,
    pub raw: u64,
    pub text: String,
}

/// A live async frame.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct FrameView {
    pub promise: PromiseRef,
    pub method: String,
    pub state: u64,
    /// It has ended: completed, or faulted.
    pub completed: bool,
    /// It faulted: the exception it keeps.
    pub faulted: Option<String>,
    pub fields: Vec<Value>,
}

/// One block of the heap as the heap view shows it: an object, an array or
/// an async frame, from the fact of the instruction that made it (the
/// code generator's `ObjectMade`/`ArrayMade` roles, the frames' `PromiseMade`)
/// and the layout of its kind.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HeapObject {
    pub addr: u64,
    /// `Dog object`, `int[3]`, `Program.Player frame (promise #2)`.
    pub title: String,
    /// Its words, in order.
    pub words: Vec<HeapWord>,
}

/// One word of a [`HeapObject`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HeapWord {
    /// `+0 vtable`, `+8 name`, `[0]`.
    pub label: String,
    /// `0x403000 → Dog`, `"Rex"`, `5`.
    pub text: String,
    /// The address it holds when it is a reference (not null).
    pub points_to: Option<u64>,
}

impl HeapWord {
    fn new(label: String, text: String, points_to: Option<u64>) -> HeapWord {
        HeapWord {
            label,
            text,
            points_to,
        }
    }
}

/// How many elements of an array the heap view lists.
pub const HEAP_ARRAY_ELEMENTS: usize = 16;

/// A promise.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct PromiseView {
    pub promise: PromiseRef,
    /// It has ended: completed, or faulted.
    pub completed: bool,
    /// It faulted: the exception it keeps (`System.DivideByZeroException`).
    pub faulted: Option<String>,
    pub result: u64,
    /// The symbol the event loop calls (`Program.Twice$resume`), if any.
    pub continuation: Option<String>,
    pub awaiters: Vec<PromiseRef>,
}

/// A pending timer.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct TimerView {
    pub promise: PromiseRef,
    pub deadline: u64,
    pub sequence: u64,
}

/// The SSE registers the code generator computes doubles in (their low 64
/// bits: one double each), shown when the program computes with doubles.
pub const SSE_REGISTERS: [(&str, RegisterX86); 2] =
    [("xmm0", RegisterX86::XMM0), ("xmm1", RegisterX86::XMM1)];

/// A double as C# (.NET Core 3.0 and later) prints it: the shortest digits
/// that read back as the same double, in the layout of its `ToString()`
/// (lib/Double.fs computes the same text in the program itself).
pub fn dotnet_double(v: f64) -> String {
    if v.is_nan() {
        return "NaN".into();
    }
    let sign = if v.is_sign_negative() { "-" } else { "" };
    if v.is_infinite() {
        return format!("{sign}Infinity");
    }
    if v == 0.0 {
        return format!("{sign}0");
    }
    // Rust's `{:e}` is also the shortest round-trip: `1.5e-7`.
    let text = format!("{:e}", v.abs());
    let (mantissa, exponent) = text.split_once('e').unwrap_or((&text, "0"));
    let digits: String = mantissa.chars().filter(char::is_ascii_digit).collect();
    let scale = exponent.parse::<i32>().unwrap_or(0) + 1;
    let n = digits.len() as i32;
    if scale > n.max(15) || scale < -3 {
        let rest = if n > 1 {
            format!(".{}", &digits[1..])
        } else {
            String::new()
        };
        let e = scale - 1;
        let e_sign = if e < 0 { '-' } else { '+' };
        return format!("{sign}{}{rest}E{e_sign}{:02}", &digits[..1], e.abs());
    }
    if scale <= 0 {
        return format!("{sign}0.{}{digits}", "0".repeat((-scale) as usize));
    }
    let scale = scale as usize;
    if digits.len() <= scale {
        return format!("{sign}{digits}{}", "0".repeat(scale - digits.len()));
    }
    format!("{sign}{}.{}", &digits[..scale], &digits[scale..])
}

impl Machine {
    pub(crate) fn register_values(&self) -> Vec<u64> {
        let general = REGISTERS.iter().map(|(_, r)| self.engine.reg(*r));
        let sse = SSE_REGISTERS
            .iter()
            .filter(|_| self.program.uses_sse)
            .map(|(_, r)| self.engine.xmm_low(*r));
        general.chain(sse).collect()
    }

    /// The registers, with the ones the last action changed marked (xmm0
    /// and xmm1 too when the program computes with doubles).
    pub fn registers(&self) -> Vec<Register> {
        REGISTERS
            .iter()
            .chain(SSE_REGISTERS.iter().filter(|_| self.program.uses_sse))
            .zip(self.register_values())
            .enumerate()
            .map(|(i, ((name, _), value))| Register {
                name,
                value,
                changed: self.changed.get(i).copied().unwrap_or(false),
            })
            .collect()
    }

    /// What a 64-bit value points to, when it is a pointer the machine can
    /// name: code (`Program.Main+23 (line 33)`), a promise or async frame
    /// (`Program.Twice frame (promise #2)`), `Task.CompletedTask`, a
    /// vtable (`vtable of Dog`), an object by its vtable (`Dog object`), a
    /// string literal (`"woof"`). None for anything else (ints among them).
    pub fn describe_value(&self, value: u64) -> Option<String> {
        self.describe_value_at(value, None)
    }

    /// `describe_value` as of instruction `at` (for an event's text, which
    /// must not change with the moment it is shown): promises as they were
    /// then, and no heap word read (an object may not have existed yet).
    fn describe_value_at(&self, value: u64, at: Option<u64>) -> Option<String> {
        let image = &self.program.image;
        let promise = match at {
            Some(at) => self.promise_ref_at(value, at),
            None => self.promise_ref(value),
        };
        if let Some(promise) = promise {
            return Some(if self.program.frame(&promise.owner).is_some() {
                format!("{} frame (promise #{})", promise.call, promise.id)
            } else if promise.id == 0 {
                promise.owner
            } else {
                format!("{} (promise #{})", promise.call, promise.id)
            });
        }
        let symbol = |addr: u64| image.symbol_at(addr).map(|s| s.name.as_str());
        if let Some(name) = symbol(value) {
            if let Some(class) = name.strip_suffix("$vtable") {
                return Some(format!("vtable of {class}"));
            }
            if name.starts_with("str.") {
                return Some(quoted(&self.string_at(value), 24));
            }
        }
        if image.insn_at(value).is_some_and(|e| e.addr == value) {
            let code = describe_code(image, value);
            return Some(match self.program.sites.line_at(value) {
                Some((_, line)) => format!("{code} (line {line})"),
                None => code,
            });
        }
        let class = self
            .read_u64(value)
            .and_then(symbol)
            .and_then(|n| n.strip_suffix("$vtable"));
        let region = image
            .regions
            .iter()
            .find(|r| (r.addr..r.addr + r.mapped_size()).contains(&value));
        let section = region.map(|r| r.section);
        if let (Some(crate::asm::Section::Heap), None) = (section, at) {
            if let Some(array) = self.array_at(value) {
                return Some(array);
            }
            if let Some(stack) = self.task_stack_words(value) {
                return Some(stack);
            }
        }
        match (section, class) {
            (Some(crate::asm::Section::Heap), _) if at.is_some() => Some("heap".to_string()),
            (Some(crate::asm::Section::Heap), Some(class)) => Some(format!("{class} object")),
            (Some(crate::asm::Section::Heap), None) => {
                let free = self.symbol_word("rt_heap_ptr");
                match value.cmp(&free) {
                    std::cmp::Ordering::Less => Some("heap".to_string()),
                    std::cmp::Ordering::Equal => Some("next free heap byte".to_string()),
                    std::cmp::Ordering::Greater => None,
                }
            }
            (Some(crate::asm::Section::Stack), _) => Some("stack".to_string()),
            (Some(_), _) => image.nearest_symbol(value).map(|(sym, off)| match off {
                0 => format!("&{}", sym.name),
                off => format!("&{}+{off}", sym.name),
            }),
            (None, _)
                if (crate::emulate::LOADER_BLOCK..crate::emulate::LOADER_BLOCK + 0x10000)
                    .contains(&value) =>
            {
                Some("argument block".to_string())
            }
            (None, _) => None,
        }
    }

    /// The one way a value is stated, in every pane and every explanation:
    /// what it points to when the machine can name it (with its address),
    /// else a decimal number.
    pub fn format_value(&self, value: u64) -> String {
        self.format_value_at(value, None)
    }

    /// A stack pointer's value (rsp, rbp): always a place on the stack, even
    /// where that address is also the first heap byte (the empty stack's
    /// top is where the heap begins).
    pub fn format_stack_pointer(&self, value: u64) -> String {
        let top = self.program.sites.symbol("rt_stack_top");
        let in_stack = self
            .program
            .image
            .region(crate::asm::Section::Stack)
            .is_some_and(|r| (r.addr..=r.addr + r.mapped_size()).contains(&value));
        match (Some(value) == top, in_stack, self.task_stack_words(value)) {
            (true, _, _) => format!("{value:#x} top of the stack (empty)"),
            (false, true, _) => format!("{value:#x} stack"),
            (_, _, Some(task)) => format!("{value:#x} {task}"),
            _ => self.format_value(value),
        }
    }

    /// `format_value` as of instruction `at` (see [`Machine::describe_value_at`]).
    pub(crate) fn format_value_at(&self, value: u64, at: Option<u64>) -> String {
        match self.describe_value_at(value, at) {
            Some(what) => format!("{value:#x} {what}"),
            None => (value as i64).to_string(),
        }
    }

    /// A guest word (None outside mapped memory).
    pub fn read_u64(&self, addr: u64) -> Option<u64> {
        self.engine.detector().read_u64(addr)
    }

    fn word(&self, addr: u64) -> u64 {
        self.read_u64(addr).unwrap_or(0)
    }

    fn symbol_word(&self, name: &str) -> u64 {
        self.program.sites.symbol(name).map_or(0, |a| self.word(a))
    }

    /// Virtual time in milliseconds.
    pub fn now(&self) -> u64 {
        self.symbol_word("rt_now")
    }

    /// The program's stdout so far.
    pub fn stdout(&self) -> &[u8] {
        let d = self.engine.detector();
        &d.out[0][..d.out_len[0]]
    }

    /// The program's stderr so far.
    pub fn stderr(&self) -> &[u8] {
        let d = self.engine.detector();
        &d.out[1][..d.out_len[1]]
    }

    /// The stack from rsp up (at most `max` words), return addresses and
    /// the registers each function's prologue pushed labelled.
    pub fn stack(&self, max: usize) -> Vec<StackSlot> {
        let rsp = self.engine.reg(RegisterX86::RSP);
        let top = self.stack_region(rsp).map_or(rsp, |(_, top)| top);
        let labels = self.stack_labels();
        (0..max as u64)
            .map(|i| rsp + 8 * i)
            .take_while(|&addr| addr < top)
            .map(|addr| {
                let label = labels.iter().find(|(a, _, _)| *a == addr);
                StackSlot {
                    addr,
                    value: self.word(addr),
                    label: label.map(|(_, l, _)| l.clone()).unwrap_or_default(),
                    double: label.is_some_and(|(_, _, double)| *double),
                }
            })
            .collect()
    }

    /// The stack `addr` is on, as (lowest address, top): the program's own
    /// stack, or (`--lowering stackful`) the stack of the task whose block
    /// holds it, from its frame's F_STACK word. `addr` may be the top itself
    /// (an empty stack).
    pub fn stack_region(&self, addr: u64) -> Option<(u64, u64)> {
        let sites = &self.program.sites;
        let (bottom, top) = (
            sites.symbol("rt_stack_bottom")?,
            sites.symbol("rt_stack_top")?,
        );
        if (bottom..=top).contains(&addr) {
            return Some((bottom, top));
        }
        if !sites.stackful {
            return None;
        }
        self.task_stack(addr).map(|(_, low, top)| (low, top))
    }

    /// `--lowering stackful`: the task whose own stack holds `addr` (or
    /// ends there), with that stack's lowest address and top. A task that
    /// ended gave its stack back to the free list, for a later task: the
    /// latest task given the block is the one whose stack it is.
    fn task_stack(&self, addr: u64) -> Option<(u64, u64, u64)> {
        if !self.program.sites.stackful {
            return None;
        }
        let size = crate::runtime_layout::FIBER_STACK as u64;
        self.live_frame_promises().iter().rev().find_map(|&i| {
            let frame = self.engine.detector().created[i].addr;
            let low = self.word(frame + crate::runtime_layout::F_STACK as u64);
            (low != 0 && (low..=low + size).contains(&addr)).then_some((frame, low, low + size))
        })
    }

    /// "the stack of Main() (promise #1)" for an address on a task's stack.
    fn task_stack_words(&self, addr: u64) -> Option<String> {
        let (frame, _, top) = self.task_stack(addr)?;
        let p = self.promise_ref(frame)?;
        let whose = format!("{} (promise #{})", p.call, p.id);
        Some(match addr == top {
            true => format!("top of the stack of {whose} (empty)"),
            false => format!("the stack of {whose}"),
        })
    }

    /// Labels of the stack words, by unwinding frame by frame with the
    /// image's frame table (src/machine/sites.rs): each function's
    /// canonical frame address from the CPU's registers, the return address
    /// below it, and the words its pushes put there that are still live
    /// (at or above rsp). True at every instruction, also between `call`
    /// and `push rbp`, at `ret`, and in runtime routines without rbp frames.
    /// Each label says whether the word holds a double local.
    fn stack_labels(&self) -> Vec<(u64, String, bool)> {
        let image = &self.program.image;
        let sites = &self.program.sites;
        let mut labels = Vec::new();
        let (mut pc, mut rsp, mut rbp) = (
            self.pc(),
            self.engine.reg(RegisterX86::RSP),
            self.engine.reg(RegisterX86::RBP),
        );
        // rt_throw's last two instructions (the rbp restore and the jump to
        // the handler) run on the handler's stack already: the stack is the
        // handler's, as it will be at the handler, with its record's rbp.
        let is_catch = |at: u64| sites.at(at).is_some_and(|s| s.kind == SiteKind::Catch);
        let next = image.insn_at(pc).map(|e| pc + u64::from(e.len));
        if is_catch(pc) || next.is_some_and(is_catch) {
            let rcx = self.engine.reg(RegisterX86::RCX);
            pc = self.word(rcx + crate::runtime_layout::H_HANDLER as u64);
            rbp = self.word(rcx + crate::runtime_layout::H_RBP as u64);
        }
        for _ in 0..4096 {
            let Some(entry) = image.insn_at(pc) else {
                break;
            };
            let function = entry.origin.function.clone();
            if &*function == "_start" {
                break; // the outermost frame: no caller, no return address
            }
            // The bottom of a stackful task's stack: its base record, and
            // nothing above (rt_fiber_switch jumped here: no caller).
            let task_bottom = &*function == "rt_fiber_entry";
            let Some(cfa) = sites.cfa_at(pc, rsp, rbp) else {
                break;
            };
            // The latest push to each slot at or before pc, still on the stack.
            let mut saved_rbp = None;
            let mut seen = std::collections::HashSet::new();
            let state = entry.origin.state;
            let pushes = sites.pushes_of(image, pc).iter().rev();
            for push in pushes.filter(|p| p.live_at(pc, state)) {
                let slot = cfa - push.below_cfa as u64;
                if slot < rsp || !seen.insert(slot) {
                    continue;
                }
                let name = format!("{:?}", push.reg).to_lowercase();
                let label = if CALLEE_SAVED.contains(&push.reg) {
                    format!("saved {name} ({function})")
                } else {
                    format!("{name} kept by {function}")
                };
                labels.push((slot, label, false));
                if push.reg == Reg::RBP {
                    saved_rbp = Some(self.word(slot));
                }
            }
            self.label_slots(&mut labels, &function, cfa, rsp, &mut seen);
            self.label_runtime_records(&mut labels, pc, &function, cfa, rsp, &mut seen);
            if task_bottom {
                break;
            }
            let ret = self.word(cfa - 8);
            labels.push((
                cfa - 8,
                format!("return address into {}", describe_return(image, sites, ret)),
                false,
            ));
            // The caller is unwound from its call instruction: what holds
            // after the call returns holds at the call (it pushes what `ret`
            // pops), and a call that never returns may end its function.
            let at_call = call_before(image, ret).map_or(ret, |call| call.addr);
            (pc, rsp, rbp) = (at_call, cfa, saved_rbp.unwrap_or(rbp));
        }
        labels
    }

    /// Names the words of a handler record a runtime routine made (once
    /// its `call rt_link_handler` has run).
    fn label_runtime_records(
        &self,
        labels: &mut Vec<(u64, String, bool)>,
        pc: u64,
        function: &str,
        cfa: u64,
        rsp: u64,
        seen: &mut std::collections::HashSet<u64>,
    ) {
        let records = self.program.sites.runtime_records.iter();
        for record in records.filter(|r| &*r.function == function && pc > r.linked_at) {
            let base = cfa - u64::from(record.below_cfa);
            for (i, word) in super::layout::HANDLER_RECORD_WORDS.iter().enumerate() {
                let slot = base + 8 * i as u64;
                if slot >= rsp && seen.insert(slot) {
                    labels.push((slot, format!("handler record: {word} ({function})"), false));
                }
            }
        }
    }

    /// Names the words of a generated function's slot area (its locals and
    /// padding) that are on the stack: below its saved rbp at `cfa - 16`
    /// (without a frame pointer, right below the return address).
    fn label_slots(
        &self,
        labels: &mut Vec<(u64, String, bool)>,
        function: &str,
        cfa: u64,
        rsp: u64,
        seen: &mut std::collections::HashSet<u64>,
    ) {
        let Some(layout) = self.program.functions.get(function) else {
            return;
        };
        let rbp = if layout.frame_pointer {
            cfa - 16
        } else {
            cfa - 8
        };
        let words = 1 + layout.saved as u64 + layout.stack_size as u64 / 8;
        for below in (8..=8 * words).step_by(8) {
            let slot = rbp - below;
            if slot < rsp || seen.contains(&slot) {
                continue;
            }
            if let Some(name) = layout.slot_name(below) {
                seen.insert(slot);
                let double = layout.slot_holds_double(below);
                labels.push((slot, format!("{name} ({function})"), double));
            }
        }
    }

    /// The registers the running function keeps its locals in, with the
    /// local's name: from the push that saved the caller's value until the
    /// pop that gives it back (outside that the register is the caller's).
    /// In a resume function, only inside a state's code, which the code
    /// generator starts once the state's locals are back from the frame:
    /// before that a register still holds what the event loop left in it.
    pub fn register_homes(&self) -> Vec<(&'static str, String)> {
        let image = &self.program.image;
        let pc = self.pc();
        let Some(entry) = image.insn_at(pc) else {
            return Vec::new();
        };
        let Some(layout) = self.program.functions.get(&*entry.origin.function) else {
            return Vec::new();
        };
        let pushes = self.program.sites.pushes_of(image, pc);
        // Typed: the local's register against each push's register.
        let saved = |reg: crate::ir::Reg| {
            let reg = crate::codegen::iced_reg(reg);
            pushes
                .iter()
                .any(|p| p.reg == reg && p.live_at(pc, entry.origin.state))
        };
        let state = entry.origin.state;
        let resume = self.program.frames.iter().any(|f| f.resume == layout.label);
        if resume && state.is_none() {
            return Vec::new(); // the dispatch, or the way out after a suspend
        }
        layout
            .registers
            .iter()
            .filter(|(reg, _)| saved(*reg))
            .map(|(reg, local)| (reg.name(), local.clone()))
            .collect()
    }

    /// Whether the running function keeps only doubles in `reg` (then its
    /// value is shown as the double).
    pub fn register_holds_double(&self, reg: &str) -> bool {
        let Some(entry) = self.program.image.insn_at(self.pc()) else {
            return false;
        };
        let Some(layout) = self.program.functions.get(&*entry.origin.function) else {
            return false;
        };
        crate::ir::LOCAL_REGS
            .iter()
            .any(|r| r.name() == reg && layout.double_homes.contains(&crate::ir::Storage::Reg(*r)))
    }

    /// Every promise created so far (oldest first).
    pub fn promises(&self) -> Vec<PromiseView> {
        (0..self.promise_count())
            .filter_map(|i| self.promise_at(i))
            .collect()
    }

    /// How many promises exist now (created before this instruction).
    pub fn promise_count(&self) -> usize {
        let created = &self.engine.detector().created;
        created.partition_point(|c| c.icount < self.icount)
    }

    /// Promise `i` (0: the first created), as it is now: a pane pages
    /// through them instead of reading them all.
    pub fn promise_at(&self, i: usize) -> Option<PromiseView> {
        let created = self.engine.detector().created.get(i)?;
        (created.icount < self.icount)
            .then(|| self.promise_ref(created.addr))
            .flatten()
            .map(|p| self.promise_view(p))
    }

    fn promise_view(&self, promise: PromiseRef) -> PromiseView {
        let addr = promise.addr;
        let cont = self.word(addr + header::CONTINUATION as u64);
        let continuation = (cont != 0).then(|| describe_code(&self.program.image, cont));
        let mut awaiters = Vec::new();
        let mut node = self.word(addr + header::AWAITERS as u64);
        while node != 0 && awaiters.len() < 1000 {
            let waiter = self.word(node + 8) & !(crate::runtime_layout::NODE_KINDS as u64);
            awaiters.push(
                self.promise_ref(waiter)
                    .unwrap_or_else(|| PromiseRef::new(0, waiter, "?".into())),
            );
            node = self.word(node);
        }
        PromiseView {
            completed: self.word(addr + header::STATUS as u64) != 0,
            faulted: self.fault_of(addr),
            result: self.word(addr + header::RESULT as u64),
            continuation,
            awaiters,
            promise,
        }
    }

    /// The exception a faulted task keeps, by its class name; None unless
    /// the task at `addr` faulted.
    fn fault_of(&self, addr: u64) -> Option<String> {
        if self.word(addr + header::STATUS as u64) != crate::runtime_layout::FAULTED as u64 {
            return None;
        }
        let exception = self.word(addr + header::RESULT as u64);
        let vtable = self.word(exception + crate::runtime_layout::E_VTABLE as u64);
        let name = self
            .program
            .sites
            .class_name(vtable)
            .unwrap_or("System.Exception");
        Some(name.to_string())
    }

    /// The objects, arrays, strings and async frames made so far, by
    /// address (the allocator only bumps upwards, so oldest first): the
    /// newest `limit`, and how many there are in all. String literals live
    /// in the image, not the heap: they show as the values that hold them.
    pub fn heap_objects(&self, limit: usize) -> (Vec<HeapObject>, usize) {
        let allocated = self.live_allocations();
        let frames = self.live_frame_promises();
        let total = allocated.len() + frames.len();
        let mut objects: Vec<HeapObject> = allocated[allocated.len().saturating_sub(limit)..]
            .iter()
            .filter_map(|c| match &self.program.sites.list[c.site as usize].kind {
                super::sites::SiteKind::Allocate(made) => Some(self.heap_object(c.addr, made)),
                _ => None,
            })
            .collect();
        let newest_frames = &frames[frames.len().saturating_sub(limit)..];
        objects.extend(
            self.frame_views(newest_frames)
                .map(|f| self.frame_object(f)),
        );
        objects.sort_by_key(|o| o.addr);
        let keep = objects.len().saturating_sub(limit);
        objects.drain(..keep);
        (objects, total)
    }

    /// An async frame as a heap block: its state word, then its fields.
    fn frame_object(&self, frame: FrameView) -> HeapObject {
        let layout = self.program.frame(&frame.promise.owner);
        let fields = frame.fields.iter().map(|v| {
            let reference = layout
                .and_then(|l| l.field_at(v.offset))
                .is_some_and(|f| holds_reference(&f.kind));
            HeapWord::new(
                format!("+{} {}", v.offset, v.name),
                v.text.clone(),
                (reference && v.raw != 0).then_some(v.raw),
            )
        });
        HeapObject {
            addr: frame.promise.addr,
            title: format!("{} frame (promise #{})", frame.method, frame.promise.id),
            words: fields.collect(),
        }
    }

    /// The objects and arrays made before this instruction (by address:
    /// the allocator only bumps upwards).
    fn live_allocations(&self) -> &[super::engine::Created] {
        let allocated = &self.engine.detector().allocated;
        &allocated[..allocated.partition_point(|c| c.icount < self.icount)]
    }

    /// The indices in the engine's `created` of the async frames made
    /// before this instruction.
    fn live_frame_promises(&self) -> &[usize] {
        let created = &self.engine.detector().created;
        let live = self
            .frame_promises
            .partition_point(|&i| created[i].icount < self.icount);
        &self.frame_promises[..live]
    }

    /// The frames at these indices of `created`, decoded by their layouts.
    fn frame_views<'a>(&'a self, indices: &'a [usize]) -> impl Iterator<Item = FrameView> + 'a {
        let created = &self.engine.detector().created;
        indices.iter().filter_map(move |&i| {
            let p = self.promise_ref(created[i].addr)?;
            let layout = self.program.frame(&p.owner)?;
            Some(self.frame_view(p, layout))
        })
    }

    /// The run-time name of an object's class, from its vtable word.
    fn class_of(&self, object: u64) -> Option<&str> {
        self.program.sites.class_name(self.word(object))
    }

    /// `int[3]` for an array made (by a `new T[n]` or a literal) at `addr`.
    fn array_at(&self, addr: u64) -> Option<String> {
        let allocated = self.live_allocations();
        let i = allocated.partition_point(|c| c.addr < addr);
        let made = allocated.get(i).filter(|c| c.addr == addr)?;
        match &self.program.sites.list[made.site as usize].kind {
            super::sites::SiteKind::Allocate(super::sites::Allocation::Array { elem, .. }) => {
                Some(format!("{}[{}]", elem_words(elem), self.word(addr)))
            }
            _ => None,
        }
    }

    fn heap_object(&self, addr: u64, made: &super::sites::Allocation) -> HeapObject {
        use super::sites::Allocation;
        match made {
            Allocation::Object(class) => self.object_block(addr, class),
            Allocation::ObjectOfItsVtable => {
                let vtable = self.word(addr);
                let class = self.program.sites.class_of_vtable(vtable).unwrap_or("?");
                self.object_block(addr, class)
            }
            Allocation::String => HeapObject {
                addr,
                title: "string".into(),
                words: vec![
                    HeapWord::new("+0 length".into(), self.word(addr).to_string(), None),
                    HeapWord::new("+8 text".into(), self.render(addr, &ValueKind::Str), None),
                ],
            },
            Allocation::Array { elem, size } => self.array_block(addr, elem, *size),
        }
    }

    /// An object made as `class`: its vtable word (and the class it names:
    /// a subclass's, for an object `class`'s constructor was inherited by),
    /// then `class`'s fields.
    fn object_block(&self, addr: u64, class: &str) -> HeapObject {
        let vtable = self.word(addr);
        let runtime_name = self.class_of(addr).unwrap_or(class);
        let mut words = vec![HeapWord::new(
            "+0 vtable".into(),
            format!("{vtable:#x} → {runtime_name}"),
            None,
        )];
        let fields = self
            .program
            .classes
            .get(class)
            .map_or(&[][..], |c| &c.fields);
        for f in fields {
            let raw = self.word(addr + u64::from(f.offset));
            let pointer = raw != 0 && holds_reference(&f.kind);
            words.push(HeapWord::new(
                format!("+{} {}", f.offset, f.name),
                self.render(raw, &f.kind),
                pointer.then_some(raw),
            ));
        }
        HeapObject {
            addr,
            title: format!("{runtime_name} object"),
            words,
        }
    }

    /// An array: its length word, then its first elements.
    fn array_block(&self, addr: u64, elem: &ValueKind, size: u32) -> HeapObject {
        let length = self.word(addr);
        let mask = match size {
            1 => 0xff,
            2 => 0xffff,
            4 => 0xffff_ffff,
            _ => u64::MAX,
        };
        let shown = (length as usize).min(HEAP_ARRAY_ELEMENTS);
        let mut words = vec![HeapWord::new("+0 length".into(), length.to_string(), None)];
        for i in 0..shown {
            let raw = self.word(addr + 8 + i as u64 * u64::from(size)) & mask;
            let pointer = raw != 0 && holds_reference(elem);
            words.push(HeapWord::new(
                format!("[{i}]"),
                self.render(raw, elem),
                pointer.then_some(raw),
            ));
        }
        if length as usize > shown {
            let more = format!("{} more", length as usize - shown);
            words.push(HeapWord::new("…".into(), more, None));
        }
        HeapObject {
            addr,
            title: format!("{}[{length}]", elem_words(elem)),
            words,
        }
    }

    /// Every async frame created so far, decoded by its layout.
    pub fn frames(&self) -> Vec<FrameView> {
        self.frame_views(self.live_frame_promises()).collect()
    }

    fn frame_view(&self, promise: PromiseRef, layout: &FrameLayout) -> FrameView {
        let addr = promise.addr;
        let fields = layout
            .fields
            .iter()
            .map(|f| {
                let raw = self.word(addr + f.offset as u64);
                Value {
                    name: f.name.clone(),
                    offset: f.offset,
                    raw,
                    text: self.render(raw, &f.kind),
                }
            })
            .collect();
        FrameView {
            method: layout.method.clone(),
            state: self.program.sites.frame_state(addr, |a| self.word(a)),
            completed: self.word(addr + header::STATUS as u64) != 0,
            faulted: self.fault_of(addr),
            fields,
            promise,
        }
    }

    /// A value as a student reads it: numbers, quoted strings, promise names.
    pub fn render(&self, raw: u64, kind: &ValueKind) -> String {
        match kind {
            ValueKind::Int => (raw as i32).to_string(),
            ValueKind::Enum(members) => {
                let value = raw as i32;
                members
                    .iter()
                    .find(|(_, v)| *v == value)
                    .map_or_else(|| value.to_string(), |(name, _)| name.clone())
            }
            ValueKind::Long => (raw as i64).to_string(),
            ValueKind::Double => dotnet_double(f64::from_bits(raw)),
            ValueKind::Bool => (raw & 0xff != 0).to_string(),
            ValueKind::Char => {
                char::from_u32(raw as u32 & 0xffff).map_or("?".into(), |c| format!("{c:?}"))
            }
            ValueKind::State => match self.program.sites.state_number(raw) {
                n if n == raw => n.to_string(),
                n => format!("{n} ({})", describe_code(&self.program.image, raw)),
            },
            _ if raw == 0 => "null".to_string(),
            ValueKind::Str => format!("{:?}", self.string_at(raw)),
            ValueKind::Task => match self.promise_ref(raw) {
                Some(p) => format!("promise #{} ({})", p.id, p.call),
                None => format!("{raw:#x}"),
            },
            ValueKind::Array => format!("array of {} at {raw:#x}", self.word(raw)),
            ValueKind::Object(class) => {
                // The class it really is (its vtable's), not the declared one.
                let class = self.class_of(raw).unwrap_or(class);
                format!("{class} object at {raw:#x}")
            }
            ValueKind::Code => describe_code(&self.program.image, raw),
            ValueKind::Word => format!("{raw:#x}"),
        }
    }

    /// An argument as a call names it: `30`, `"tea"`, `#2` (a task), `Dog`.
    pub(crate) fn render_argument(&self, raw: u64, kind: &ValueKind) -> String {
        match kind {
            _ if raw == 0
                && !matches!(
                    kind,
                    ValueKind::Int
                        | ValueKind::Long
                        | ValueKind::Double
                        | ValueKind::Bool
                        | ValueKind::Char
                        | ValueKind::Enum(_)
                ) =>
            {
                "null".into()
            }
            ValueKind::Str => quoted(&self.string_at(raw), 12),
            ValueKind::Task => match self.promise_index.get(&raw) {
                Some(i) => format!("#{}", i + 1),
                None => "task".into(),
            },
            ValueKind::Object(class) => class.clone(),
            ValueKind::Array => format!("array of {}", self.word(raw)),
            _ => self.render(raw, kind),
        }
    }

    /// The text of the string at `addr` (its first 200 characters): the
    /// runtime's layout, a length and then UTF-16 code units.
    fn string_at(&self, addr: u64) -> String {
        let len = self.word(addr).min(200);
        let units = (0..len).map(|i| self.word(addr + 8 + 2 * i) as u16);
        char::decode_utf16(units)
            .map(|c| c.unwrap_or(char::REPLACEMENT_CHARACTER))
            .collect()
    }

    /// The ready queue, oldest first.
    pub fn ready_queue(&self) -> Vec<PromiseRef> {
        let head = self.symbol_word("rt_queue_head");
        let tail = self.symbol_word("rt_queue_tail");
        let ring = self.program.sites.symbol("rt_queue").unwrap_or(0);
        (head..tail.min(head + 10_000))
            .map(|i| {
                let addr = self.word(ring + 8 * (i & (QUEUE_SLOTS - 1)));
                self.promise_or_addr(addr)
            })
            .collect()
    }

    /// The pending timers, in firing order.
    pub fn timers(&self) -> Vec<TimerView> {
        let count = self.symbol_word("rt_timer_count").min(10_000);
        let heap = self.program.sites.symbol("rt_timer_heap").unwrap_or(0);
        let mut timers: Vec<TimerView> = (0..count)
            .map(|i| {
                let addr = self.word(heap + 8 * i);
                TimerView {
                    deadline: self.word(addr + T_DEADLINE),
                    sequence: self.word(addr + T_SEQUENCE),
                    promise: self.promise_or_addr(addr),
                }
            })
            .collect();
        timers.sort_by_key(|t| (t.deadline, t.sequence));
        timers
    }

    fn promise_or_addr(&self, addr: u64) -> PromiseRef {
        self.promise_ref(addr)
            .unwrap_or_else(|| PromiseRef::new(0, addr, format!("{addr:#x}")))
    }

    /// A hash of the registers, all writable memory and the output: equal
    /// hashes mean the same machine state (for tests of going back and forth).
    /// Pages of zeros are skipped (with their position, so moves still count).
    pub fn state_hash(&self) -> u64 {
        let mut h = 0u64;
        for value in self.register_values() {
            h = mix(h, value);
        }
        let heap_top = self.symbol_word("rt_heap_ptr");
        let zero = [0u8; crate::link::PAGE as usize];
        for region in self.engine.memory.iter().filter(|r| r.write) {
            let bytes = region.bytes();
            let end = match heap_top.checked_sub(region.addr) {
                Some(off) if off > 0 && off <= bytes.len() as u64 => {
                    (off as usize).next_multiple_of(zero.len())
                }
                _ => bytes.len(),
            };
            for (p, page) in bytes[..end].chunks(zero.len()).enumerate() {
                if page == &zero[..page.len()] {
                    continue;
                }
                h = mix(h, region.addr + (p as u64) * crate::link::PAGE);
                h = page
                    .chunks_exact(8)
                    .map(|w| u64::from_le_bytes(w.try_into().unwrap_or([0; 8])))
                    .fold(h, mix);
            }
        }
        let mut hasher = std::collections::hash_map::DefaultHasher::new();
        self.stdout().hash(&mut hasher);
        self.stderr().hash(&mut hasher);
        mix(h, hasher.finish())
    }

    /// Bytes the history holds (checkpoints and page versions).
    pub fn history_bytes(&self) -> usize {
        self.history.bytes()
    }

    /// How many checkpoints the history holds.
    pub fn checkpoints(&self) -> usize {
        self.history.len()
    }
}

/// One step of a fast non-cryptographic hash (FxHash's).
fn mix(h: u64, x: u64) -> u64 {
    (h.rotate_left(5) ^ x).wrapping_mul(0x517c_c1b7_2722_0a95)
}

/// The ready queue's size and a timer's fields (src/runtime_layout.rs).
const QUEUE_SLOTS: u64 = crate::runtime_layout::QUEUE_SLOTS as u64;
const T_DEADLINE: u64 = crate::runtime_layout::T_DEADLINE as u64;
const T_SEQUENCE: u64 = crate::runtime_layout::T_SEQUENCE as u64;

/// `symbol+offset` of a code address.
/// The registers a System V function must give back unchanged.
const CALLEE_SAVED: [Reg; 6] = [Reg::RBX, Reg::RBP, Reg::R12, Reg::R13, Reg::R14, Reg::R15];

/// A string as C# writes it, cut after `max` characters (`"a long…`).
fn quoted(text: &str, max: usize) -> String {
    match text.char_indices().nth(max) {
        Some((cut, _)) => format!("{:?}…", &text[..cut]),
        None => format!("{text:?}"),
    }
}

/// The `call` instruction a return address `addr` comes back after.
fn call_before(image: &crate::link::Image, addr: u64) -> Option<&crate::link::MapEntry> {
    let i = image.insn_index_at(addr.checked_sub(1)?)?;
    Some(&image.map[i]).filter(|call| call.end() == addr)
}

/// `Program.Main+23 (line 33)`: where a return address leads, with the
/// Flux# line of the call it returns from (runtime code has none). Named
/// by the function of the call, not of the address itself: after a call
/// that never returns (a failed check's), the address is already the next
/// function's first byte.
fn describe_return(image: &crate::link::Image, sites: &super::sites::Sites, addr: u64) -> String {
    let Some(call) = call_before(image, addr) else {
        return describe_code(image, addr);
    };
    let code = match image.nearest_symbol(call.addr) {
        Some((sym, _)) => format!("{}+{}", sym.name, addr - sym.addr),
        None => format!("{addr:#x}"),
    };
    match sites.line_at(call.addr) {
        Some((_, line)) => format!("{code} (line {line})"),
        None => code,
    }
}

fn describe_code(image: &crate::link::Image, addr: u64) -> String {
    match image.nearest_symbol(addr) {
        Some((sym, 0)) => sym.name.clone(),
        Some((sym, off)) => format!("{}+{}", sym.name, off),
        None => format!("{addr:#x}"),
    }
}

/// Does a value of this kind point to a heap block (when not null)?
fn holds_reference(kind: &ValueKind) -> bool {
    matches!(
        kind,
        ValueKind::Str | ValueKind::Task | ValueKind::Array | ValueKind::Object(_)
    )
}

/// An array's element type in a title: `int`, `string`, `Dog`.
fn elem_words(kind: &ValueKind) -> String {
    match kind {
        ValueKind::Int => "int".into(),
        ValueKind::Long => "long".into(),
        ValueKind::Double => "double".into(),
        ValueKind::Bool => "bool".into(),
        ValueKind::Char => "char".into(),
        ValueKind::Str => "string".into(),
        ValueKind::Task => "Task".into(),
        ValueKind::Array => "array".into(),
        ValueKind::Object(class) => class.clone(),
        ValueKind::Enum(_) => "enum".into(),
        ValueKind::Code => "code".into(),
        ValueKind::State => "state".into(),
        ValueKind::Word => "word".into(),
    }
}
