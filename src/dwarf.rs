//! Image → DWARF: the debugging sections of `flux-viz build -g`.
//!
//! In: a linked [`Image`], its [`Sources`], the stepping engine's frame rules
//! ([`Sites`]) and the directory the source names are relative to. Out: the
//! named sections `.debug_abbrev`, `.debug_info`, `.debug_line`, `.debug_str`
//! and `.debug_frame` (written by the `gimli` crate's `write` module), for
//! [`crate::elf::write_elf_debug`] to put beside the symbol table.
//!
//! What they say, and why it makes gdb's `next` the UI's `n`:
//! - one compile unit over `.text` and one `DW_TAG_subprogram` per function
//!   label (generated and runtime), named as the label;
//! - a line table whose rows are [`Image::line_rows`]: from each
//!   instruction's typed origin span (file, line, column), the very rows the
//!   UI's `n` stops at. An instruction without a span continues the row
//!   before it, as the UI treats it (a line-0 row would not say "no line" to
//!   gdb: it ignores such rows). The runtime's `.asm` files get no file
//!   entries and no rows: the UI's `n` never stops on runtime lines, and
//!   gdb's `next` behaves so only for code without line information, which
//!   it steps over (calls) or runs out of (returns) instead of stopping on
//!   its lines;
//! - call frame information from the very CFA rules the UI's `n` compares
//!   ([`Sites::cfa_at`]), so gdb's frame identity is the UI's by
//!   construction, including in prologues, epilogues and at `ret`.

use crate::link::{Function, Image, LineRow};
use crate::machine::sites::{Cfa, Sites};
use crate::source::{FileId, Sources};
use gimli::write::{
    Address, AttributeValue, CallFrameInstruction, CommonInformationEntry, DwarfUnit, EndianVec,
    FrameDescriptionEntry, FrameTable, LineProgram, LineString, Sections,
};
use gimli::{Encoding, Format, LittleEndian, X86_64};
use std::collections::HashMap;
use std::path::Path;

/// One section for the ELF writer: its name and contents.
pub type DebugSection = (&'static str, Vec<u8>);

/// DWARF 5, 32-bit offsets, 8-byte addresses.
const ENCODING: Encoding = Encoding {
    format: Format::Dwarf32,
    version: 5,
    address_size: 8,
};

/// `.debug_frame` uses its own version numbers; 1 is what every consumer reads.
const CFI_ENCODING: Encoding = Encoding {
    format: Format::Dwarf32,
    version: 1,
    address_size: 8,
};

/// DWARF has no language code for C# (DWARF 5's table ends without one, and
/// no vendor value is known to gdb, objdump or perf). Flux# is compiled
/// straight to machine code with no type information in DWARF, so the unit
/// is described as assembler: consumers then show names and lines and make
/// no claims about C-like types or expressions.
const LANGUAGE: gimli::DwLang = gimli::DW_LANG_Mips_Assembler;

/// The debugging sections of `image`; `comp_dir` is the directory relative
/// source names (`lessons/01-calls.fs`) are found from.
pub fn sections(
    image: &Image,
    sources: &Sources,
    sites: &Sites,
    comp_dir: &Path,
) -> gimli::write::Result<Vec<DebugSection>> {
    let functions = image.functions();
    let rows = image.line_rows(sources);
    let main_file = main_file_name(&rows, sources);
    let mut dwarf = DwarfUnit::new(ENCODING);
    let lines = LineTable {
        image,
        sources,
        rows: &rows,
        functions: &functions,
    };
    dwarf.unit.line_program = lines.program(comp_dir, &main_file);
    describe_unit(&mut dwarf, &functions, comp_dir, &main_file);
    let mut out = Sections::new(EndianVec::new(LittleEndian));
    dwarf.write(&mut out)?;
    frame_table(image, sites, &functions).write_debug_frame(&mut out.debug_frame)?;
    let mut named = Vec::new();
    out.for_each(|id, data| {
        if !data.slice().is_empty() {
            named.push((id.name(), data.slice().to_vec()));
        }
        Ok::<(), gimli::write::Error>(())
    })?;
    Ok(named)
}

/// The file of the first row: the unit's name.
fn main_file_name(rows: &[LineRow], sources: &Sources) -> String {
    rows.first().map_or_else(
        || "program.fs".to_string(),
        |row| sources.get(row.file).name.clone(),
    )
}

/// The compile unit and one subprogram per function.
fn describe_unit(dwarf: &mut DwarfUnit, functions: &[Function], comp_dir: &Path, name: &str) {
    let (start, end) = functions
        .first()
        .zip(functions.last())
        .map_or((0, 0), |(a, b)| (a.addr, b.addr + b.size));
    let producer = dwarf
        .strings
        .add(format!("flux-viz {}", env!("CARGO_PKG_VERSION")));
    let unit_name = dwarf.strings.add(name);
    let dir = dwarf.strings.add(comp_dir.to_string_lossy().as_bytes());
    let root = dwarf.unit.root();
    let cu = dwarf.unit.get_mut(root);
    cu.set(gimli::DW_AT_producer, AttributeValue::StringRef(producer));
    cu.set(gimli::DW_AT_language, AttributeValue::Language(LANGUAGE));
    cu.set(gimli::DW_AT_name, AttributeValue::StringRef(unit_name));
    cu.set(gimli::DW_AT_comp_dir, AttributeValue::StringRef(dir));
    cu.set(gimli::DW_AT_low_pc, address(start));
    cu.set(gimli::DW_AT_high_pc, AttributeValue::Udata(end - start));
    for function in functions {
        let name = dwarf.strings.add(function.name);
        let id = dwarf.unit.add(root, gimli::DW_TAG_subprogram);
        let sub = dwarf.unit.get_mut(id);
        sub.set(gimli::DW_AT_name, AttributeValue::StringRef(name));
        sub.set(gimli::DW_AT_external, AttributeValue::Flag(true));
        sub.set(gimli::DW_AT_low_pc, address(function.addr));
        sub.set(gimli::DW_AT_high_pc, AttributeValue::Udata(function.size));
    }
}

fn address(addr: u64) -> AttributeValue {
    AttributeValue::Address(Address::Constant(addr))
}

/// What the line program is made from.
struct LineTable<'a> {
    image: &'a Image,
    sources: &'a Sources,
    rows: &'a [LineRow],
    functions: &'a [Function<'a>],
}

impl LineTable<'_> {
    /// One sequence per function with rows, from its first row to the
    /// function's end; the code before a function's first row (`flux$main`)
    /// and the runtime lie in no sequence: no line information (see the
    /// module comment).
    fn program(&self, comp_dir: &Path, main: &str) -> LineProgram {
        let dir = LineString::String(comp_dir.to_string_lossy().as_bytes().to_vec());
        let mut program = LineProgram::new(
            ENCODING,
            gimli::LineEncoding::default(),
            dir,
            LineString::String(main.as_bytes().to_vec()),
            None,
        );
        let mut files = HashMap::new();
        let mut rows = self.rows.iter().peekable();
        let addr = |row: &LineRow| self.image.map[row.index].addr;
        for function in self.functions {
            let end = function.addr + function.size;
            let mut start = None;
            while let Some(row) = rows.next_if(|r| addr(r) < end) {
                let start = *start.get_or_insert_with(|| {
                    program.begin_sequence(Some(Address::Constant(addr(row))));
                    addr(row)
                });
                let file = *files
                    .entry(row.file)
                    .or_insert_with(|| self.file_entry(&mut program, row.file));
                let out = program.row();
                out.address_offset = addr(row) - start;
                (out.file, out.line, out.column) = (file, row.line as u64, row.column as u64);
                out.is_statement = true;
                program.generate_row();
            }
            if let Some(start) = start {
                program.end_sequence(end - start);
            }
        }
        program
    }

    /// A source file's entry, its name relative to the unit's directory.
    fn file_entry(&self, program: &mut LineProgram, file: FileId) -> gimli::write::FileId {
        let name = self.sources.get(file).name.as_bytes().to_vec();
        let directory = program.default_directory();
        program.add_file(LineString::String(name), directory, None)
    }
}

/// The CFA rule before every instruction of every function, from the
/// stepping engine's table: rsp + k in prologues and epilogues, rbp + 16 in
/// a function's body (with the caller's rbp saved at CFA - 16: `push rbp`
/// comes first). `_start` has no caller: its return address is undefined,
/// which ends gdb's backtrace.
fn frame_table(image: &Image, sites: &Sites, functions: &[Function]) -> FrameTable {
    let mut table = FrameTable::default();
    let mut cie = CommonInformationEntry::new(CFI_ENCODING, 1, -8, X86_64::RA);
    cie.add_instruction(CallFrameInstruction::Cfa(X86_64::RSP, 8));
    cie.add_instruction(CallFrameInstruction::Offset(X86_64::RA, -8));
    cie.add_instruction(CallFrameInstruction::SameValue(X86_64::RBP));
    let cie = table.add_cie(cie);
    for function in functions.iter().filter(|f| f.size > 0) {
        let mut fde =
            FrameDescriptionEntry::new(Address::Constant(function.addr), function.size as u32);
        if function.addr == image.entry {
            fde.add_instruction(0, CallFrameInstruction::Undefined(X86_64::RA));
        }
        let mut rule = Cfa::Rsp(8);
        let end = function.addr + function.size;
        let first = image
            .insn_index_at(function.addr)
            .unwrap_or(image.map.len());
        for entry in image.map[first..].iter().take_while(|e| e.addr < end) {
            let now = cfa_rule(sites, entry.addr);
            if now != rule {
                let offset = (entry.addr - function.addr) as u32;
                for instruction in rule_change(now) {
                    fde.add_instruction(offset, instruction);
                }
                rule = now;
            }
        }
        table.add_fde(cie, fde);
    }
    table
}

/// The engine's rule at an instruction start (rsp + 8, the entry rule, where
/// it knows none).
fn cfa_rule(sites: &Sites, addr: u64) -> Cfa {
    match addr
        .checked_sub(sites.base)
        .and_then(|off| sites.cfa.get(off as usize))
    {
        Some(Cfa::Unknown) | None => Cfa::Rsp(8),
        Some(rule) => *rule,
    }
}

/// The call frame instructions that switch to `rule`. Until `mov rbp, rsp`
/// and after `pop rbp` rbp holds the caller's value (a pushed copy, if any,
/// equals it).
fn rule_change(rule: Cfa) -> Vec<CallFrameInstruction> {
    match rule {
        Cfa::Rbp => vec![
            CallFrameInstruction::Cfa(X86_64::RBP, 16),
            CallFrameInstruction::Offset(X86_64::RBP, -16),
        ],
        Cfa::Rsp(k) => vec![
            CallFrameInstruction::Cfa(X86_64::RSP, k as i32),
            CallFrameInstruction::SameValue(X86_64::RBP),
        ],
        Cfa::Unknown => Vec::new(),
    }
}
