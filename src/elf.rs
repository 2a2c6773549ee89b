//! Image → a static x86-64 Linux ELF executable.
//!
//! In: a linked [`Image`]. Out: the bytes of an `ET_EXEC` file that loads every
//! region at the image's own addresses with the image's own bytes: one `PT_LOAD`
//! per region, so the page between `.bss` and `.stack` stays unmapped (the stack
//! guard), plus `PT_GNU_STACK` to ask for a non-executable stack.
//!
//! A small writer of our own rather than the `object` crate: an executable that
//! only needs program headers is about a hundred bytes of fixed structure, and
//! writing it by hand keeps every byte explainable. [`write_elf`] writes no
//! section headers (`flux-viz compile --emit map` is the listing).
//!
//! [`write_elf_debug`] (`build -g`) writes the same bytes and then, after the
//! loaded contents, sections that are not loaded: the debugging sections it is
//! given ([`crate::dwarf`]), a symbol table (`.symtab`/`.strtab`: every
//! function as `STT_FUNC` with its size, every data label as `STT_OBJECT`) and
//! the section header table, one header per region plus those. Only the ELF
//! header's section fields differ from [`write_elf`]'s in the first bytes.

use crate::asm::Section;
use crate::link::{Image, Region, PAGE};
use std::path::Path;

const EHDR_SIZE: u64 = 64;
const PHDR_SIZE: u64 = 56;
const PT_LOAD: u32 = 1;
const PT_GNU_STACK: u32 = 0x6474_e551;
const PF_X: u32 = 1;
const PF_W: u32 = 2;
const PF_R: u32 = 4;

const SHDR_SIZE: u64 = 64;
const SYM_SIZE: u64 = 24;
const SHT_PROGBITS: u32 = 1;
const SHT_SYMTAB: u32 = 2;
const SHT_STRTAB: u32 = 3;
const SHT_NOBITS: u32 = 8;
const SHF_WRITE: u64 = 1;
const SHF_ALLOC: u64 = 2;
const SHF_EXECINSTR: u64 = 4;
const SHN_ABS: u16 = 0xfff1;
const STB_GLOBAL: u8 = 1;
const STT_OBJECT: u8 = 1;
const STT_FUNC: u8 = 2;
/// Where the ELF header keeps the section header offset, count and name table.
const E_SHOFF: usize = 0x28;
const E_SHNUM: usize = 0x3c;
const E_SHSTRNDX: usize = 0x3e;

/// The ELF file for an image.
pub fn write_elf(image: &Image) -> Vec<u8> {
    loaded(image).0
}

/// The ELF file for an image with section headers, a symbol table and the
/// given non-loaded sections (name, contents), e.g. DWARF.
pub fn write_elf_debug(image: &Image, extra: &[(&str, Vec<u8>)]) -> Vec<u8> {
    let (mut out, offsets) = loaded(image);
    let mut sections = Sections::default();
    for (region, &offset) in image.regions.iter().zip(&offsets) {
        sections.add_region(region, offset);
    }
    for (name, bytes) in extra {
        sections.add_file(&mut out, name, SHT_PROGBITS, bytes, 1);
    }
    let (symtab, strtab) = symbol_table(image);
    let strtab_index = sections.headers.len() as u32 + 1;
    let symtab_index = sections.add_file(&mut out, ".symtab", SHT_SYMTAB, &symtab, 8);
    let header = &mut sections.headers[symtab_index];
    header.link = strtab_index;
    header.info = 1; // every symbol after the null one is global
    header.entsize = SYM_SIZE;
    sections.add_file(&mut out, ".strtab", SHT_STRTAB, &strtab, 1);
    sections.finish(&mut out);
    out
}

/// The loaded part of the file (headers and region contents) and each
/// region's file offset.
fn loaded(image: &Image) -> (Vec<u8>, Vec<u64>) {
    let phnum = image.regions.len() as u64 + 1;
    let mut out = header(image.entry, phnum as u16);
    // File contents start on the page after the headers; each region's file
    // offset is congruent to its address modulo the page size, as the loader needs.
    let mut offsets = Vec::new();
    let mut at = (EHDR_SIZE + PHDR_SIZE * phnum).next_multiple_of(PAGE);
    for region in &image.regions {
        let offset = if region.bytes.is_empty() {
            0
        } else {
            at + region.addr % PAGE
        };
        offsets.push(offset);
        if !region.bytes.is_empty() {
            at = (offset + region.bytes.len() as u64).next_multiple_of(PAGE);
        }
    }
    for (region, &offset) in image.regions.iter().zip(&offsets) {
        out.extend(load_header(region, offset));
    }
    out.extend(program_header(PT_GNU_STACK, PF_R | PF_W, 0, 0, 0, 0, 16));
    for (region, &offset) in image.regions.iter().zip(&offsets) {
        if !region.bytes.is_empty() {
            out.resize(offset as usize, 0);
            out.extend_from_slice(&region.bytes);
        }
    }
    (out, offsets)
}

/// One section header's fields (the name is an offset into `.shstrtab`).
#[derive(Default)]
struct SectionHeader {
    name: u32,
    kind: u32,
    flags: u64,
    addr: u64,
    offset: u64,
    size: u64,
    link: u32,
    info: u32,
    align: u64,
    entsize: u64,
}

/// The section headers being collected, starting with the null one, and
/// the section name table.
struct Sections {
    headers: Vec<SectionHeader>,
    names: Vec<u8>,
}

impl Default for Sections {
    fn default() -> Sections {
        Sections {
            headers: vec![SectionHeader::default()],
            names: vec![0],
        }
    }
}

impl Sections {
    fn name(&mut self, name: &str) -> u32 {
        let at = self.names.len() as u32;
        self.names.extend_from_slice(name.as_bytes());
        self.names.push(0);
        at
    }

    /// A loaded region: its bytes are already in the file at `offset`.
    fn add_region(&mut self, region: &Region, offset: u64) {
        let mut flags = SHF_ALLOC;
        if region.write {
            flags |= SHF_WRITE;
        }
        if region.exec {
            flags |= SHF_EXECINSTR;
        }
        let (kind, size) = if region.bytes.is_empty() {
            (SHT_NOBITS, region.size)
        } else {
            (SHT_PROGBITS, region.bytes.len() as u64)
        };
        let header = SectionHeader {
            name: self.name(region.section.name()),
            kind,
            flags,
            addr: region.addr,
            offset,
            size,
            align: if region.section == Section::Text {
                16
            } else {
                8
            },
            ..SectionHeader::default()
        };
        self.headers.push(header);
    }

    /// A section that is not loaded: appends its bytes to the file; returns
    /// its header's index.
    fn add_file(
        &mut self,
        out: &mut Vec<u8>,
        name: &str,
        kind: u32,
        bytes: &[u8],
        align: u64,
    ) -> usize {
        let name = self.name(name);
        self.append(out, name, kind, bytes, align)
    }

    fn append(
        &mut self,
        out: &mut Vec<u8>,
        name: u32,
        kind: u32,
        bytes: &[u8],
        align: u64,
    ) -> usize {
        out.resize((out.len() as u64).next_multiple_of(align) as usize, 0);
        let header = SectionHeader {
            name,
            kind,
            offset: out.len() as u64,
            size: bytes.len() as u64,
            align,
            ..SectionHeader::default()
        };
        out.extend_from_slice(bytes);
        self.headers.push(header);
        self.headers.len() - 1
    }

    /// Appends `.shstrtab` and the header table, and points the ELF header at them.
    fn finish(mut self, out: &mut Vec<u8>) {
        let name = self.name(".shstrtab");
        let names = std::mem::take(&mut self.names);
        let shstrtab = self.append(out, name, SHT_STRTAB, &names, 1);
        out.resize((out.len() as u64).next_multiple_of(8) as usize, 0);
        let shoff = out.len() as u64;
        for h in &self.headers {
            out.extend(section_header(h));
        }
        out[E_SHOFF..E_SHOFF + 8].copy_from_slice(&shoff.to_le_bytes());
        out[E_SHNUM..E_SHNUM + 2].copy_from_slice(&(self.headers.len() as u16).to_le_bytes());
        out[E_SHSTRNDX..E_SHSTRNDX + 2].copy_from_slice(&(shstrtab as u16).to_le_bytes());
    }
}

/// Writes the ELF file and makes it executable.
pub fn write_file(image: &Image, path: &Path) -> std::io::Result<()> {
    std::fs::write(path, write_elf(image))?;
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(path, std::fs::Permissions::from_mode(0o755))?;
    }
    Ok(())
}

/// The 64-byte ELF header of a static x86-64 Linux executable.
fn header(entry: u64, phnum: u16) -> Vec<u8> {
    let mut h = Vec::with_capacity(EHDR_SIZE as usize);
    h.extend_from_slice(b"\x7fELF");
    h.extend_from_slice(&[2, 1, 1, 0]); // 64-bit, little-endian, version 1, System V ABI
    h.extend_from_slice(&[0; 8]); // padding
    h.extend_from_slice(&2u16.to_le_bytes()); // ET_EXEC: fixed addresses
    h.extend_from_slice(&0x3eu16.to_le_bytes()); // EM_X86_64
    h.extend_from_slice(&1u32.to_le_bytes()); // version
    h.extend_from_slice(&entry.to_le_bytes());
    h.extend_from_slice(&EHDR_SIZE.to_le_bytes()); // program headers follow this header
    h.extend_from_slice(&0u64.to_le_bytes()); // no section headers
    h.extend_from_slice(&0u32.to_le_bytes()); // flags
    h.extend_from_slice(&(EHDR_SIZE as u16).to_le_bytes());
    h.extend_from_slice(&(PHDR_SIZE as u16).to_le_bytes());
    h.extend_from_slice(&phnum.to_le_bytes());
    h.extend_from_slice(&64u16.to_le_bytes()); // section header size (none present)
    h.extend_from_slice(&0u16.to_le_bytes()); // section header count
    h.extend_from_slice(&0u16.to_le_bytes()); // section name table index
    h
}

fn load_header(region: &Region, offset: u64) -> Vec<u8> {
    let mut flags = PF_R;
    if region.write {
        flags |= PF_W;
    }
    if region.exec {
        flags |= PF_X;
    }
    let filesz = region.bytes.len() as u64;
    program_header(
        PT_LOAD,
        flags,
        offset,
        region.addr,
        filesz,
        region.size,
        PAGE,
    )
}

fn program_header(
    kind: u32,
    flags: u32,
    offset: u64,
    addr: u64,
    filesz: u64,
    memsz: u64,
    align: u64,
) -> Vec<u8> {
    let mut p = Vec::with_capacity(PHDR_SIZE as usize);
    p.extend_from_slice(&kind.to_le_bytes());
    p.extend_from_slice(&flags.to_le_bytes());
    p.extend_from_slice(&offset.to_le_bytes());
    p.extend_from_slice(&addr.to_le_bytes()); // virtual address
    p.extend_from_slice(&addr.to_le_bytes()); // physical address (unused)
    p.extend_from_slice(&filesz.to_le_bytes());
    p.extend_from_slice(&memsz.to_le_bytes()); // beyond filesz: zero-filled
    p.extend_from_slice(&align.to_le_bytes());
    p
}

fn section_header(h: &SectionHeader) -> Vec<u8> {
    let mut out = Vec::with_capacity(SHDR_SIZE as usize);
    out.extend_from_slice(&h.name.to_le_bytes());
    out.extend_from_slice(&h.kind.to_le_bytes());
    out.extend_from_slice(&h.flags.to_le_bytes());
    out.extend_from_slice(&h.addr.to_le_bytes());
    out.extend_from_slice(&h.offset.to_le_bytes());
    out.extend_from_slice(&h.size.to_le_bytes());
    out.extend_from_slice(&h.link.to_le_bytes());
    out.extend_from_slice(&h.info.to_le_bytes());
    out.extend_from_slice(&h.align.to_le_bytes());
    out.extend_from_slice(&h.entsize.to_le_bytes());
    out
}

/// `.symtab` and `.strtab`: the null symbol, then every function of the
/// image (`STT_FUNC`, sized) and every other non-local label (`STT_OBJECT`,
/// size unknown), all global, each in its region's section (headers 1.. in
/// region order).
fn symbol_table(image: &Image) -> (Vec<u8>, Vec<u8>) {
    let mut symtab = vec![0u8; SYM_SIZE as usize];
    let mut strtab = vec![0u8];
    let section_index = |section: Section| {
        image
            .regions
            .iter()
            .position(|r| r.section == section)
            .map_or(SHN_ABS, |i| i as u16 + 1)
    };
    let mut add = |name: &str, kind: u8, section: Section, value: u64, size: u64| {
        symtab.extend_from_slice(&(strtab.len() as u32).to_le_bytes());
        strtab.extend_from_slice(name.as_bytes());
        strtab.push(0);
        symtab.push(STB_GLOBAL << 4 | kind);
        symtab.push(0); // default visibility
        symtab.extend_from_slice(&section_index(section).to_le_bytes());
        symtab.extend_from_slice(&value.to_le_bytes());
        symtab.extend_from_slice(&size.to_le_bytes());
    };
    for function in image.functions() {
        add(
            function.name,
            STT_FUNC,
            Section::Text,
            function.addr,
            function.size,
        );
    }
    for symbol in image.symbols.iter() {
        if !symbol.local && symbol.section != Section::Text {
            add(&symbol.name, STT_OBJECT, symbol.section, symbol.addr, 0);
        }
    }
    (symtab, strtab)
}
