//! Linking: Asm (generated code + the runtime) → Image.
//!
//! In: the code generator's [`Asm`]; the runtime sources (`runtime/*.asm`, embedded
//! with `include_str!`) are read by [`crate::nasm`] and appended. Out: an [`Image`]:
//! every section's bytes at its fixed address, the symbol table, and the source
//! map (for each instruction: address range, bytes, index, origin), with lookups
//! by address and an `objdump -d -l`-like listing.
//!
//! Layout (the same for the emulator and the native ELF):
//!
//! ```text
//! 0x401000   .text     generated code, then the runtime          r-x
//! next page  .rodata   literals, vtables, messages                r--
//! next page  .data     static fields, heap pointer                rw-
//! next page  .bss                                                 rw-
//! next page  guard     16 MiB + 1 page, never mapped              ---
//! next page  .stack    8 MiB (runtime/start.asm STACK_SIZE)       rw-
//! next page  .heap     128 MiB (HEAP_SIZE), zero-filled           rw-
//! ```

use crate::asm::{token_texts, Asm, Item, Origin, Printer, Section, Token, TokenKind};
use crate::diag::Diagnostic;
use crate::source::{FileId, Sources, Span};
use std::fmt::Write as _;
use std::path::Path;

/// Where `.text` starts (the traditional first page after the ELF headers).
pub const CODE_BASE: u64 = 0x40_1000;
/// Page size: every section starts on a page of its own.
pub const PAGE: u64 = 0x1000;
/// The unmapped gap right below the stack: larger than any single `sub rsp`
/// the code generator emits (`codegen::MAX_ADJUST`), so no adjustment can
/// step over it onto the writable sections below.
pub const GUARD_SIZE: u64 = crate::codegen::MAX_ADJUST + PAGE;
/// The program entry symbol (runtime/start.asm).
pub const ENTRY: &str = "_start";

/// The runtime sources, in link order.
pub const RUNTIME: [(&str, &str); 9] = [
    ("runtime/start.asm", include_str!("../runtime/start.asm")),
    ("runtime/alloc.asm", include_str!("../runtime/alloc.asm")),
    ("runtime/string.asm", include_str!("../runtime/string.asm")),
    ("runtime/print.asm", include_str!("../runtime/print.asm")),
    ("runtime/fail.asm", include_str!("../runtime/fail.asm")),
    ("runtime/async.asm", include_str!("../runtime/async.asm")),
    ("runtime/fiber.asm", include_str!("../runtime/fiber.asm")),
    ("runtime/poll.asm", include_str!("../runtime/poll.asm")),
    ("runtime/math.asm", include_str!("../runtime/math.asm")),
];

/// One mapped region of the image.
#[derive(Debug, Clone)]
pub struct Region {
    pub section: Section,
    pub addr: u64,
    /// Size in bytes (mapped rounded up to whole pages).
    pub size: u64,
    /// Initial contents; shorter than `size` (or empty) means zero-filled.
    pub bytes: Vec<u8>,
    pub write: bool,
    pub exec: bool,
}

impl Region {
    /// The mapped size: whole pages.
    pub fn mapped_size(&self) -> u64 {
        self.size.next_multiple_of(PAGE)
    }
}

/// A named address in the image.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ImageSymbol {
    pub name: String,
    pub addr: u64,
    pub section: Section,
    /// A `.local` label (not used to name code locations).
    pub local: bool,
}

/// One instruction of the source map.
#[derive(Debug, Clone)]
pub struct MapEntry {
    pub addr: u64,
    pub len: u32,
    /// NASM text, with symbol names.
    pub text: String,
    /// What each piece of `text` is (mnemonic, register, …), from the formatter.
    pub tokens: Vec<Token>,
    pub origin: Origin,
}

impl MapEntry {
    /// The pieces of the text with their kinds.
    pub fn token_texts(&self) -> impl Iterator<Item = (TokenKind, &str)> {
        token_texts(&self.text, &self.tokens)
    }

    /// The registers the instruction names, each once, in order.
    pub fn registers(&self) -> Vec<&str> {
        let mut names: Vec<&str> = Vec::new();
        for (kind, text) in self.token_texts() {
            if kind == TokenKind::Register && !names.contains(&text) {
                names.push(text);
            }
        }
        names
    }

    pub fn end(&self) -> u64 {
        self.addr + self.len as u64
    }
}

/// A function of the image: a non-local `.text` label and the bytes up to
/// the next one (or to the end of the last instruction).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Function<'a> {
    pub name: &'a str,
    pub addr: u64,
    pub size: u64,
}

/// A row of the line table: the instruction (its index in the source map)
/// where a run of instructions from one Flux# (file, line, column) begins.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LineRow {
    pub index: usize,
    pub file: FileId,
    pub line: usize,
    pub column: usize,
}

/// A linked program: bytes at fixed addresses, symbols, and the source map.
#[derive(Debug, Clone)]
pub struct Image {
    pub entry: u64,
    /// Mapped regions in address order (empty sections left out).
    pub regions: Vec<Region>,
    /// Sorted by address.
    pub symbols: Vec<ImageSymbol>,
    /// Every instruction, sorted by address; the position is the instruction index.
    pub map: Vec<MapEntry>,
}

/// Appends the runtime to `asm`, registering its files in `sources`. The
/// runtime is read once per process ([`read_runtime`]) and copied in.
pub fn add_runtime(asm: &mut Asm, sources: &mut Sources) -> Result<(), Vec<Diagnostic>> {
    static READ: std::sync::OnceLock<Option<Asm>> = std::sync::OnceLock::new();
    let files: Vec<FileId> = RUNTIME
        .iter()
        .map(|(name, text)| match sources.find_path(Path::new(name)) {
            Some(id) => id,
            None => sources.add(*name, name, text.to_string()),
        })
        .collect();
    match READ.get_or_init(|| read_runtime(&mut Sources::new()).ok()) {
        // Runtime files are added first to a fresh `Sources`: ids 0, 1, ….
        Some(runtime) => {
            let keep = runtime_in_use(runtime, asm);
            asm.append_kept(runtime, |file| files[file.0 as usize], &|i| keep[i]);
        }
        // Only a broken runtime fails; read it again here for diagnostics
        // that point into this program's sources.
        None => {
            for file in files {
                crate::nasm::read(asm, sources, file)?;
            }
        }
    }
    Ok(())
}

/// Which items of the runtime's `.text` the program can reach, as a
/// linker's `--gc-sections` decides with one section per routine: a
/// routine (a global label, the comments above it and its code) is kept
/// when `_start` is in it, the program calls or names it (a symbol the
/// program leaves undefined), the runtime's data holds its address, a kept
/// routine refers to it, or the kept routine just above does not end in
/// `ret` or `jmp` (it runs on into it). So `--emit asm`, the x86-64 pane
/// and the image hold no runtime code the program cannot run, and a small
/// program assembles a small runtime.
fn runtime_in_use(runtime: &Asm, program: &Asm) -> Vec<bool> {
    use iced_x86::FlowControl;
    let items = runtime.items(Section::Text);
    // Each item's routine: a new one starts after the last instruction
    // before each global label.
    let mut routine_of = vec![0usize; items.len()];
    let mut ends_open = Vec::new(); // per routine: does it run on into the next?
                                    // Routines glued together: a local label of one that sits after its
                                    // last instruction (at the next routine's address) keeps both.
    let mut glued = Vec::new();
    let (mut routine, mut start, mut last_insn) = (0, 0, None::<usize>);
    for (i, item) in items.iter().enumerate() {
        match item {
            Item::Label(id) if runtime.symbol(*id).parent.is_none() => {
                if let Some(last) = last_insn.filter(|&l| l >= start) {
                    routine_of[start..=last].fill(routine);
                    let local_between = items[last + 1..i]
                        .iter()
                        .any(|item| matches!(item, Item::Label(_)));
                    if local_between {
                        glued.push(routine);
                    }
                    ends_open.push(!matches!(
                        &items[last],
                        Item::Insn(insn) if matches!(
                            insn.instr.flow_control(),
                            FlowControl::Return | FlowControl::UnconditionalBranch | FlowControl::IndirectBranch
                        )
                    ));
                    routine += 1;
                    start = last + 1;
                }
            }
            Item::Insn(_) => last_insn = Some(i),
            _ => {}
        }
    }
    routine_of[start..].fill(routine);
    ends_open.push(false);
    let routines = routine + 1;
    // Where each symbol is defined, and what each routine refers to.
    let mut defined_in = vec![None; runtime.symbols().len()];
    let mut refers: Vec<Vec<usize>> = vec![Vec::new(); routines];
    for (i, item) in items.iter().enumerate() {
        if let Item::Label(id) = item {
            defined_in[id.0 as usize] = Some(routine_of[i]);
        }
    }
    for &r in &glued {
        refers[r].push(r + 1);
        refers[r + 1].push(r);
    }
    let target = |id: crate::asm::SymId| defined_in[id.0 as usize];
    for (i, item) in items.iter().enumerate() {
        let named = match item {
            Item::Insn(insn) => insn.sym.map(|r| r.sym),
            Item::Data(crate::asm::Data::Addr { sym, .. }) => Some(*sym),
            _ => None,
        };
        if let Some(r) = named.and_then(target) {
            refers[routine_of[i]].push(r);
        }
    }
    let mut work: Vec<usize> = runtime.lookup(ENTRY).and_then(target).into_iter().collect();
    work.extend(
        program
            .symbols()
            .iter()
            .filter(|s| s.section.is_none())
            .filter_map(|s| runtime.lookup(&s.name).and_then(target)),
    );
    for section in Section::ALL.into_iter().filter(|&s| s != Section::Text) {
        work.extend(runtime.items(section).iter().filter_map(|item| match item {
            Item::Data(crate::asm::Data::Addr { sym, .. }) => target(*sym),
            _ => None,
        }));
    }
    let mut used = vec![false; routines];
    while let Some(r) = work.pop() {
        if std::mem::replace(&mut used[r], true) {
            continue;
        }
        work.extend(&refers[r]);
        if ends_open[r] && r + 1 < routines {
            work.push(r + 1);
        }
    }
    routine_of.iter().map(|&r| used[r]).collect()
}

/// For programs written in assembly by hand (tests, benches): vtables with
/// the layout and names the code generator gives those classes (a compiled
/// program has the real ones, from lib/System.fs), so the runtime links.
pub fn hand_written_system_vtables() -> String {
    let mut text = String::from("section .rodata\nalign 8\n");
    for (id, class) in crate::runtime_layout::RUNTIME_CLASSES.iter().enumerate() {
        let name = format!("System.{class}");
        text.push_str(&format!(
            "{class}$vtable:\n    dq {id}, 0, {class}$name\n{class}$name:\n    dq {}\n    dw __utf16__(\"{name}\")\n    align 8, db 0\n",
            name.len()
        ));
    }
    text
}

/// A program written in assembly by hand (tests, benches), with the
/// [`hand_written_system_vtables`], linked with the runtime. On failure,
/// the diagnostics with the sources to render them.
pub fn build_hand_written(
    name: &str,
    text: &str,
) -> Result<(Sources, Asm, Image), (Sources, Vec<Diagnostic>)> {
    let mut sources = Sources::new();
    let file = sources.add(name, name, text.to_string());
    let mut asm = Asm::new();
    if let Err(d) = crate::nasm::read(&mut asm, &sources, file) {
        return Err((sources, d));
    }
    match build_hand_built(asm, &mut sources) {
        Ok((asm, image)) => Ok((sources, asm, image)),
        Err(d) => Err((sources, d)),
    }
}

/// [`build`] for an Asm made without lib/System.fs (by hand, or by a test's
/// builder): adds the [`hand_written_system_vtables`] first.
pub fn build_hand_built(
    mut asm: Asm,
    sources: &mut Sources,
) -> Result<(Asm, Image), Vec<Diagnostic>> {
    let name = "<hand-written system vtables>";
    let file = sources.add(name, name, hand_written_system_vtables());
    crate::nasm::read(&mut asm, sources, file)?;
    build(asm, sources)
}

/// The runtime read into an Asm of its own, its files added to `sources`.
fn read_runtime(sources: &mut Sources) -> Result<Asm, Vec<Diagnostic>> {
    let mut asm = Asm::new();
    for (name, text) in RUNTIME {
        let file = sources.add(name, name, text.to_string());
        crate::nasm::read(&mut asm, sources, file)?;
    }
    Ok(asm)
}

/// The program plus the runtime, linked: returns the combined Asm (for
/// `--emit asm`) and the Image.
pub fn build(mut program: Asm, sources: &mut Sources) -> Result<(Asm, Image), Vec<Diagnostic>> {
    add_runtime(&mut program, sources)?;
    let image = link(&program)?;
    Ok((program, image))
}

/// Section start addresses for the given sizes (see the module comment).
pub fn layout(sizes: &[u64; 6]) -> [u64; 6] {
    let mut bases = [0u64; 6];
    let mut at = CODE_BASE;
    for section in Section::ALL {
        if section == Section::Stack {
            at += GUARD_SIZE;
        }
        bases[section as usize] = at;
        at = (at + sizes[section as usize]).next_multiple_of(PAGE);
    }
    bases
}

/// Lays out and encodes a complete program (one that defines `_start`).
pub fn link(asm: &Asm) -> Result<Image, Vec<Diagnostic>> {
    // The instructions' text names symbols, never addresses: it is written
    // on a second thread while the first lays out and encodes the code.
    let (done, texts) = std::thread::scope(|scope| {
        let texts = scope.spawn(|| instruction_texts(asm));
        let done = asm.assemble(layout);
        (done, texts.join())
    });
    let texts = texts.unwrap_or_else(|panic| std::panic::resume_unwind(panic));
    let done = done.map_err(|e| vec![crate::nasm::diagnostic(&e)])?;
    let entry_id = asm.lookup(ENTRY);
    let entry = entry_id
        .and_then(|id| done.addrs[id.0 as usize])
        .ok_or_else(|| {
            vec![Diagnostic::error(
                Span::default(),
                "the program has no `_start` (is the runtime linked?)",
            )]
        })?;
    let regions = Section::ALL
        .into_iter()
        .filter(|s| done.size(*s) > 0)
        .map(|s| Region {
            section: s,
            addr: done.base(s),
            size: done.size(s),
            bytes: done.section_bytes(s).to_vec(),
            write: matches!(
                s,
                Section::Data | Section::Bss | Section::Stack | Section::Heap
            ),
            exec: s == Section::Text,
        })
        .collect();
    let mut symbols: Vec<ImageSymbol> = asm
        .symbols()
        .iter()
        .enumerate()
        .filter_map(|(i, s)| {
            let addr = done.addrs[i]?;
            Some(ImageSymbol {
                name: s.name.clone(),
                addr,
                section: s.section?,
                local: s.parent.is_some(),
            })
        })
        .collect();
    symbols.sort_by_key(|s| (s.addr, s.local));
    let map = source_map(asm, &done, texts);
    Ok(Image {
        entry,
        regions,
        symbols,
        map,
    })
}

/// The NASM text and tokens of every `.text` instruction, in order.
fn instruction_texts(asm: &Asm) -> Vec<(String, Vec<Token>)> {
    let mut printer = Printer::new();
    let mut scope = None;
    let mut texts = Vec::new();
    for item in asm.items(Section::Text) {
        match item {
            Item::Label(id) if asm.symbol(*id).parent.is_none() => scope = Some(*id),
            Item::Insn(insn) => texts.push(printer.insn_tokens(asm, insn, scope)),
            _ => {}
        }
    }
    texts
}

fn source_map(
    asm: &Asm,
    done: &crate::asm::Assembled,
    texts: Vec<(String, Vec<Token>)>,
) -> Vec<MapEntry> {
    let items = asm.items(Section::Text);
    done.insns
        .iter()
        .zip(texts)
        .filter_map(|(p, (text, tokens))| match &items[p.item] {
            Item::Insn(insn) => Some(MapEntry {
                addr: p.addr,
                len: p.len,
                text,
                tokens,
                origin: insn.origin.clone(),
            }),
            _ => None,
        })
        .collect()
}

impl Image {
    /// `len` bytes at `addr` as the image loads them (zero-filled past a
    /// region's initial contents), if they lie in one region.
    pub fn read(&self, addr: u64, len: u64) -> Option<Vec<u8>> {
        let r = self
            .regions
            .iter()
            .find(|r| addr >= r.addr && addr + len <= r.addr + r.size)?;
        let start = (addr - r.addr) as usize;
        Some(
            (start..start + len as usize)
                .map(|i| r.bytes.get(i).copied().unwrap_or(0))
                .collect(),
        )
    }

    pub fn read_u64(&self, addr: u64) -> Option<u64> {
        let bytes = self.read(addr, 8)?;
        Some(u64::from_le_bytes(bytes.try_into().ok()?))
    }

    /// A string in the runtime's layout (length, then UTF-16 code units) at `addr`.
    pub fn read_string(&self, addr: u64) -> Option<String> {
        let len = self.read_u64(addr)?;
        let bytes = self.read(addr + 8, 2 * len.min(1 << 16))?;
        let units = bytes
            .chunks_exact(2)
            .map(|b| u16::from_le_bytes([b[0], b[1]]));
        Some(String::from_utf16_lossy(&units.collect::<Vec<u16>>()))
    }

    pub fn region(&self, section: Section) -> Option<&Region> {
        self.regions.iter().find(|r| r.section == section)
    }

    /// The address of a symbol by its full name.
    pub fn symbol(&self, name: &str) -> Option<u64> {
        self.symbols.iter().find(|s| s.name == name).map(|s| s.addr)
    }

    /// The non-local symbol at exactly `addr` (symbols are sorted by address).
    pub fn symbol_at(&self, addr: u64) -> Option<&ImageSymbol> {
        let from = self.symbols.partition_point(|s| s.addr < addr);
        self.symbols[from..]
            .iter()
            .take_while(|s| s.addr == addr)
            .find(|s| !s.local)
    }

    /// The index of the instruction covering `addr`.
    pub fn insn_index_at(&self, addr: u64) -> Option<usize> {
        let i = self
            .map
            .partition_point(|e| e.addr <= addr)
            .checked_sub(1)?;
        (addr < self.map[i].end()).then_some(i)
    }

    /// The instruction covering `addr`.
    pub fn insn_at(&self, addr: u64) -> Option<&MapEntry> {
        self.insn_index_at(addr).map(|i| &self.map[i])
    }

    /// The bytes of one instruction.
    pub fn insn_bytes(&self, entry: &MapEntry) -> &[u8] {
        let text = &self.regions[0];
        let start = (entry.addr - text.addr) as usize;
        text.bytes
            .get(start..start + entry.len as usize)
            .unwrap_or(&[])
    }

    /// Every function (generated or runtime) in address order, with its size.
    pub fn functions(&self) -> Vec<Function<'_>> {
        let end = self.map.last().map_or(0, MapEntry::end);
        let labels: Vec<&ImageSymbol> = self
            .symbols
            .iter()
            .filter(|s| s.section == Section::Text && !s.local)
            .collect();
        labels
            .iter()
            .enumerate()
            .map(|(i, s)| Function {
                name: &s.name,
                addr: s.addr,
                size: labels.get(i + 1).map_or(end, |next| next.addr) - s.addr,
            })
            .collect()
    }

    /// The line table of the generated code, shared by `build -g`'s DWARF
    /// and the stepping engine's `n` so that the two agree: within each
    /// function, a row at its first instruction with a Flux# span and at
    /// every instruction whose origin (file, line, column) differs from the
    /// last spanned one before it. An instruction without a span continues
    /// the row before it (an epilogue, a failure stub); instructions before a
    /// function's first span and the runtime's `.asm` code have no row.
    pub fn line_rows(&self, sources: &Sources) -> Vec<LineRow> {
        let mut rows = Vec::new();
        let mut last: Option<(&str, FileId, u32)> = None;
        for (index, entry) in self.map.iter().enumerate() {
            let function = &*entry.origin.function;
            if last.is_some_and(|(f, _, _)| f != function) {
                last = None;
            }
            let Some(span) = entry.origin.span else {
                continue;
            };
            if sources.get(span.file).name.ends_with(".asm") {
                continue;
            }
            if last.is_some_and(|(_, file, start)| (file, start) == (span.file, span.start)) {
                continue;
            }
            last = Some((function, span.file, span.start));
            let (line, column) = sources.get(span.file).line_col(span.start as usize);
            rows.push(LineRow {
                index,
                file: span.file,
                line,
                column,
            });
        }
        rows
    }

    /// The closest non-local symbol at or below `addr`, and the offset from it.
    pub fn nearest_symbol(&self, addr: u64) -> Option<(&ImageSymbol, u64)> {
        let end = self.symbols.partition_point(|s| s.addr <= addr);
        let sym = self.symbols[..end].iter().rev().find(|s| !s.local)?;
        Some((sym, addr - sym.addr))
    }

    /// `file:line` of the source an address comes from.
    pub fn source_line(&self, addr: u64, sources: &Sources) -> Option<(String, usize)> {
        let span = self.insn_at(addr)?.origin.span?;
        let file = sources.files().find(|(id, _)| *id == span.file)?.1;
        Some((file.name.clone(), sources.line(span)))
    }

    /// `0x401234 <rt_alloc+12> (runtime/alloc.asm:20)`, for fault reports.
    pub fn describe(&self, addr: u64, sources: &Sources) -> String {
        let mut out = format!("{:#x}", addr);
        if let Some((sym, off)) = self.nearest_symbol(addr) {
            let _ = write!(out, " <{}+{}>", sym.name, off);
        }
        if let Some((file, line)) = self.source_line(addr, sources) {
            let _ = write!(out, " ({}:{})", file, line);
        }
        out
    }

    /// A disassembly listing like `objdump -d -l`: each symbol, each change of
    /// source line (`file:line: text`), then `address: bytes  instruction`.
    pub fn listing(&self, sources: &Sources) -> String {
        let mut out = String::new();
        let mut symbols = self
            .symbols
            .iter()
            .filter(|s| s.section == Section::Text && !s.local)
            .peekable();
        let mut last_line = None;
        for entry in &self.map {
            while let Some(sym) = symbols.next_if(|s| s.addr <= entry.addr) {
                let _ = writeln!(out, "\n{:016x} <{}>:", sym.addr, sym.name);
            }
            let line = entry.origin.span.map(|s| (s.file, sources.line(s)));
            if line.is_some() && line != last_line {
                let _ = writeln!(out, "{}", source_line_text(sources, entry.origin.span));
                last_line = line;
            }
            let bytes: Vec<String> = self
                .insn_bytes(entry)
                .iter()
                .map(|b| format!("{:02x}", b))
                .collect();
            let _ = writeln!(
                out,
                "  {:x}:\t{:<30}\t{}",
                entry.addr,
                bytes.join(" "),
                entry.text
            );
        }
        out
    }
}

fn source_line_text(sources: &Sources, span: Option<Span>) -> String {
    let Some(span) = span else {
        return String::new();
    };
    let file = sources.get(span.file);
    let line = sources.line(span);
    format!("{}:{}: {}", file.name, line, file.line_text(line).trim())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(text: &str) -> Asm {
        let mut sources = Sources::new();
        let file = sources.add("t.asm", "t.asm", text.to_string());
        let mut asm = Asm::new();
        crate::nasm::read(&mut asm, &sources, file).expect("reads");
        asm
    }

    /// The routines kept, by name, for a program that calls `called`.
    fn kept(runtime: &Asm, called: &str) -> Vec<String> {
        let program = read(&format!(
            "section .text\nmain:\n    call {called}\n    ret\n"
        ));
        let keep = runtime_in_use(runtime, &program);
        runtime
            .items(Section::Text)
            .iter()
            .zip(keep)
            .filter_map(|(item, kept)| match item {
                Item::Label(id) if kept && runtime.symbol(*id).parent.is_none() => {
                    Some(runtime.symbol(*id).name.clone())
                }
                _ => None,
            })
            .collect()
    }

    const RUNTIME: &str = "section .text
_start:
    ret
; unused(): nobody calls it
unused:
    ret
used:
    call helper
    jmp tail
helper:
    test rdi, rdi
    jz .done
    ret
.done:
next_door:
    ret
tail:
    inc rdi
falls_into:
    ret
far:
    ret
section .data
table:
    dq far
";

    #[test]
    fn routines_are_kept_by_calls_jumps_fall_through_data_and_shared_labels() {
        let runtime = read(RUNTIME);
        // `_start` always; `used` by the program's call, `helper` by its
        // call, `tail` by its jump; `next_door` because `helper` jumps to
        // `.done`, at its address; `falls_into` because `tail` runs on into
        // it; `far` by the address the data holds. `unused` goes.
        assert_eq!(
            kept(&runtime, "used"),
            [
                "_start",
                "used",
                "helper",
                "next_door",
                "tail",
                "falls_into",
                "far"
            ]
        );
        // `helper`'s `.done` is `next_door`'s address: one is not linked
        // without the other (the label would lose its routine).
        assert_eq!(
            kept(&runtime, "next_door"),
            ["_start", "helper", "next_door", "far"]
        );
    }
}
