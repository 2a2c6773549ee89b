//! The Asm form: the one list of labels, instructions and data that both the NASM
//! text and the machine-code bytes are derived from.
//!
//! In: items appended through the builder API ([`Asm::label`], [`Asm::emit`],
//! [`Asm::jmp`], [`Asm::lea_sym`], [`Asm::db`], …) by the code generator, or read
//! from `runtime/*.asm` by [`crate::nasm`]. Out: NASM source text
//! ([`Asm::to_nasm`], formatted by iced's `NasmFormatter` with symbol names, never
//! addresses) and bytes at real addresses ([`Asm::assemble`], encoded by iced's
//! `BlockEncoder`). There is never a second, hand-kept copy of either.
//!
//! Symbolic operands: an instruction may name one symbol (a branch/call target, a
//! `[rel sym]` memory operand, or an immediate that is a symbol's address). The
//! stored `Instruction` holds only the addend; the address is patched in when
//! encoding. Branch targets are given to the `BlockEncoder` as fake instruction
//! pointers; short or near is chosen beforehand as NASM chooses (`choose_branch_forms`,
//! in linear time by [`relax`]).
//!
//! Local labels follow NASM: a name starting with `.` belongs to the last non-local
//! label *of the same section* (`Counter.Next` + `.L.else.3` = `Counter.Next.L.else.3`).

pub mod relax;
pub mod role;

pub use role::{FinallyExit, Made, Role};

use crate::source::{FileId, Span};
use iced_x86::{
    Code, Formatter, FormatterOutput, FormatterTextKind, Instruction, MemoryOperand, NasmFormatter,
    OpKind, Register, SymbolResolver, SymbolResult,
};
use rustc_hash::FxHashMap as HashMap;
use std::cell::RefCell;
use std::fmt;
use std::rc::Rc;
use std::sync::Arc;

/// The sections of a program, in address order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Section {
    Text,
    Rodata,
    Data,
    Bss,
    /// The program stack (reserved, zeroed); an unmapped guard page lies below it.
    Stack,
    /// The heap arena of the bump allocator (reserved, zeroed).
    Heap,
}

impl Section {
    pub const ALL: [Section; 6] = [
        Section::Text,
        Section::Rodata,
        Section::Data,
        Section::Bss,
        Section::Stack,
        Section::Heap,
    ];

    /// The ELF section name, e.g. `.rodata`.
    pub fn name(self) -> &'static str {
        match self {
            Section::Text => ".text",
            Section::Rodata => ".rodata",
            Section::Data => ".data",
            Section::Bss => ".bss",
            Section::Stack => ".stack",
            Section::Heap => ".heap",
        }
    }

    pub fn from_name(name: &str) -> Option<Section> {
        Section::ALL.into_iter().find(|s| s.name() == name)
    }

    /// Reserved space only (no bytes in the file).
    pub fn is_nobits(self) -> bool {
        matches!(self, Section::Bss | Section::Stack | Section::Heap)
    }

    /// The NASM `section` line; `.stack` and `.heap` are page-aligned so that the
    /// linker can put a guard page right below the stack.
    fn directive(self) -> &'static str {
        match self {
            Section::Text => "section .text",
            Section::Rodata => "section .rodata align=16",
            Section::Data => "section .data align=16",
            Section::Bss => "section .bss align=16",
            Section::Stack => "section .stack nobits alloc noexec write align=4096",
            Section::Heap => "section .heap nobits alloc noexec write align=4096",
        }
    }

    fn index(self) -> usize {
        self as usize
    }
}

/// Where an instruction comes from, for the source map and the UI.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Origin {
    /// The Flux# (or runtime `.asm`) text this instruction implements.
    pub span: Option<Span>,
    /// The function (or runtime routine) it belongs to, e.g. `Counter.Next`.
    pub function: Arc<str>,
    /// The async state it runs in, if it belongs to a state machine.
    pub state: Option<u32>,
    /// A short explanation in plain words (empty when there is none).
    pub explain: Arc<str>,
    /// What the instruction is for, when that makes an event ([`Role`]).
    pub role: Option<Role>,
}

/// Index of a symbol in an [`Asm`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct SymId(pub u32);

/// How an instruction names a symbol.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RefKind {
    /// A `jmp`/`jcc`/`call` target (must be a label in `.text`).
    Branch,
    /// A `[rel sym]` memory operand.
    Mem,
    /// An immediate holding the symbol's address (`mov rax, sym`).
    Imm,
}

/// The one symbolic operand of an instruction.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SymRef {
    pub kind: RefKind,
    /// The instruction operand it replaces.
    pub operand: u32,
    pub sym: SymId,
    pub addend: i64,
}

/// One instruction with its symbolic operand and origin.
#[derive(Debug, Clone)]
pub struct Insn {
    pub instr: Instruction,
    pub sym: Option<SymRef>,
    pub origin: Origin,
}

impl Insn {
    /// Sets the plain-words explanation shown next to the instruction.
    pub fn explain(&mut self, text: &str) -> &mut Insn {
        self.origin.explain = text.into();
        self
    }

    /// Says what the instruction is for (the typed fact events come from).
    pub fn role(&mut self, role: Role) -> &mut Insn {
        self.origin.role = Some(role);
        self
    }
}

/// Data in `.rodata`, `.data` and the reserved sections.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Data {
    /// `db` bytes (strings included).
    Bytes(Vec<u8>),
    /// `dw`/`dd`/`dq` values of `width` bytes each.
    Ints { width: u8, values: Vec<i64> },
    /// `dw` UTF-16 code units: the text of a string (`dw __utf16__("héllo")`).
    Utf16(Vec<u16>),
    /// `dq sym+addend`: an address (vtable entries, jump tables).
    Addr { sym: SymId, addend: i64 },
    /// Zero padding up to a multiple of this many bytes.
    Align(u64),
    /// `resb n`: reserved zeroed bytes.
    Reserve(u64),
}

/// One entry of a section.
#[derive(Debug, Clone)]
pub enum Item {
    Label(SymId),
    /// A full-line `; …` comment.
    Comment(String),
    Insn(Insn),
    Data(Data),
}

/// A named address.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Symbol {
    /// The full name (`Counter.Next.L.else.3` for a local label).
    pub name: String,
    /// For a local label: its parent label and where `.suffix` starts in `name`.
    pub parent: Option<(SymId, usize)>,
    /// The section that defines it (`None` while only referenced).
    pub section: Option<Section>,
    /// Exported with `global`.
    pub global: bool,
}

/// An error found while building or encoding; `span` when it comes from a source line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AsmError {
    pub message: String,
    pub span: Option<Span>,
}

impl fmt::Display for AsmError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for AsmError {}

/// The Asm form of a whole program (generated code and runtime alike).
#[derive(Debug, Clone)]
pub struct Asm {
    sections: [Vec<Item>; 6],
    symbols: Vec<Symbol>,
    by_name: HashMap<String, SymId>,
    current: Section,
    /// The last non-local label of each section: the parent of `.local` labels.
    scopes: [Option<SymId>; 6],
    origin: Origin,
    next_label: u32,
    errors: Vec<AsmError>,
    /// The role of the next instruction emitted ([`Asm::mark_next`]).
    next_role: Option<Role>,
}

impl Default for Asm {
    fn default() -> Asm {
        Asm::new()
    }
}

impl Asm {
    pub fn new() -> Asm {
        Asm {
            sections: Default::default(),
            symbols: Vec::new(),
            by_name: HashMap::default(),
            current: Section::Text,
            scopes: [None; 6],
            origin: Origin::default(),
            next_label: 0,
            errors: Vec::new(),
            next_role: None,
        }
    }

    /// Appends everything of `other` (a separately read file, such as the
    /// runtime), as if its lines had been read into `self`: symbols are
    /// merged by name, spans moved to `self`'s files with `file`.
    pub fn append(&mut self, other: &Asm, file: impl Fn(FileId) -> FileId) {
        self.append_kept(other, file, &|_| true);
    }

    /// [`Asm::append`] of only the `.text` items `keep` says yes to (by
    /// index in `other`'s `.text`); the labels those left out define are
    /// left out too (nothing kept may refer to them).
    pub fn append_kept(
        &mut self,
        other: &Asm,
        file: impl Fn(FileId) -> FileId,
        keep: &dyn Fn(usize) -> bool,
    ) {
        let mut left_out = vec![false; other.symbols.len()];
        for (i, item) in other.sections[Section::Text.index()].iter().enumerate() {
            if let (Item::Label(id), false) = (item, keep(i)) {
                left_out[id.0 as usize] = true;
            }
        }
        let span = |s: Option<Span>| {
            s.map(|s| Span {
                file: file(s.file),
                ..s
            })
        };
        let mut ids = Vec::with_capacity(other.symbols.len());
        for (i, sym) in other.symbols.iter().enumerate() {
            if left_out[i] {
                ids.push(SymId(u32::MAX)); // never looked up: nothing kept names it
                continue;
            }
            let id = match self.by_name.get(&sym.name) {
                Some(&id) => id,
                None => {
                    let id = SymId(self.symbols.len() as u32);
                    let parent = sym.parent.map(|(p, len)| (ids[p.0 as usize], len));
                    self.symbols.push(Symbol {
                        name: sym.name.clone(),
                        parent,
                        section: None,
                        global: false,
                    });
                    self.by_name.insert(sym.name.clone(), id);
                    id
                }
            };
            let mine = &mut self.symbols[id.0 as usize];
            mine.global |= sym.global;
            if let Some(section) = sym.section {
                if mine.section.is_some() {
                    let message = format!("label `{}` is defined twice", sym.name);
                    self.error(message);
                } else {
                    self.symbols[id.0 as usize].section = Some(section);
                }
            }
            ids.push(id);
        }
        let map = |id: SymId| ids[id.0 as usize];
        for (section, (mine, theirs)) in self.sections.iter_mut().zip(&other.sections).enumerate() {
            let text = section == Section::Text.index();
            let kept = theirs
                .iter()
                .enumerate()
                .filter(|(i, _)| !text || keep(*i))
                .map(|(_, item)| item);
            mine.extend(kept.map(|item| match item {
                Item::Label(id) => Item::Label(map(*id)),
                Item::Comment(text) => Item::Comment(text.clone()),
                Item::Insn(insn) => Item::Insn(Insn {
                    instr: insn.instr,
                    sym: insn.sym.map(|r| SymRef {
                        sym: map(r.sym),
                        ..r
                    }),
                    origin: Origin {
                        span: span(insn.origin.span),
                        ..insn.origin.clone()
                    },
                }),
                Item::Data(Data::Addr { sym, addend }) => Item::Data(Data::Addr {
                    sym: map(*sym),
                    addend: *addend,
                }),
                Item::Data(data) => Item::Data(data.clone()),
            }));
        }
        for (mine, theirs) in self.scopes.iter_mut().zip(other.scopes) {
            *mine = theirs
                .filter(|id| !left_out[id.0 as usize])
                .map(map)
                .or(*mine);
        }
        self.current = other.current;
        self.errors.extend(other.errors.iter().map(|e| AsmError {
            message: e.message.clone(),
            span: span(e.span),
        }));
    }

    // ----- building -------------------------------------------------------------

    /// Makes later items go to `section`.
    pub fn section(&mut self, section: Section) {
        self.current = section;
    }

    pub fn current_section(&self) -> Section {
        self.current
    }

    /// Forgets the local-label parents, as a new source file starts.
    pub fn begin_file(&mut self) {
        self.scopes = [None; 6];
        self.current = Section::Text;
    }

    /// Sets the origin of the instructions emitted from now on (explanation cleared).
    pub fn set_origin(&mut self, span: Option<Span>, function: &str, state: Option<u32>) {
        if &*self.origin.function != function {
            self.origin.function = function.into();
        }
        self.origin.span = span;
        self.origin.state = state;
    }

    /// Changes only the async state of the instructions emitted from now on.
    pub fn set_state(&mut self, state: Option<u32>) {
        self.origin.state = state;
    }

    /// Changes only the source span of the instructions emitted from now on.
    pub fn set_span(&mut self, span: Option<Span>) {
        self.origin.span = span;
    }

    /// A fresh local label name for a role, e.g. `fresh_label("else")` → `.L.else.3`.
    /// Numbers count per `Asm`, so output is the same on every run.
    pub fn fresh_label(&mut self, role: &str) -> String {
        self.next_label += 1;
        format!(".L.{}.{}", role, self.next_label)
    }

    /// Defines a label at the current position; `.name` is local to the last
    /// non-local label of this section.
    pub fn label(&mut self, name: &str) -> SymId {
        let id = self.reference(name);
        let sym = &mut self.symbols[id.0 as usize];
        let local = sym.parent.is_some();
        if sym.section.is_some() {
            let message = format!("label `{}` is defined twice", sym.name);
            self.error(message);
        } else {
            sym.section = Some(self.current);
        }
        if !local {
            self.scopes[self.current.index()] = Some(id);
        }
        self.push(Item::Label(id));
        id
    }

    /// Exports a symbol (`global name`), e.g. `_start`.
    pub fn global(&mut self, name: &str) {
        let id = self.reference(name);
        self.symbols[id.0 as usize].global = true;
    }

    /// Gives the next instruction emitted this role (where a statement
    /// starts, e.g. a `finally` block, whose first instruction the caller
    /// does not emit itself). A role the emitter then sets replaces it.
    pub fn mark_next(&mut self, role: Role) {
        self.next_role = Some(role);
    }

    /// A full-line comment, e.g. `comment("12: int n = a.Length;")` → `; 12: int n = a.Length;`.
    pub fn comment(&mut self, text: impl Into<String>) {
        self.push(Item::Comment(text.into()));
    }

    /// Emits an instruction without symbols (its encoding normalised to the one NASM
    /// picks for its text, so the NASM path yields the very same bytes).
    pub fn emit(&mut self, instr: Instruction) -> &mut Insn {
        self.push_insn(instr, None)
    }

    /// Emits an instruction whose branch target, `[rel …]` memory operand or
    /// immediate (checked in that order) is the address of `name` (+ the value
    /// already in that operand, as addend).
    pub fn emit_sym(&mut self, instr: Instruction, name: &str) -> &mut Insn {
        let Some((kind, operand, addend)) = symbolic_operand(&instr) else {
            self.error(format!(
                "`{:?}` has no operand that can name `{}`",
                instr.code(),
                name
            ));
            return self.push_insn(instr, None);
        };
        let sym = self.reference(name);
        self.push_insn(
            instr,
            Some(SymRef {
                kind,
                operand,
                sym,
                addend,
            }),
        )
    }

    /// Where the next item of the current section will go (for [`Asm::relocate`]).
    pub fn position(&self) -> usize {
        self.sections[self.current.index()].len()
    }

    /// Edits the current section after the fact: removes the items in
    /// `remove`, then moves the items from `tail` (to the end) so that they
    /// start at `to`. `remove` lies before `tail`, and `to` before `remove`.
    /// The code generator uses it to put a check at the top of a function
    /// once the function's body has shown how much stack it needs.
    pub fn relocate(&mut self, remove: std::ops::Range<usize>, tail: usize, to: usize) {
        let items = &mut self.sections[self.current.index()];
        debug_assert!(to <= remove.start && remove.end <= tail && tail <= items.len());
        let moved = items.split_off(tail);
        items.drain(remove);
        items.splice(to..to, moved);
    }

    /// `jmp label`
    pub fn jmp(&mut self, label: &str) -> &mut Insn {
        self.branch(Code::Jmp_rel32_64, label)
    }

    /// `call label`
    pub fn call(&mut self, label: &str) -> &mut Insn {
        self.branch(Code::Call_rel32_64, label)
    }

    /// A branch to a label; `code` is a near form such as `Code::Je_rel32_64`
    /// (the encoder still picks the short form when the target is near).
    pub fn branch(&mut self, code: Code, label: &str) -> &mut Insn {
        match Instruction::with_branch(code, 0) {
            Ok(instr) => self.emit_sym(instr, label),
            Err(e) => {
                self.error(format!("`{:?}` is not a branch: {}", code, e));
                self.push_insn(Instruction::default(), None)
            }
        }
    }

    /// `lea reg, [rel sym]`: the address of a symbol, position-independent.
    pub fn lea_sym(&mut self, reg: Register, sym: &str) -> &mut Insn {
        let mem = MemoryOperand::with_base_displ(Register::RIP, 0);
        self.with_operands(Instruction::with2(Code::Lea_r64_m, reg, mem), sym)
    }

    /// `mov reg, sym`: the address of a symbol as a 64-bit immediate.
    pub fn mov_sym(&mut self, reg: Register, sym: &str) -> &mut Insn {
        self.with_operands(Instruction::with2(Code::Mov_r64_imm64, reg, 0u64), sym)
    }

    /// A `[rel sym]` memory operand for instructions built by hand, e.g.
    /// `Instruction::with2(Code::Cmp_r64_rm64, Register::RSP, Asm::rel(0))`.
    pub fn rel(addend: i64) -> MemoryOperand {
        MemoryOperand::with_base_displ(Register::RIP, addend)
    }

    /// `db` bytes in the current section.
    pub fn db(&mut self, bytes: &[u8]) {
        self.push(Item::Data(Data::Bytes(bytes.to_vec())));
    }

    /// `dw`/`dd`/`dq` values (`width` 2, 4 or 8) in the current section.
    pub fn ints(&mut self, width: u8, values: &[i64]) {
        self.push(Item::Data(Data::Ints {
            width,
            values: values.to_vec(),
        }));
    }

    /// `dq sym+addend` in the current section (vtables, jump tables).
    pub fn dq_sym(&mut self, name: &str, addend: i64) {
        let sym = self.reference(name);
        self.push(Item::Data(Data::Addr { sym, addend }));
    }

    /// Pads the current section to a multiple of `n` bytes.
    pub fn align(&mut self, n: u64) {
        self.push(Item::Data(Data::Align(n)));
    }

    /// Reserves `n` zeroed bytes (`resb`).
    pub fn reserve(&mut self, n: u64) {
        self.push(Item::Data(Data::Reserve(n)));
    }

    /// `dw` UTF-16 code units in the current section.
    pub fn utf16(&mut self, units: &[u16]) {
        self.push(Item::Data(Data::Utf16(units.to_vec())));
    }

    /// A Flux# string literal in `.rodata` (8-aligned), in the string layout:
    /// `label: dq length` (in UTF-16 code units, as C#'s `Length`), then the
    /// code units.
    pub fn string_literal(&mut self, label: &str, text: &str) {
        let units: Vec<u16> = text.encode_utf16().collect();
        let back = self.current;
        self.section(Section::Rodata);
        self.align(8);
        self.label(label);
        self.ints(8, &[units.len() as i64]);
        self.utf16(&units);
        self.section(back);
    }

    // ----- reading --------------------------------------------------------------

    pub fn items(&self, section: Section) -> &[Item] {
        &self.sections[section.index()]
    }

    pub fn symbols(&self) -> &[Symbol] {
        &self.symbols
    }

    pub fn symbol(&self, id: SymId) -> &Symbol {
        &self.symbols[id.0 as usize]
    }

    pub fn lookup(&self, full_name: &str) -> Option<SymId> {
        self.by_name.get(full_name).copied()
    }

    /// Errors recorded while building (also reported by [`Asm::assemble`]).
    pub fn errors(&self) -> &[AsmError] {
        &self.errors
    }

    /// Records an error found while reading source text.
    pub fn push_error(&mut self, error: AsmError) {
        self.errors.push(error);
    }

    /// Number of instructions in `.text`.
    pub fn insn_count(&self) -> usize {
        self.items(Section::Text)
            .iter()
            .filter(|i| matches!(i, Item::Insn(_)))
            .count()
    }

    /// The parent a `.local` name would get now, for readers that check scoping.
    pub fn scope(&self) -> Option<SymId> {
        self.scopes[self.current.index()]
    }

    // ----- internals ------------------------------------------------------------

    fn error(&mut self, message: String) {
        let span = self.origin.span;
        self.errors.push(AsmError { message, span });
    }

    fn push(&mut self, item: Item) {
        let in_text = self.current == Section::Text;
        let ok = match &item {
            Item::Insn(_) => in_text,
            Item::Data(_) => !in_text,
            Item::Label(_) | Item::Comment(_) => true,
        };
        if !ok {
            let what = if in_text { "data" } else { "instructions" };
            self.error(format!(
                "{} are not allowed in {}",
                what,
                self.current.name()
            ));
        }
        self.sections[self.current.index()].push(item);
    }

    fn with_operands(
        &mut self,
        made: Result<Instruction, iced_x86::IcedError>,
        sym: &str,
    ) -> &mut Insn {
        match made {
            Ok(instr) => self.emit_sym(instr, sym),
            Err(e) => {
                self.error(e.to_string());
                self.push_insn(Instruction::default(), None)
            }
        }
    }

    fn push_insn(&mut self, instr: Instruction, sym: Option<SymRef>) -> &mut Insn {
        let symbolic_imm = matches!(
            sym,
            Some(SymRef {
                kind: RefKind::Imm,
                ..
            })
        );
        let instr = match canonical(&instr, symbolic_imm) {
            Ok(canonical) => canonical,
            Err(message) => {
                self.error(message);
                instr
            }
        };
        let origin = Origin {
            explain: "".into(),
            role: self.next_role.take(),
            ..self.origin.clone()
        };
        self.push(Item::Insn(Insn { instr, sym, origin }));
        match self.sections[self.current.index()].last_mut() {
            Some(Item::Insn(insn)) => insn,
            _ => unreachable!("an instruction was just pushed"),
        }
    }

    /// The symbol a name refers to from here (creating it on first use).
    fn reference(&mut self, name: &str) -> SymId {
        let name = name.strip_prefix('$').unwrap_or(name);
        let is_local = name.starts_with('.') && !name.starts_with("..");
        let parent = if is_local { self.scope() } else { None };
        if is_local && parent.is_none() {
            self.error(format!(
                "local label `{}` has no non-local label before it in {}",
                name,
                self.current.name()
            ));
        }
        let full = match parent {
            Some(p) => format!("{}{}", self.symbol(p).name, name),
            None => name.to_string(),
        };
        let parent = parent.map(|p| (p, self.symbol(p).name.len()));
        if let Some(&id) = self.by_name.get(&full) {
            // Named by its full name before its function was emitted (as
            // `Twice$resume.state0` from the starter): it is that local label.
            let sym = &mut self.symbols[id.0 as usize];
            if sym.parent.is_none() && sym.section.is_none() {
                sym.parent = parent;
            }
            return id;
        }
        let id = SymId(self.symbols.len() as u32);
        self.symbols.push(Symbol {
            name: full.clone(),
            parent,
            section: None,
            global: false,
        });
        self.by_name.insert(full, id);
        id
    }
}

/// [`crate::nasm::canonical`], remembered: a program repeats the same few
/// hundred instructions (`push rbp`, `mov rax, [rbp-8]`, …) many times, and
/// finding NASM's encoding tries every form of the mnemonic.
fn canonical(instr: &Instruction, symbolic_imm: bool) -> Result<Instruction, String> {
    thread_local! {
        static SEEN: RefCell<HashMap<(Instruction, bool), Result<Instruction, String>>> =
            RefCell::new(HashMap::default());
    }
    SEEN.with(|seen| {
        if let Some(known) = seen.borrow().get(&(*instr, symbolic_imm)) {
            return known.clone();
        }
        let made = crate::nasm::canonical(instr, symbolic_imm);
        let mut seen = seen.borrow_mut();
        if seen.len() < 1 << 16 {
            seen.insert((*instr, symbolic_imm), made.clone());
        }
        made
    })
}

/// Which operand of a hand-built instruction names the symbol, and its addend.
fn symbolic_operand(instr: &Instruction) -> Option<(RefKind, u32, i64)> {
    let kinds: Vec<OpKind> = instr.op_kinds().collect();
    if let Some(i) = kinds.iter().position(|k| *k == OpKind::NearBranch64) {
        return Some((RefKind::Branch, i as u32, 0));
    }
    if instr.is_ip_rel_memory_operand() {
        let i = kinds.iter().position(|k| *k == OpKind::Memory)?;
        return Some((RefKind::Mem, i as u32, instr.memory_displacement64() as i64));
    }
    let i = kinds.iter().position(|k| is_immediate(*k))?;
    Some((RefKind::Imm, i as u32, instr.immediate(i as u32) as i64))
}

/// Is this operand kind an immediate of any width?
pub(crate) fn is_immediate(kind: OpKind) -> bool {
    matches!(
        kind,
        OpKind::Immediate8
            | OpKind::Immediate16
            | OpKind::Immediate32
            | OpKind::Immediate64
            | OpKind::Immediate8to16
            | OpKind::Immediate8to32
            | OpKind::Immediate8to64
            | OpKind::Immediate32to64
    )
}

// ===== encoding ===================================================================

/// Chooses short or near for every relative `jmp`/`jcc` exactly as NASM 2.16
/// (`-f elf64`, default `-Ox`) does for the `--emit asm` text, so that both
/// encodings agree byte for byte ([`relax::settle`] runs NASM's passes):
///
/// - a jump is short when its target, as known at that moment, is within rel8
///   of the end of the short form: a backward target's value from this pass, a
///   forward target's from the previous pass (unknown in pass 1: short);
/// - in pass 1 a `[rel sym]` operand whose symbol comes later in the file is
///   sized as an absolute address, one byte (a SIB) longer.
///
/// A jump made near thus stays near while its target is 124–127 bytes away
/// (its own 4 extra bytes count in the previous pass), which neither iced's
/// BlockEncoder (which starts near and shrinks) nor a plain optimistic
/// relaxation reproduces; the BlockEncoder is then told to keep these forms.
/// In: the instructions (branch targets as fake IPs), each branch's target
/// instruction index, whether each has a forward `[rel sym]` operand, and the
/// code address (for sizing RIP-relative operands).
fn choose_branch_forms(
    instrs: &mut [Instruction],
    targets: &[Option<usize>],
    forward_mem: &[bool],
    rip: u64,
) -> Result<Vec<u32>, AsmError> {
    let mut encoder = iced_x86::Encoder::new(64);
    let mut size = |instr: &Instruction, code: Code| {
        let mut at_rip = *instr;
        at_rip.set_code(code);
        if targets_itself(instr) {
            at_rip.set_near_branch64(rip);
        }
        let len = encoder.encode(&at_rip, rip).map_err(|e| AsmError {
            message: format!("cannot encode `{}`: {}", instr, e),
            span: None,
        })?;
        Ok::<i64, AsmError>(len as i64)
    };
    // (short, near) sizes of a relaxable jump; (size, size) of anything else.
    let mut sizes = Vec::with_capacity(instrs.len());
    for (instr, target) in instrs.iter().zip(targets) {
        let code = instr.code();
        sizes.push(if target.is_some() && has_short_form(instr) {
            (
                size(instr, code.as_short_branch())?,
                size(instr, code.as_near_branch())?,
            )
        } else {
            let exact = size(instr, code)?;
            (exact, exact)
        });
    }
    let short = relax::settle(&sizes, targets, forward_mem).map_err(|message| AsmError {
        message,
        span: None,
    })?;
    let mut lens = Vec::with_capacity(instrs.len());
    for ((instr, short), (short_len, near_len)) in instrs.iter_mut().zip(short).zip(sizes) {
        if has_short_form(instr) {
            let code = if short {
                instr.code().as_short_branch()
            } else {
                instr.code().as_near_branch()
            };
            instr.set_code(code);
        }
        let len = if short { short_len } else { near_len };
        lens.push(len as u32);
    }
    Ok(lens)
}

/// A `jmp`/`jcc` (which has both a rel8 and a rel32 form; `call` has not).
fn has_short_form(instr: &Instruction) -> bool {
    instr.code().as_short_branch() != instr.code().as_near_branch()
}

/// A relative branch (its target is a fake IP, not encodable as it is).
fn targets_itself(instr: &Instruction) -> bool {
    matches!(
        instr.op0_kind(),
        OpKind::NearBranch16 | OpKind::NearBranch32 | OpKind::NearBranch64
    )
}

/// Branch targets handed to the BlockEncoder: instruction `i` of `.text` gets the
/// fake address `FAKE_IP + i`, far from any real address.
const FAKE_IP: u64 = 1 << 56;

/// Where one instruction of `.text` ended up.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Placed {
    /// Index in `items(Section::Text)`.
    pub item: usize,
    pub addr: u64,
    pub len: u32,
}

/// The result of [`Asm::assemble`]: bytes and addresses of every section and symbol.
#[derive(Debug, Clone)]
pub struct Assembled {
    /// Start address of each section (indexed like [`Section::ALL`]).
    pub bases: [u64; 6],
    /// Size in bytes of each section.
    pub sizes: [u64; 6],
    /// Contents of each section (empty for reserved ones).
    pub bytes: [Vec<u8>; 6],
    /// Every instruction of `.text`, in order.
    pub insns: Vec<Placed>,
    /// Address of every symbol (indexed by [`SymId`]); `None` if never defined.
    pub addrs: Vec<Option<u64>>,
}

impl Assembled {
    pub fn base(&self, section: Section) -> u64 {
        self.bases[section.index()]
    }

    pub fn size(&self, section: Section) -> u64 {
        self.sizes[section.index()]
    }

    pub fn section_bytes(&self, section: Section) -> &[u8] {
        &self.bytes[section.index()]
    }
}

impl Asm {
    /// Encodes everything. `place` receives the size of every section and returns
    /// the start address of every section (the linker's layout policy).
    ///
    /// Two passes: the first lays `.text` out with placeholder addresses to
    /// learn its size and branch forms (symbol addresses never change an
    /// instruction's length: `[rel …]` is always disp32 and `mov reg, sym`
    /// always imm64), the second encodes it with the real ones.
    pub fn assemble(&self, place: impl Fn(&[u64; 6]) -> [u64; 6]) -> Result<Assembled, AsmError> {
        if let Some(e) = self.errors.first() {
            return Err(e.clone());
        }
        self.check_defined()?;
        let mut data_offsets = vec![None; self.symbols.len()];
        let mut sizes = [0u64; 6];
        for section in Section::ALL.into_iter().filter(|s| *s != Section::Text) {
            sizes[section.index()] = self.layout_data(section, &mut data_offsets);
        }
        let placeholder = |_: SymId| Some(0x40_0000);
        let first = self.encode_text(0x40_0000, &placeholder, None)?;
        sizes[0] = first.code.len();
        let bases = place(&sizes);
        let addrs = self.addresses(&bases, &first, &data_offsets);
        let lookup = |id: SymId| addrs[id.0 as usize];
        let text = self.encode_text(bases[0], &lookup, Some((&first.forms, &first.offsets)))?;
        if text.code.len() != first.code.len() {
            return Err(AsmError {
                message: "internal error: code size changed between passes".into(),
                span: None,
            });
        }
        let mut bytes: [Vec<u8>; 6] = Default::default();
        for section in [Section::Rodata, Section::Data] {
            bytes[section.index()] = self.encode_data(section, &lookup)?;
        }
        let insns = self.placed(&text, bases[0]);
        if let CodeBytes::Bytes(code) = text.code {
            bytes[0] = code;
        }
        Ok(Assembled {
            bases,
            sizes,
            bytes,
            insns,
            addrs,
        })
    }

    fn check_defined(&self) -> Result<(), AsmError> {
        match self.symbols.iter().find(|s| s.section.is_none()) {
            None => Ok(()),
            Some(s) => {
                let span = self.first_use(s).and_then(|insn| insn.origin.span);
                Err(AsmError {
                    message: format!("undefined symbol `{}`", s.name),
                    span,
                })
            }
        }
    }

    fn first_use(&self, sym: &Symbol) -> Option<&Insn> {
        let id = self.lookup(&sym.name)?;
        self.items(Section::Text)
            .iter()
            .find_map(|item| match item {
                Item::Insn(insn) if insn.sym.is_some_and(|r| r.sym == id) => Some(insn),
                _ => None,
            })
    }

    /// Offsets of the data labels of one section; returns the section's size.
    fn layout_data(&self, section: Section, offsets: &mut [Option<u64>]) -> u64 {
        let mut at = 0u64;
        for item in self.items(section) {
            match item {
                Item::Label(id) => offsets[id.0 as usize] = Some(at),
                Item::Data(d) => at += data_size(d, at),
                Item::Comment(_) | Item::Insn(_) => {}
            }
        }
        at
    }

    fn addresses(
        &self,
        bases: &[u64; 6],
        text: &EncodedText,
        data: &[Option<u64>],
    ) -> Vec<Option<u64>> {
        let mut addrs: Vec<Option<u64>> = (0..self.symbols.len()).map(|i| data[i]).collect();
        for (id, sym) in self.symbols.iter().enumerate() {
            if let Some(section) = sym.section {
                addrs[id] = addrs[id].map(|off| off + bases[section.index()]);
            }
        }
        for (&id, &offset) in &text.label_offsets {
            addrs[id.0 as usize] = Some(bases[0] + offset);
        }
        addrs
    }

    fn placed(&self, text: &EncodedText, base: u64) -> Vec<Placed> {
        let end = text.code.len() as u32;
        let items = text.insn_items.iter().enumerate();
        items
            .map(|(i, &item)| {
                let start = text.offsets[i];
                let next = text.offsets.get(i + 1).copied().unwrap_or(end);
                Placed {
                    item,
                    addr: base + start as u64,
                    len: next - start,
                }
            })
            .collect()
    }

    /// `.text` at `rip`: with `forms` (each instruction's final code, from
    /// a layout pass) encoded; without, only laid out: the branch forms are
    /// chosen and the offsets summed, no bytes made.
    fn encode_text(
        &self,
        rip: u64,
        addr: &dyn Fn(SymId) -> Option<u64>,
        forms: Option<(&[Code], &[u32])>,
    ) -> Result<EncodedText, AsmError> {
        let items = self.items(Section::Text);
        let mut label_insn: HashMap<SymId, usize> = HashMap::default();
        let mut pending: Vec<SymId> = Vec::new();
        let mut instrs = Vec::new();
        let mut insn_items = Vec::new();
        for (index, item) in items.iter().enumerate() {
            match item {
                Item::Label(id) => pending.push(*id),
                Item::Insn(insn) => {
                    for id in pending.drain(..) {
                        label_insn.insert(id, instrs.len());
                    }
                    instrs.push(self.patched(insn, instrs.len(), addr)?);
                    insn_items.push(index);
                }
                Item::Comment(_) | Item::Data(_) => {}
            }
        }
        // Branches may target labels defined later: patch them now that all are known.
        let mut targets = vec![None; instrs.len()];
        for (i, instr) in instrs.iter_mut().enumerate() {
            let insn = match &items[insn_items[i]] {
                Item::Insn(insn) => insn,
                _ => continue,
            };
            if let Some(r) = insn.sym.filter(|r| r.kind == RefKind::Branch) {
                let Some(&target) = label_insn.get(&r.sym) else {
                    let name = &self.symbol(r.sym).name;
                    let message = format!(
                        "branch target `{}` is not an instruction label in .text",
                        name
                    );
                    return Err(AsmError {
                        message,
                        span: insn.origin.span,
                    });
                };
                instr.set_near_branch64(FAKE_IP + target as u64);
                targets[i] = Some(target);
            }
        }
        let (code, offsets) = match forms {
            None => {
                let forward_mem = self.forward_memory_operands(&insn_items, &label_insn);
                let lens = choose_branch_forms(&mut instrs, &targets, &forward_mem, rip)?;
                let mut offsets = Vec::with_capacity(lens.len());
                let mut at = 0u32;
                for len in lens {
                    offsets.push(at);
                    at += len;
                }
                (CodeBytes::Size(at as u64), offsets)
            }
            Some((forms, offsets)) => {
                // Every form and offset is known from the first pass: each
                // instruction is encoded once, at its address, its branch
                // aimed at its target's.
                let mut encoder = iced_x86::Encoder::try_with_capacity(64, 8 * instrs.len())
                    .map_err(|e| AsmError {
                        message: format!("cannot encode .text: {e}"),
                        span: None,
                    })?;
                let at = |i: usize| rip + u64::from(offsets[i]);
                for (i, (instr, &code)) in instrs.iter_mut().zip(forms).enumerate() {
                    instr.set_code(code);
                    // A branch to a label goes to its instruction; one to a
                    // number (hand-written) keeps the address it names.
                    if let Some(target) = targets[i] {
                        instr.set_near_branch64(at(target));
                    }
                    let len = encoder.encode(instr, at(i)).map_err(|e| AsmError {
                        message: format!("cannot encode `{instr}`: {e}"),
                        span: None,
                    })?;
                    if offsets
                        .get(i + 1)
                        .is_some_and(|&next| at(i) + len as u64 != rip + u64::from(next))
                    {
                        return Err(AsmError {
                            message: format!(
                                "internal error: `{instr}` changed size between passes"
                            ),
                            span: None,
                        });
                    }
                }
                (CodeBytes::Bytes(encoder.take_buffer()), offsets.to_vec())
            }
        };
        let end = code.len();
        let label_offsets = self.text_label_offsets(&label_insn, &pending, &offsets, end);
        Ok(EncodedText {
            forms: instrs.iter().map(Instruction::code).collect(),
            code,
            offsets,
            insn_items,
            label_offsets,
        })
    }

    fn text_label_offsets(
        &self,
        label_insn: &HashMap<SymId, usize>,
        at_end: &[SymId],
        offsets: &[u32],
        end: u64,
    ) -> HashMap<SymId, u64> {
        let mut map: HashMap<SymId, u64> = label_insn
            .iter()
            .map(|(&id, &i)| (id, offsets[i] as u64))
            .collect();
        map.extend(at_end.iter().map(|&id| (id, end)));
        map
    }

    /// For each instruction of `.text`: does it have a `[rel sym]` operand whose
    /// symbol the NASM text defines after it (any data symbol: `.text` comes first)?
    fn forward_memory_operands(
        &self,
        insn_items: &[usize],
        label_insn: &HashMap<SymId, usize>,
    ) -> Vec<bool> {
        let items = self.items(Section::Text);
        let forward = |i: usize| match &items[insn_items[i]] {
            Item::Insn(insn) => insn
                .sym
                .filter(|r| r.kind == RefKind::Mem)
                .is_some_and(|r| label_insn.get(&r.sym).is_none_or(|&at| at > i)),
            _ => false,
        };
        (0..insn_items.len()).map(forward).collect()
    }

    /// The instruction with its fake IP and its symbolic operand filled in.
    fn patched(
        &self,
        insn: &Insn,
        index: usize,
        addr: &dyn Fn(SymId) -> Option<u64>,
    ) -> Result<Instruction, AsmError> {
        let mut instr = insn.instr;
        instr.set_ip(FAKE_IP + index as u64);
        let Some(r) = insn.sym else { return Ok(instr) };
        let value = addr(r.sym).unwrap_or(0).wrapping_add(r.addend as u64);
        let result = match r.kind {
            RefKind::Branch => Ok(()),
            RefKind::Mem => {
                instr.set_memory_displacement64(value);
                Ok(())
            }
            RefKind::Imm => instr.try_set_immediate_u64(r.operand, value),
        };
        result.map_err(|e| AsmError {
            message: e.to_string(),
            span: insn.origin.span,
        })?;
        Ok(instr)
    }

    fn encode_data(
        &self,
        section: Section,
        addr: &dyn Fn(SymId) -> Option<u64>,
    ) -> Result<Vec<u8>, AsmError> {
        let mut out = Vec::new();
        for item in self.items(section) {
            let Item::Data(d) = item else { continue };
            match d {
                Data::Bytes(b) => out.extend_from_slice(b),
                Data::Utf16(units) => out.extend(units.iter().flat_map(|u| u.to_le_bytes())),
                Data::Ints { width, values } => {
                    for v in values {
                        out.extend_from_slice(&v.to_le_bytes()[..*width as usize]);
                    }
                }
                Data::Addr { sym, addend } => {
                    let value = addr(*sym).unwrap_or(0).wrapping_add(*addend as u64);
                    out.extend_from_slice(&value.to_le_bytes());
                }
                Data::Align(_) | Data::Reserve(_) => {
                    let n = data_size(d, out.len() as u64);
                    out.resize(out.len() + n as usize, 0);
                }
            }
        }
        Ok(out)
    }
}

struct EncodedText {
    code: CodeBytes,
    /// Each instruction's final code (short or near for a branch).
    forms: Vec<Code>,
    /// Offset of each instruction from the start of `.text`.
    offsets: Vec<u32>,
    /// Item index of each instruction.
    insn_items: Vec<usize>,
    label_offsets: HashMap<SymId, u64>,
}

/// The bytes of `.text`, or (a layout pass) only their number.
enum CodeBytes {
    Size(u64),
    Bytes(Vec<u8>),
}

impl CodeBytes {
    fn len(&self) -> u64 {
        match self {
            CodeBytes::Size(n) => *n,
            CodeBytes::Bytes(bytes) => bytes.len() as u64,
        }
    }
}

/// Size of one data item placed at offset `at`.
fn data_size(d: &Data, at: u64) -> u64 {
    match d {
        Data::Bytes(b) => b.len() as u64,
        Data::Utf16(units) => 2 * units.len() as u64,
        Data::Ints { width, values } => *width as u64 * values.len() as u64,
        Data::Addr { .. } => 8,
        Data::Align(n) => at.next_multiple_of((*n).max(1)) - at,
        Data::Reserve(n) => *n,
    }
}

// ===== NASM text ==================================================================

/// Formats single instructions as NASM text with symbol names.
pub struct Printer {
    formatter: NasmFormatter,
    current: Rc<RefCell<Option<(u32, String)>>>,
}

impl Default for Printer {
    fn default() -> Printer {
        Printer::new()
    }
}

impl Printer {
    pub fn new() -> Printer {
        let current = Rc::new(RefCell::new(None));
        let resolver = Box::new(NameResolver {
            current: current.clone(),
        });
        let mut formatter = NasmFormatter::with_options(Some(resolver), None);
        let options = formatter.options_mut();
        options.set_space_after_operand_separator(true);
        options.set_number_base(iced_x86::NumberBase::Decimal);
        options.set_signed_immediate_operands(true);
        options.set_show_branch_size(false);
        options.set_first_operand_char_index(8);
        Printer { formatter, current }
    }

    /// The instruction as NASM text; `scope` is the local-label parent in effect
    /// where the text goes (local names print short inside their own scope).
    pub fn insn(&mut self, asm: &Asm, insn: &Insn, scope: Option<SymId>) -> String {
        self.insn_tokens(asm, insn, scope).0
    }

    /// The instruction as NASM text and the kind of each piece of it, as the
    /// formatter wrote them (the x86 pane colours by these kinds).
    pub fn insn_tokens(
        &mut self,
        asm: &Asm,
        insn: &Insn,
        scope: Option<SymId>,
    ) -> (String, Vec<Token>) {
        *self.current.borrow_mut() = insn.sym.map(|r| (r.operand, asm.print_name(r.sym, scope)));
        let mut out = TextOutput::default();
        self.formatter.format(&insn.instr, &mut out);
        (out.text, out.tokens)
    }
}

/// What a piece of an instruction's text is, as the formatter knows it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TokenKind {
    Mnemonic,
    Register,
    Number,
    /// A size or branch keyword (`qword`, `rel`) or a prefix (`rep`).
    Keyword,
    /// A label or function name.
    Symbol,
    /// Brackets, commas, operators, spaces.
    Punctuation,
}

/// A piece of an instruction's text: its kind, and where it ends (a byte
/// offset; it starts where the one before ends).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Token {
    pub kind: TokenKind,
    pub end: u16,
}

/// Splits `text` into its tokens' texts and kinds.
pub fn token_texts<'t>(
    text: &'t str,
    tokens: &'t [Token],
) -> impl Iterator<Item = (TokenKind, &'t str)> + 't {
    let mut start = 0;
    tokens.iter().map(move |t| {
        let piece = &text[start..t.end as usize];
        start = t.end as usize;
        (t.kind, piece)
    })
}

#[derive(Default)]
struct TextOutput {
    text: String,
    tokens: Vec<Token>,
}

impl FormatterOutput for TextOutput {
    fn write(&mut self, text: &str, kind: FormatterTextKind) {
        use FormatterTextKind as K;
        let kind = match kind {
            K::Mnemonic => TokenKind::Mnemonic,
            K::Register => TokenKind::Register,
            K::Number => TokenKind::Number,
            K::Keyword | K::Prefix | K::Directive | K::Decorator => TokenKind::Keyword,
            K::Label | K::Function | K::LabelAddress | K::FunctionAddress | K::Data => {
                TokenKind::Symbol
            }
            _ => TokenKind::Punctuation,
        };
        self.text.push_str(text);
        let end = self.text.len() as u16;
        match self.tokens.last_mut() {
            // Pieces of one kind in a row are one token (`qword` `ptr`…).
            Some(last) if last.kind == kind => last.end = end,
            _ => self.tokens.push(Token { kind, end }),
        }
    }
}

/// Answers the formatter's "is this operand a symbol?" for the current instruction.
struct NameResolver {
    current: Rc<RefCell<Option<(u32, String)>>>,
}

impl SymbolResolver for NameResolver {
    fn symbol(
        &mut self,
        _instruction: &Instruction,
        _operand: u32,
        instruction_operand: Option<u32>,
        _address: u64,
        _address_size: u32,
    ) -> Option<SymbolResult<'_>> {
        let current = self.current.borrow();
        let (operand, name) = current.as_ref()?;
        // The symbol's "address" is 0: the formatter prints `name+addend` itself,
        // because the stored operand holds just the addend.
        (instruction_operand == Some(*operand)).then(|| SymbolResult::with_string(0, name.clone()))
    }
}

impl Asm {
    /// How a symbol is written where `scope` is the local-label parent.
    fn print_name(&self, id: SymId, scope: Option<SymId>) -> String {
        let sym = self.symbol(id);
        let name = match sym.parent {
            Some((parent, at)) if Some(parent) == scope => &sym.name[at..],
            _ => &sym.name,
        };
        escape_name(name)
    }

    /// The whole program as one NASM file: `nasm -f elf64 x.asm && ld x.o -o x`.
    pub fn to_nasm(&self) -> String {
        let mut out = String::from("; Generated by flux-viz: x86-64, NASM syntax.\n");
        out.push_str("; Build: nasm -f elf64 prog.asm -o prog.o && ld prog.o -o prog\n\n");
        out.push_str("bits 64\ndefault rel\n");
        for sym in self.symbols.iter().filter(|s| s.global) {
            out.push_str(&format!("global {}\n", escape_name(&sym.name)));
        }
        let mut printer = Printer::new();
        for section in Section::ALL {
            if !self.items(section).is_empty() {
                out.push('\n');
                out.push_str(section.directive());
                out.push('\n');
                self.print_section(section, &mut printer, &mut out);
            }
        }
        out
    }

    fn print_section(&self, section: Section, printer: &mut Printer, out: &mut String) {
        let mut scope = None;
        let mut after_comment = false;
        let mut previous: Option<&Item> = None;
        for item in self.items(section) {
            match item {
                Item::Label(id) => {
                    if self.symbol(*id).parent.is_none() {
                        scope = Some(*id);
                        if !after_comment {
                            out.push('\n');
                        }
                    }
                    out.push_str(&format!("{}:\n", self.print_name(*id, scope)));
                }
                Item::Comment(text) => {
                    if !after_comment && !matches!(previous, Some(&Item::Label(_))) {
                        out.push('\n');
                    }
                    out.push_str(&format!(
                        ";{}{}\n",
                        if text.is_empty() { "" } else { " " },
                        text
                    ));
                }
                Item::Insn(insn) => {
                    let text = printer.insn(self, insn, scope);
                    push_with_comment(out, &text, &insn.origin.explain);
                }
                Item::Data(d) => {
                    let text = self.data_text(d, section, scope);
                    out.push_str(&format!("    {}\n", text));
                }
            }
            after_comment = matches!(item, Item::Comment(_));
            previous = Some(item);
        }
    }

    fn data_text(&self, d: &Data, section: Section, scope: Option<SymId>) -> String {
        match d {
            Data::Bytes(b) => format!("db {}", bytes_text(b)),
            Data::Utf16(units) => format!("dw {}", utf16_text(units)),
            Data::Ints { width, values } => {
                let kw = match width {
                    1 => "db",
                    2 => "dw",
                    4 => "dd",
                    _ => "dq",
                };
                let list: Vec<String> = values.iter().map(|v| v.to_string()).collect();
                format!("{} {}", kw, list.join(", "))
            }
            Data::Addr { sym, addend } => match addend {
                0 => format!("dq {}", self.print_name(*sym, scope)),
                a => format!("dq {}{:+}", self.print_name(*sym, scope), a),
            },
            Data::Align(n) if section.is_nobits() => format!("alignb {}", n),
            Data::Align(n) => format!("align {}, db 0", n),
            Data::Reserve(n) => format!("resb {}", n),
        }
    }
}

fn push_with_comment(out: &mut String, text: &str, comment: &str) {
    if comment.is_empty() {
        out.push_str(&format!("    {}\n", text));
    } else {
        // At least one space before the `;`, however long the instruction.
        out.push_str(&format!("    {:<39} ; {}\n", text, comment));
    }
}

/// `db` operands: printable runs as "…" strings, other bytes as numbers.
fn bytes_text(bytes: &[u8]) -> String {
    if bytes.is_empty() {
        return "\"\"".into();
    }
    let mut parts = Vec::new();
    let mut run = String::new();
    for &b in bytes {
        if (0x20..0x7f).contains(&b) && b != b'"' {
            run.push(b as char);
        } else {
            if !run.is_empty() {
                parts.push(format!("\"{}\"", std::mem::take(&mut run)));
            }
            parts.push(b.to_string());
        }
    }
    if !run.is_empty() {
        parts.push(format!("\"{}\"", run));
    }
    parts.join(", ")
}

/// `dw` operands for UTF-16 text: printable runs as `__utf16__("…")` (NASM
/// encodes the UTF-8 inside to UTF-16, pairs included), other code units as
/// numbers.
fn utf16_text(units: &[u16]) -> String {
    if units.is_empty() {
        return "__utf16__(\"\")".into();
    }
    let mut parts = Vec::new();
    let mut run = String::new();
    let flush = |run: &mut String, parts: &mut Vec<String>| {
        if !run.is_empty() {
            parts.push(format!("__utf16__(\"{}\")", std::mem::take(run)));
        }
    };
    for unit in char::decode_utf16(units.iter().copied()) {
        match unit {
            Ok(c) if !c.is_control() && c != '"' => run.push(c),
            Ok(c) => {
                flush(&mut run, &mut parts);
                let mut buf = [0u16; 2];
                parts.extend(c.encode_utf16(&mut buf).iter().map(|u| u.to_string()));
            }
            Err(e) => {
                flush(&mut run, &mut parts);
                parts.push(e.unpaired_surrogate().to_string());
            }
        }
    }
    flush(&mut run, &mut parts);
    parts.join(", ")
}

/// NASM reads a name that is also a register or keyword as that keyword unless it
/// is written `$name`.
fn escape_name(name: &str) -> String {
    if crate::nasm::is_reserved_word(name) {
        format!("${}", name)
    } else {
        name.to_string()
    }
}
