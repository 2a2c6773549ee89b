//! Image → a static x86-64 Linux ELF executable.
//!
//! In: a linked [`Image`]. Out: the bytes of an `ET_EXEC` file that loads every
//! region at the image's own addresses with the image's own bytes: one `PT_LOAD`
//! per region, so the page between `.bss` and `.stack` stays unmapped (the stack
//! guard), plus `PT_GNU_STACK` to ask for a non-executable stack.
//!
//! A small writer of our own rather than the `object` crate: an executable that
//! only needs program headers is about a hundred bytes of fixed structure, and
//! writing it by hand keeps every byte explainable. There are no section headers,
//! so `objdump -d` does not disassemble the file; `flux-viz compile --emit map`
//! is the listing.

use crate::link::{Image, Region, PAGE};
use std::path::Path;

const EHDR_SIZE: u64 = 64;
const PHDR_SIZE: u64 = 56;
const PT_LOAD: u32 = 1;
const PT_GNU_STACK: u32 = 0x6474_e551;
const PF_X: u32 = 1;
const PF_W: u32 = 2;
const PF_R: u32 = 4;

/// The ELF file for an image.
pub fn write_elf(image: &Image) -> Vec<u8> {
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
    out
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
