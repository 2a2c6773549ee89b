//! The native ways: flux-viz's own ELF, and `--emit asm` through the real
//! `nasm -f elf64` and `ld`, linked at the image's own addresses; plus the byte
//! check of nasm's output against flux-viz's encoder.
//!
//! In: a compiled program (its `Asm`, `Image` and `Sources`). Out: what each
//! executable printed and how it exited ([`Run`]), and for the byte check the
//! number of instructions compared or the first difference, located.

use super::process::{self, Scratch};
use super::Run;
use crate::asm::{Asm, Section};
use crate::link::{Image, MapEntry};
use crate::source::Sources;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Duration;

/// The tools the nasm+ld way needs.
pub const TOOLS: [&str; 2] = ["nasm", "ld"];

/// Writes the image as flux-viz's own ELF into `dir` and runs it.
pub fn run_own_elf(image: &Image, dir: &Scratch, timeout: Duration) -> Result<Run, String> {
    let exe = dir.join("own-elf");
    crate::elf::write_file(image, &exe).map_err(|e| format!("writing {}: {e}", exe.display()))?;
    process::run(&mut Command::new(&exe), timeout)
}

/// `asm.to_nasm()` → `nasm -f elf64` → `ld` with every section placed at the
/// image's address; returns the executable (in `dir`).
pub fn nasm_ld(
    asm: &Asm,
    image: &Image,
    dir: &Scratch,
    timeout: Duration,
) -> Result<PathBuf, String> {
    let (source, object, exe) = (dir.join("prog.asm"), dir.join("prog.o"), dir.join("prog"));
    std::fs::write(&source, asm.to_nasm())
        .map_err(|e| format!("writing {}: {e}", source.display()))?;
    let mut nasm = Command::new("nasm");
    nasm.args(["-f", "elf64", "-o"]).arg(&object).arg(&source);
    process::run_tool(&mut nasm, timeout)?;
    let mut ld = Command::new("ld");
    ld.args(section_starts(image))
        .arg(&object)
        .arg("-o")
        .arg(&exe);
    process::run_tool(&mut ld, timeout)?;
    Ok(exe)
}

/// `--section-start=.text=0x401000` … for every region of the image, so that
/// ld lays the program out exactly as flux-viz's linker did.
pub fn section_starts(image: &Image) -> Vec<String> {
    image
        .regions
        .iter()
        .map(|r| format!("--section-start={}={:#x}", r.section.name(), r.addr))
        .collect()
}

/// Compares the sections of the ELF `exe` (nasm+ld's) with the image: `.text`
/// instruction by instruction, `.rodata` and `.data` byte by byte. Returns the
/// number of instructions compared, or the first difference: the instruction,
/// its address, symbol and source line, and both encodings.
pub fn byte_check(exe: &Path, image: &Image, sources: &Sources) -> Result<usize, String> {
    let file = std::fs::read(exe).map_err(|e| format!("reading {}: {e}", exe.display()))?;
    let text = image
        .region(Section::Text)
        .ok_or("the image has no .text")?;
    let theirs = elf_section(&file, ".text").ok_or("nasm+ld's executable has no .text")?;
    if theirs.0 != text.addr {
        return Err(format!(
            "ld put .text at {:#x}, ours is at {:#x}",
            theirs.0, text.addr
        ));
    }
    compare_text(image, sources, theirs.1)?;
    for section in [Section::Rodata, Section::Data] {
        compare_data(
            image,
            section,
            elf_section(&file, section.name()).map(|s| s.1),
        )?;
    }
    Ok(image.map.len())
}

/// `.text`, instruction by instruction: nasm's instructions are decoded in
/// step with ours (the gaps between instructions kept as ours), so the first
/// instruction nasm encodes with another length is named, not the earlier
/// branch whose displacement that shift changed. With equal lengths all the
/// way, the first instruction whose bytes differ is named.
fn compare_text(image: &Image, sources: &Sources, theirs: &[u8]) -> Result<(), String> {
    let text = image
        .region(Section::Text)
        .ok_or("the image has no .text")?;
    let mut shift: i64 = 0; // nasm's address minus ours, so far
    let mut first_bytes_difference = None;
    for entry in &image.map {
        let at = (entry.addr - text.addr) as i64 + shift;
        let nasm = decode_at(theirs, at, entry.addr.wrapping_add_signed(shift));
        let ours = image.insn_bytes(entry);
        if nasm.len() != ours.len() {
            return Err(difference(
                image,
                sources,
                entry,
                nasm,
                "encodes it in another length",
            ));
        }
        if nasm != ours && first_bytes_difference.is_none() {
            first_bytes_difference = Some((entry, nasm));
        }
        shift += nasm.len() as i64 - ours.len() as i64;
    }
    if let Some((entry, nasm)) = first_bytes_difference {
        return Err(difference(
            image,
            sources,
            entry,
            nasm,
            "encodes it differently",
        ));
    }
    if theirs.len() != text.bytes.len() {
        return Err(format!(
            "byte check: .text is {} bytes from nasm, {} from flux-viz",
            theirs.len(),
            text.bytes.len()
        ));
    }
    Ok(())
}

/// The bytes of the instruction nasm put at file offset `at` (address `ip`);
/// empty past the end.
fn decode_at(theirs: &[u8], at: i64, ip: u64) -> &[u8] {
    let Some(rest) = usize::try_from(at).ok().and_then(|at| theirs.get(at..)) else {
        return &[];
    };
    let len = iced_x86::Decoder::with_ip(64, rest, ip, iced_x86::DecoderOptions::NONE)
        .decode()
        .len();
    &rest[..len.min(rest.len())]
}

/// `byte check: nasm encodes it in another length: `mov eax, 5` at 0x401234
/// <f+4> (f.fs:12): ours …, nasm …`.
fn difference(
    image: &Image,
    sources: &Sources,
    entry: &MapEntry,
    nasm: &[u8],
    how: &str,
) -> String {
    format!(
        "byte check: nasm {how}: `{}` at {}: ours {}, nasm {}",
        entry.text,
        image.describe(entry.addr, sources),
        hex(image.insn_bytes(entry)),
        if nasm.is_empty() {
            "(nothing)".to_string()
        } else {
            hex(nasm)
        }
    )
}

/// A data section: equal bytes (ours zero-padded to nasm's length), or the
/// offset of the first difference and the symbol it belongs to.
fn compare_data(image: &Image, section: Section, theirs: Option<&[u8]>) -> Result<(), String> {
    let Some(ours) = image.region(section) else {
        return match theirs {
            Some(t) if t.iter().any(|&b| b != 0) => Err(format!(
                "byte check: {} only in nasm's output",
                section.name()
            )),
            _ => Ok(()),
        };
    };
    let theirs = theirs.unwrap_or(&[]);
    let at = |i: usize| ours.bytes.get(i).copied().unwrap_or(0);
    let len = theirs.len().max(ours.bytes.len());
    match (0..len).find(|&i| theirs.get(i).copied().unwrap_or(0) != at(i)) {
        None => Ok(()),
        Some(i) => {
            let addr = ours.addr + i as u64;
            let symbol = image
                .nearest_symbol(addr)
                .map_or(String::new(), |(s, off)| format!(" <{}+{}>", s.name, off));
            Err(format!(
                "byte check: {} differs at {addr:#x}{symbol}: ours {:02x}, nasm {:02x}",
                section.name(),
                at(i),
                theirs.get(i).copied().unwrap_or(0)
            ))
        }
    }
}

fn hex(bytes: &[u8]) -> String {
    bytes
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect::<Vec<_>>()
        .join(" ")
}

/// The address and file contents of the section `name` of an ELF64
/// little-endian file (empty for a `nobits` section), read from its section
/// headers; `None` when it is absent or the file is malformed.
pub fn elf_section<'a>(file: &'a [u8], name: &str) -> Option<(u64, &'a [u8])> {
    const SHT_NOBITS: u32 = 8;
    let shoff = le(file, 0x28, 8)? as usize;
    let shentsize = le(file, 0x3a, 2)? as usize;
    let shnum = le(file, 0x3c, 2)? as usize;
    let shstrndx = le(file, 0x3e, 2)? as usize;
    let header = |i: usize| shoff.checked_add(i.checked_mul(shentsize)?);
    let names_at = le(file, header(shstrndx)? + 24, 8)? as usize;
    (0..shnum).find_map(|i| {
        let h = header(i)?;
        let name_at = names_at.checked_add(le(file, h, 4)? as usize)?;
        let section_name = file.get(name_at..)?.split(|&b| b == 0).next()?;
        if section_name != name.as_bytes() {
            return None;
        }
        let addr = le(file, h + 16, 8)?;
        if le(file, h + 4, 4)? as u32 == SHT_NOBITS {
            return Some((addr, &file[..0]));
        }
        let (offset, size) = (le(file, h + 24, 8)? as usize, le(file, h + 32, 8)? as usize);
        Some((addr, file.get(offset..offset.checked_add(size)?)?))
    })
}

/// The little-endian unsigned integer of `width` bytes at `at`.
fn le(file: &[u8], at: usize, width: usize) -> Option<u64> {
    let bytes = file.get(at..at.checked_add(width)?)?;
    Some(bytes.iter().rev().fold(0, |acc, &b| acc << 8 | b as u64))
}
