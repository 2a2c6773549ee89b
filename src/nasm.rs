//! Reader for the NASM subset of `runtime/*.asm` (and of flux-viz's own `--emit asm`).
//!
//! In: a source file in [`Sources`] (grammar: `grammar/nasm.pest`). Out: its
//! sections, labels, comments, data and instructions appended to an [`Asm`], or
//! [`Diagnostic`]s pointing at the offending text — never a panic.
//!
//! Instructions are encoded generically: the mnemonic and the operand kinds
//! (register size, memory, immediate that fits) are matched against iced's op-code
//! tables ([`Code`] / `OpCodeInfo`), and among the matching encodings the shortest
//! wins, as NASM's optimiser does. [`canonical`] runs the same matcher on
//! instructions built by the code generator, so text and bytes always agree.

use crate::asm::{Asm, AsmError, Role, Section};
use crate::diag::Diagnostic;
use crate::source::{FileId, Sources, Span};
use iced_x86::{
    Code, Encoder, EncodingKind, Instruction, MemoryOperand, MemorySize, Mnemonic,
    OpCodeOperandKind as K, OpKind, Register,
};
use pest::iterators::Pair;
use pest::Parser;
use std::collections::HashMap;
use std::sync::OnceLock;

#[derive(pest_derive::Parser)]
#[grammar = "grammar/nasm.pest"]
struct NasmParser;

/// Reads one NASM file into `asm` (after what is already there).
pub fn read(asm: &mut Asm, sources: &Sources, file: FileId) -> Result<(), Vec<Diagnostic>> {
    let text = &sources.get(file).text;
    let parsed = NasmParser::parse(Rule::file, text).map_err(|e| vec![parse_error(file, e)])?;
    let mut reader = Reader {
        asm,
        file,
        // The runtime's layout names come from one place (src/runtime_layout.rs).
        equs: crate::runtime_layout::EQUATES
            .iter()
            .map(|e| (e.name.to_string(), e.value))
            .collect(),
        default_rel: false,
        scope: None,
        errors: Vec::new(),
    };
    reader.asm.begin_file();
    for line in parsed.flatten().filter(|p| p.as_rule() == Rule::line) {
        reader.line(line);
    }
    if reader.errors.is_empty() {
        Ok(())
    } else {
        Err(reader.errors)
    }
}

fn parse_error(file: FileId, e: pest::error::Error<Rule>) -> Diagnostic {
    let at = match e.location {
        pest::error::InputLocation::Pos(p) => p,
        pest::error::InputLocation::Span((s, _)) => s,
    };
    Diagnostic::error(
        Span::new(file, at, at + 1),
        "this line is not in flux-viz's NASM subset",
    )
    .with_label("cannot read this")
    .with_note(e.variant.message().to_string())
}

struct Reader<'a> {
    asm: &'a mut Asm,
    file: FileId,
    equs: HashMap<String, i64>,
    default_rel: bool,
    /// The last non-local label in file order: NASM's parent for `.local` names.
    scope: Option<String>,
    errors: Vec<Diagnostic>,
}

type Res<T> = Result<T, Diagnostic>;

const SYMBOL_ARITHMETIC: &str =
    "not encodable: only `symbol + constant`, `register * 1|2|4|8` and constant arithmetic (no division by zero)";

impl Reader<'_> {
    fn span(&self, pair: &Pair<Rule>) -> Span {
        let s = pair.as_span();
        Span::new(self.file, s.start(), s.end())
    }

    fn err(&self, pair: &Pair<Rule>, message: impl Into<String>) -> Diagnostic {
        Diagnostic::error(self.span(pair), message)
    }

    fn line(&mut self, line: Pair<Rule>) {
        let parts: Vec<Pair<Rule>> = line.into_inner().collect();
        let comment = parts
            .iter()
            .find(|p| p.as_rule() == Rule::comment)
            .map(|c| comment_text(c.as_str()));
        let mut statements = 0;
        for part in &parts {
            let before = self.asm.errors().len();
            let result = match part.as_rule() {
                Rule::label_def => self.label(part),
                Rule::comment => Ok(()),
                _ => {
                    statements += 1;
                    self.statement(part, comment.unwrap_or(""))
                }
            };
            // Errors the Asm recorded (e.g. data in .text) belong to this line.
            let recorded = self
                .asm
                .errors()
                .get(before)
                .map(|e| self.err(part, e.message.clone()));
            if let Some(d) = result.err().or(recorded) {
                self.errors.push(d);
            }
        }
        if statements == 0 && parts.len() == 1 {
            if let Some(text) = comment {
                self.asm.comment(text);
            }
        }
    }

    fn label(&mut self, pair: &Pair<Rule>) -> Res<()> {
        let name = pair.as_str().trim_end_matches(':').trim();
        self.check_scope(pair, name)?;
        if !is_local(name) {
            self.scope = Some(name.trim_start_matches('$').to_string());
        }
        self.asm.label(name);
        Ok(())
    }

    /// Our `.local` labels belong to the last label of the *same section*; refuse
    /// text where NASM (which ignores sections here) would decide otherwise.
    fn check_scope(&self, pair: &Pair<Rule>, name: &str) -> Res<()> {
        if !is_local(name) {
            return Ok(());
        }
        let ours = self.asm.scope().map(|id| self.asm.symbol(id).name.clone());
        if ours != self.scope {
            let msg = format!("local label `{}` follows a label of another section; add a label in this section first", name);
            return Err(self.err(pair, msg));
        }
        Ok(())
    }

    fn statement(&mut self, pair: &Pair<Rule>, comment: &str) -> Res<()> {
        let inner: Vec<Pair<Rule>> = pair.clone().into_inner().collect();
        match pair.as_rule() {
            Rule::section_dir => self.section(pair, &inner),
            Rule::global_dir => {
                for name in &inner {
                    self.asm.global(name.as_str());
                }
                Ok(())
            }
            Rule::default_dir => {
                self.default_rel = true;
                Ok(())
            }
            Rule::bits_dir => match self.constant(&inner[0])? {
                64 => Ok(()),
                _ => Err(self.err(pair, "only `bits 64` is supported")),
            },
            Rule::align_dir => self.align(pair, &inner),
            Rule::equ => {
                let value = self.constant(&inner[1])?;
                self.equs.insert(inner[0].as_str().to_string(), value);
                Ok(())
            }
            Rule::times => self.times(&inner),
            Rule::data => self.data(&inner, 1),
            Rule::reserve => self.reserve(&inner),
            Rule::instruction => self.instruction(pair, &inner, comment),
            _ => Err(self.err(pair, "unexpected statement")),
        }
    }

    fn section(&mut self, pair: &Pair<Rule>, inner: &[Pair<Rule>]) -> Res<()> {
        let name = inner[0].as_str();
        let section = Section::from_name(name).ok_or_else(|| {
            self.err(
                pair,
                format!(
                    "unknown section `{}` (known: .text .rodata .data .bss .stack .heap)",
                    name
                ),
            )
        })?;
        self.asm.section(section);
        Ok(())
    }

    fn align(&mut self, pair: &Pair<Rule>, inner: &[Pair<Rule>]) -> Res<()> {
        if self.asm.current_section() == Section::Text {
            return Err(self.err(
                pair,
                "`align` in .text is not supported (NASM would pad with NOPs)",
            ));
        }
        let n = self.constant(&inner[1])?;
        if n <= 0 || (n & (n - 1)) != 0 {
            return Err(self.err(&inner[1], "alignment must be a power of two"));
        }
        self.asm.align(n as u64);
        Ok(())
    }

    fn times(&mut self, inner: &[Pair<Rule>]) -> Res<()> {
        let count = self.constant(&inner[0])?;
        if !(0..=1 << 20).contains(&count) {
            return Err(self.err(&inner[0], "`times` count must be between 0 and 1048576"));
        }
        let data: Vec<Pair<Rule>> = inner[1].clone().into_inner().collect();
        self.data(&data, count as usize)
    }

    /// `db`/`dw`/`dd`/`dq` items, repeated `times` times.
    fn data(&mut self, inner: &[Pair<Rule>], times: usize) -> Res<()> {
        let width = match inner[0].as_str().to_ascii_lowercase().as_str() {
            "db" => 1u8,
            "dw" => 2,
            "dd" => 4,
            _ => 8,
        };
        for _ in 0..times {
            for item in &inner[1..] {
                self.data_item(item, width)?;
            }
        }
        Ok(())
    }

    fn data_item(&mut self, item: &Pair<Rule>, width: u8) -> Res<()> {
        if item.as_rule() == Rule::utf16 {
            if width != 2 {
                return Err(self.err(item, "`__utf16__` is only supported in `dw`"));
            }
            let s = item.clone().into_inner().next().expect("a string").as_str();
            let units: Vec<u16> = s[1..s.len() - 1].encode_utf16().collect();
            self.asm.utf16(&units);
            return Ok(());
        }
        if item.as_rule() == Rule::string {
            if width != 1 {
                return Err(self.err(item, "strings are only supported in `db`"));
            }
            let s = item.as_str();
            self.asm.db(&s.as_bytes()[1..s.len() - 1]);
            return Ok(());
        }
        let value = self.expr(item)?;
        match (value.sym, width) {
            (Some(sym), 8) if value.regs.is_empty() => self.asm.dq_sym(&sym, value.konst),
            (Some(_), _) => return Err(self.err(item, "a symbol's address needs `dq` (8 bytes)")),
            (None, _) if !value.regs.is_empty() => {
                return Err(self.err(item, "registers are not data"))
            }
            (None, 1) => self.asm.db(&[value.konst as u8]),
            (None, w) => self.asm.ints(w, &[value.konst]),
        }
        Ok(())
    }

    fn reserve(&mut self, inner: &[Pair<Rule>]) -> Res<()> {
        let unit = match inner[0].as_str().to_ascii_lowercase().as_str() {
            "resb" => 1,
            "resw" => 2,
            "resd" => 4,
            _ => 8,
        };
        let count = self.constant(&inner[1])?;
        if count < 0 {
            return Err(self.err(&inner[1], "cannot reserve a negative size"));
        }
        self.asm.reserve(count as u64 * unit);
        Ok(())
    }

    fn instruction(&mut self, pair: &Pair<Rule>, inner: &[Pair<Rule>], comment: &str) -> Res<()> {
        let name = inner[0].as_str();
        let mnemonic = mnemonic_by_name(name)
            .ok_or_else(|| self.err(&inner[0], format!("unknown instruction `{}`", name)))?;
        let mut operands = Vec::new();
        let mut symbol = None;
        for op in &inner[1..] {
            let (operand, sym) = self.operand(op)?;
            if sym.is_some() && symbol.is_some() {
                return Err(self.err(op, "at most one operand may name a symbol"));
            }
            symbol = symbol.or(sym);
            operands.push(operand);
        }
        let instr = select(mnemonic, &operands).map_err(|m| self.err(pair, m))?;
        if let Some(sym) = &symbol {
            self.check_scope(pair, sym)?;
        }
        // A comment may start with a role annotation (`; @poll …`): the
        // typed fact for the stepping engine; the rest is the explanation.
        let (role, explain) = match Role::from_annotation(comment) {
            Some(Ok((role, explain))) => (Some(role), explain),
            Some(Err(message)) => return Err(self.err(pair, message)),
            None => (None, comment),
        };
        let function = self.scope.clone().unwrap_or_default();
        self.asm.set_origin(Some(self.span(pair)), &function, None);
        let insn = match &symbol {
            Some(sym) => self.asm.emit_sym(instr, sym),
            None => self.asm.emit(instr),
        };
        insn.explain(explain);
        if let Some(role) = role {
            insn.role(role);
        }
        Ok(())
    }

    /// One operand, and the symbol it names, if any.
    fn operand(&self, pair: &Pair<Rule>) -> Res<(Operand, Option<String>)> {
        let mut size = None;
        for part in pair.clone().into_inner() {
            match part.as_rule() {
                Rule::size_kw => size = size_of_keyword(part.as_str()),
                Rule::memory => return self.memory(&part, size),
                _ => return self.value_operand(&part),
            }
        }
        Err(self.err(pair, "empty operand"))
    }

    fn value_operand(&self, pair: &Pair<Rule>) -> Res<(Operand, Option<String>)> {
        let v = self.expr(pair)?;
        match v.regs.as_slice() {
            [] => Ok((
                Operand::Imm {
                    value: v.konst,
                    symbolic: v.sym.is_some(),
                },
                v.sym,
            )),
            [(r, 1)] if v.konst == 0 && v.sym.is_none() => Ok((Operand::Reg(*r), None)),
            _ => Err(self.err(pair, "registers can only be combined inside [ ]")),
        }
    }

    fn memory(&self, pair: &Pair<Rule>, size: Option<u32>) -> Res<(Operand, Option<String>)> {
        let inner: Vec<Pair<Rule>> = pair.clone().into_inner().collect();
        let rel = inner[0].as_rule() == Rule::rel_kw;
        let v = self.expr(inner.last().unwrap_or(pair))?;
        let (base, index, scale) = self.address_registers(pair, &v.regs)?;
        let rip = v.sym.is_some() && base == Register::None && index == Register::None;
        if v.sym.is_some() && !rip {
            return Err(self.err(
                pair,
                "a symbol can only be addressed as [rel symbol+constant]",
            ));
        }
        if rip && !rel && !self.default_rel {
            return Err(self.err(pair, "write [rel symbol] (or put `default rel` first): absolute addresses are not supported"));
        }
        let base = if rip { Register::RIP } else { base };
        Ok((
            Operand::Mem {
                size,
                base,
                index,
                scale,
                disp: v.konst,
            },
            v.sym,
        ))
    }

    /// Base, index and scale of `[base + index*scale + disp]`.
    fn address_registers(
        &self,
        pair: &Pair<Rule>,
        regs: &[(Register, i64)],
    ) -> Res<(Register, Register, u32)> {
        let bad = || {
            self.err(
                pair,
                "an address is [base + index*scale + displacement] with 64-bit registers",
            )
        };
        if regs.iter().any(|(r, _)| !r.is_gpr64()) {
            return Err(bad());
        }
        match regs {
            [] => Ok((Register::None, Register::None, 1)),
            [(b, 1)] => Ok((*b, Register::None, 1)),
            [(i, s)] if matches!(s, 2 | 4 | 8) => Ok((Register::None, *i, *s as u32)),
            [(b, 1), (i, s)] | [(i, s), (b, 1)] if matches!(s, 1 | 2 | 4 | 8) => {
                Ok((*b, *i, *s as u32))
            }
            _ => Err(bad()),
        }
    }

    fn constant(&self, pair: &Pair<Rule>) -> Res<i64> {
        let v = self.expr(pair)?;
        if v.sym.is_some() || !v.regs.is_empty() {
            return Err(self.err(pair, "expected a constant"));
        }
        Ok(v.konst)
    }

    fn expr(&self, pair: &Pair<Rule>) -> Res<Linear> {
        match pair.as_rule() {
            Rule::expr => self.fold(pair, Rule::add_op, Self::expr),
            Rule::term => self.fold(pair, Rule::mul_op, Self::expr),
            Rule::factor => {
                let mut negate = false;
                let mut value = Linear::default();
                for part in pair.clone().into_inner() {
                    match part.as_rule() {
                        Rule::neg => negate = !negate,
                        _ => value = self.expr(&part)?,
                    }
                }
                let value = if negate { value.scale(-1) } else { Some(value) };
                value.ok_or_else(|| self.err(pair, SYMBOL_ARITHMETIC))
            }
            Rule::number => parse_number(pair.as_str())
                .map(Linear::konst)
                .ok_or_else(|| self.err(pair, "number too large")),
            Rule::char_lit => Ok(Linear::konst(char_value(pair.as_str()))),
            Rule::ident => Ok(self.ident(pair.as_str())),
            _ => Err(self.err(pair, "expected an expression")),
        }
    }

    /// Folds `a op b op c` left to right.
    fn fold(
        &self,
        pair: &Pair<Rule>,
        op_rule: Rule,
        eval: fn(&Self, &Pair<Rule>) -> Res<Linear>,
    ) -> Res<Linear> {
        let mut parts = pair.clone().into_inner();
        let first = parts
            .next()
            .ok_or_else(|| self.err(pair, "empty expression"))?;
        let mut acc = eval(self, &first)?;
        while let (Some(op), Some(rhs)) = (parts.next(), parts.next()) {
            debug_assert_eq!(op.as_rule(), op_rule);
            let r = eval(self, &rhs)?;
            let result = match op.as_str() {
                "+" => acc.add(r),
                "-" => r.scale(-1).and_then(|r| acc.add(r)),
                "*" => acc.mul(r),
                _ => acc.div(r),
            };
            acc = result.ok_or_else(|| self.err(pair, SYMBOL_ARITHMETIC))?;
        }
        Ok(acc)
    }

    fn ident(&self, name: &str) -> Linear {
        if let Some(sym) = name.strip_prefix('$') {
            return Linear::symbol(sym);
        }
        if let Some(r) = register_by_name(name) {
            return Linear {
                regs: vec![(r, 1)],
                ..Linear::default()
            };
        }
        match self.equs.get(name) {
            Some(&v) => Linear::konst(v),
            None => Linear::symbol(name),
        }
    }
}

/// A comment's text without `;` and one following space (indentation inside kept).
fn comment_text(raw: &str) -> &str {
    let text = raw.strip_prefix(';').unwrap_or(raw);
    text.strip_prefix(' ').unwrap_or(text).trim_end()
}

fn is_local(name: &str) -> bool {
    name.starts_with('.') && !name.starts_with("..")
}

fn size_of_keyword(kw: &str) -> Option<u32> {
    match kw.to_ascii_lowercase().as_str() {
        "byte" => Some(1),
        "word" => Some(2),
        "dword" => Some(4),
        "qword" => Some(8),
        _ => None, // `short` / `near`: the encoder picks the branch form itself
    }
}

fn parse_number(text: &str) -> Option<i64> {
    let lower = text.to_ascii_lowercase();
    let value = if let Some(hex) = lower.strip_prefix("0x") {
        u64::from_str_radix(hex, 16).ok()?
    } else if let Some(hex) = lower.strip_suffix('h') {
        u64::from_str_radix(hex, 16).ok()?
    } else {
        lower.parse::<u64>().ok()?
    };
    Some(value as i64)
}

/// NASM character constants: the bytes little-endian, `'ab'` = 0x6261.
fn char_value(text: &str) -> i64 {
    let bytes = &text.as_bytes()[1..text.len() - 1];
    bytes
        .iter()
        .take(8)
        .rev()
        .fold(0i64, |acc, &b| (acc << 8) | b as i64)
}

/// A value `konst + Σ coeff·register + symbol`.
#[derive(Debug, Clone, Default, PartialEq)]
struct Linear {
    konst: i64,
    regs: Vec<(Register, i64)>,
    sym: Option<String>,
}

impl Linear {
    fn konst(v: i64) -> Linear {
        Linear {
            konst: v,
            ..Linear::default()
        }
    }

    fn symbol(name: &str) -> Linear {
        Linear {
            sym: Some(name.to_string()),
            ..Linear::default()
        }
    }

    fn is_const(&self) -> bool {
        self.regs.is_empty() && self.sym.is_none()
    }

    /// `None` when both sides name a symbol (not encodable).
    fn add(mut self, other: Linear) -> Option<Linear> {
        if self.sym.is_some() && other.sym.is_some() {
            return None;
        }
        self.konst = self.konst.wrapping_add(other.konst);
        for (r, c) in other.regs {
            match self.regs.iter_mut().find(|(x, _)| *x == r) {
                Some(entry) => entry.1 += c,
                None => self.regs.push((r, c)),
            }
        }
        self.regs.retain(|(_, c)| *c != 0);
        self.sym = self.sym.or(other.sym);
        Some(self)
    }

    /// `None` when a symbol would be scaled or negated (not encodable).
    fn scale(mut self, k: i64) -> Option<Linear> {
        if k != 1 && self.sym.is_some() {
            return None;
        }
        self.konst = self.konst.wrapping_mul(k);
        self.regs.iter_mut().for_each(|(_, c)| *c *= k);
        Some(self)
    }

    fn mul(self, other: Linear) -> Option<Linear> {
        match (self.is_const(), other.is_const()) {
            (_, true) => self.scale(other.konst),
            (true, false) => other.scale(self.konst),
            _ => None,
        }
    }

    fn div(self, other: Linear) -> Option<Linear> {
        (self.is_const() && other.is_const() && other.konst != 0)
            .then(|| Linear::konst(self.konst / other.konst))
    }
}

// ===== the generic encoding matcher ================================================

/// An operand as NASM text states it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Operand {
    Reg(Register),
    /// `size [base + index*scale + disp]`; `base` RIP: `disp` is the absolute target.
    Mem {
        size: Option<u32>,
        base: Register,
        index: Register,
        scale: u32,
        disp: i64,
    },
    /// A number, or a symbol's address (`symbolic`, value = addend) whose size
    /// the assembler cannot shrink.
    Imm {
        value: i64,
        symbolic: bool,
    },
}

/// Re-derives an instruction built by hand through the matcher, giving exactly
/// the encoding NASM picks for its text (e.g. `mov rax, 5` → `mov eax, 5`).
pub(crate) fn canonical(instr: &Instruction, symbolic_imm: bool) -> Result<Instruction, String> {
    let mut ops = Vec::new();
    for (i, kind) in instr.op_kinds().enumerate() {
        let op = match kind {
            OpKind::Register => Operand::Reg(instr.op_register(i as u32)),
            OpKind::Memory => Operand::Mem {
                size: Some(instr.memory_size().size() as u32).filter(|s| *s > 0),
                base: instr.memory_base(),
                index: instr.memory_index(),
                scale: instr.memory_index_scale(),
                disp: instr.memory_displacement64() as i64,
            },
            OpKind::NearBranch64 => Operand::Imm {
                value: instr.near_branch64() as i64,
                symbolic: false,
            },
            _ if crate::asm::is_immediate(kind) => Operand::Imm {
                value: instr.immediate(i as u32) as i64,
                symbolic: symbolic_imm,
            },
            _ => {
                return Err(format!(
                    "`{:?}` is not in flux-viz's NASM subset",
                    instr.code()
                ))
            }
        };
        ops.push(op);
    }
    select(instr.mnemonic(), &ops)
}

/// Picks the encoding NASM would: among the op codes of `mnemonic` whose operand
/// kinds accept `ops`, the shortest (the first in iced's table on a tie).
pub(crate) fn select(mnemonic: Mnemonic, ops: &[Operand]) -> Result<Instruction, String> {
    let ops = nasm_rewrite(mnemonic, ops)?;
    let codes = op_code_table()
        .get(&mnemonic)
        .map(Vec::as_slice)
        .unwrap_or(&[]);
    let mut fits: Vec<(Code, Instruction, usize)> = codes
        .iter()
        .filter_map(|&code| {
            let instr = build(code, &ops)?;
            let len = encoded_len(&instr)?;
            Some((code, instr, len))
        })
        .collect();
    let symbolic = ops
        .iter()
        .any(|o| matches!(o, Operand::Imm { symbolic: true, .. }));
    if symbolic
        && fits
            .iter()
            .any(|(c, _, _)| c.op_code().op_kinds().contains(&K::imm64))
    {
        // NASM gives a symbol's address in a 64-bit register all 64 bits.
        fits.retain(|(c, _, _)| c.op_code().op_kinds().contains(&K::imm64));
    }
    check_size_given(&ops, &fits)?;
    fits.iter()
        .min_by_key(|(_, _, len)| *len)
        .map(|(_, instr, _)| *instr)
        .ok_or_else(|| {
            format!(
                "no encoding of `{}` takes these operands",
                mnemonic_name(mnemonic)
            )
        })
}

/// The rewrites NASM's optimiser makes before it picks an encoding:
/// - `mov r64, imm` with a value that zero-extends from 32 bits → `mov r32, imm32`;
/// - `[reg*2+disp]` without a base → `[reg+reg*1+disp]` (no 32-bit displacement);
/// - `xchg` is symmetric: NASM uses the accumulator short form in either order
///   and takes `reg, [mem]` as `[mem], reg`. Two other registers are refused,
///   because NASM and iced put them in the ModRM fields the other way round.
fn nasm_rewrite(mnemonic: Mnemonic, ops: &[Operand]) -> Result<Vec<Operand>, String> {
    use Operand::{Imm, Mem, Reg};
    let ops: Vec<Operand> = ops.iter().map(split_scale_two).collect();
    Ok(match ops.as_slice() {
        [Reg(r), Imm {
            value,
            symbolic: false,
        }] if mnemonic == Mnemonic::Mov
            && r.is_gpr64()
            && (0..=u32::MAX as i64).contains(value) =>
        {
            vec![Reg(r.full_register32()), ops[1]]
        }
        [Reg(a), Reg(b)] if mnemonic == Mnemonic::Xchg => {
            match (is_accumulator(*a), is_accumulator(*b)) {
                (true, _) => vec![ops[1], ops[0]],
                (false, true) => ops,
                _ => {
                    return Err(
                        "`xchg` of two registers other than rax is not supported (use mov)".into(),
                    )
                }
            }
        }
        [Reg(_), Mem { .. }] if mnemonic == Mnemonic::Xchg => vec![ops[1], ops[0]],
        _ => x87_implicit(mnemonic, ops),
    })
}

/// NASM's implicit x87 operands, which iced's NASM formatter also leaves
/// out: `faddp` is `faddp st1, st0`, `fxch` is `fxch st0, st1`,
/// `fmul st2` (no one-operand form) is `fmul st0, st2`, and `faddp st2`
/// is `faddp st2, st0`.
fn x87_implicit(mnemonic: Mnemonic, ops: Vec<Operand>) -> Vec<Operand> {
    use Operand::Reg;
    let has = |kinds: &[K]| {
        op_code_table()
            .get(&mnemonic)
            .is_some_and(|codes| codes.iter().any(|c| c.op_code().op_kinds() == kinds))
    };
    match ops.as_slice() {
        [] if has(&[K::sti_opcode, K::st0]) => vec![Reg(Register::ST1), Reg(Register::ST0)],
        [] if has(&[K::st0, K::sti_opcode]) => vec![Reg(Register::ST0), Reg(Register::ST1)],
        [Reg(r)] if r.is_st() && !has(&[K::sti_opcode]) && has(&[K::st0, K::sti_opcode]) => {
            vec![Reg(Register::ST0), Reg(*r)]
        }
        // `faddp st2` is `faddp st2, st0`.
        [Reg(r)] if r.is_st() && !has(&[K::sti_opcode]) && has(&[K::sti_opcode, K::st0]) => {
            vec![Reg(*r), Reg(Register::ST0)]
        }
        _ => ops,
    }
}

fn is_accumulator(r: Register) -> bool {
    matches!(r, Register::RAX | Register::EAX | Register::AX)
}

fn split_scale_two(op: &Operand) -> Operand {
    match *op {
        Operand::Mem {
            size,
            base: Register::None,
            index,
            scale: 2,
            disp,
        } => Operand::Mem {
            size,
            base: index,
            index,
            scale: 1,
            disp,
        },
        other => other,
    }
}

/// A memory operand without a size keyword must get its size from the other
/// operands (`inc [rax]` is ambiguous, `mov [rax], rbx` is not).
fn check_size_given(ops: &[Operand], fits: &[(Code, Instruction, usize)]) -> Result<(), String> {
    if !ops
        .iter()
        .any(|o| matches!(o, Operand::Mem { size: None, .. }))
    {
        return Ok(());
    }
    let mut sizes: Vec<usize> = fits
        .iter()
        .map(|(_, i, _)| i.memory_size().size())
        .collect();
    sizes.sort_unstable();
    sizes.dedup();
    if sizes.len() > 1 {
        return Err("operation size not specified: add byte, word, dword or qword".into());
    }
    Ok(())
}

fn encoded_len(instr: &Instruction) -> Option<usize> {
    Encoder::new(64).encode(instr, 0x40_1000).ok()
}

/// The instruction `code` with `ops`, if its operand kinds accept them.
fn build(code: Code, ops: &[Operand]) -> Option<Instruction> {
    let info = code.op_code();
    let kinds = info.op_kinds();
    if kinds.len() != ops.len() || !kinds.iter().zip(ops).all(|(k, o)| accepts(*k, o)) {
        return None;
    }
    // As NASM: a 16-bit operand size (66h prefix) only when an operand says so;
    // `push 1000` pushes a qword, not the shorter-encoded word.
    if info.operand_size() == 16 && !ops.iter().any(is_16_bit) {
        return None;
    }
    let mut instr = match kinds.first() {
        Some(K::br64_4) => Instruction::with_branch(code, op_value(&ops[0]) as u64).ok()?,
        _ => with_operands(code, kinds, ops)?,
    };
    if let Some(Operand::Mem { size: Some(s), .. }) =
        ops.iter().find(|o| matches!(o, Operand::Mem { .. }))
    {
        let own = instr.memory_size().size() as u32;
        if own != 0 && own != *s {
            return None;
        }
    }
    instr.set_ip(0);
    Some(instr)
}

fn is_16_bit(op: &Operand) -> bool {
    match op {
        Operand::Reg(r) => r.is_gpr16(),
        Operand::Mem { size, .. } => *size == Some(2),
        Operand::Imm { .. } => false,
    }
}

fn op_value(op: &Operand) -> i64 {
    match op {
        Operand::Imm { value, .. } => *value,
        _ => 0,
    }
}

/// Builds the instruction through iced's typed constructors.
fn with_operands(code: Code, kinds: &[K], ops: &[Operand]) -> Option<Instruction> {
    use Operand::{Imm, Mem, Reg};
    let imm = |i: usize| imm32(normalize(kinds[i], op_value(&ops[i])));
    let made = match ops {
        [] => Ok(Instruction::with(code)),
        [Reg(r)] => Instruction::with1(code, *r),
        [m @ Mem { .. }] => Instruction::with1(code, memory(m)),
        [Imm { .. }] => Instruction::with1(code, imm(0)?),
        [Reg(a), Reg(b)] => Instruction::with2(code, *a, *b),
        [Reg(r), m @ Mem { .. }] => Instruction::with2(code, *r, memory(m)),
        [m @ Mem { .. }, Reg(r)] => Instruction::with2(code, memory(m), *r),
        [Reg(r), Imm { .. }] => {
            Instruction::with2(code, *r, normalize(kinds[1], op_value(&ops[1])))
        }
        [m @ Mem { .. }, Imm { .. }] => Instruction::with2(code, memory(m), imm(1)?),
        [Reg(a), Reg(b), Imm { .. }] => Instruction::with3(code, *a, *b, imm(2)?),
        [Reg(a), m @ Mem { .. }, Imm { .. }] => Instruction::with3(code, *a, memory(m), imm(2)?),
        _ => return None,
    };
    made.ok()
}

fn imm32(v: i64) -> Option<i32> {
    i32::try_from(v)
        .ok()
        .or_else(|| u32::try_from(v).ok().map(|u| u as i32))
}

fn memory(op: &Operand) -> MemoryOperand {
    let Operand::Mem {
        base,
        index,
        scale,
        disp,
        ..
    } = *op
    else {
        return MemoryOperand::default();
    };
    let displ_size = if disp != 0 || base == Register::RIP {
        1
    } else {
        0
    };
    MemoryOperand::new(base, index, scale, disp, displ_size, false, Register::None)
}

/// Does an operand fit an op-code operand kind?
fn accepts(kind: K, op: &Operand) -> bool {
    match *op {
        Operand::Reg(r) => accepts_reg(kind, r),
        Operand::Mem { .. } => {
            matches!(
                kind,
                K::mem
                    | K::r8_or_mem
                    | K::r16_or_mem
                    | K::r32_or_mem
                    | K::r64_or_mem
                    | K::xmm_or_mem
            )
        }
        Operand::Imm { value, symbolic } => accepts_imm(kind, value, symbolic),
    }
}

fn accepts_reg(kind: K, r: Register) -> bool {
    match kind {
        K::r8_reg | K::r8_opcode | K::r8_or_mem => r.is_gpr8(),
        K::r16_reg | K::r16_opcode | K::r16_rm | K::r16_or_mem => r.is_gpr16(),
        K::r32_reg | K::r32_opcode | K::r32_rm | K::r32_or_mem => r.is_gpr32(),
        K::r64_reg | K::r64_opcode | K::r64_rm | K::r64_or_mem => r.is_gpr64(),
        K::al => r == Register::AL,
        K::cl => r == Register::CL,
        K::ax => r == Register::AX,
        K::dx => r == Register::DX,
        K::eax => r == Register::EAX,
        K::rax => r == Register::RAX,
        K::xmm_reg | K::xmm_rm | K::xmm_or_mem => r.is_xmm(),
        K::st0 => r == Register::ST0,
        K::sti_opcode => r.is_st(),
        _ => false,
    }
}

/// Immediates follow NASM: a value fits an operand of n bits if it fits n bits
/// signed or unsigned; an 8-bit sign-extended form is used when the value,
/// truncated to the operand size, is in -128..=127.
fn accepts_imm(kind: K, value: i64, symbolic: bool) -> bool {
    match kind {
        K::br64_4 => true,
        K::imm32 | K::imm32sex64 | K::imm64 if symbolic => true,
        _ if symbolic => false,
        K::imm8_const_1 => value == 1,
        K::imm8 => (-128..=255).contains(&value),
        K::imm8sex16 => (-0x8000..=0xffff).contains(&value) && i8::try_from(value as i16).is_ok(),
        K::imm8sex32 => fits_32(value) && i8::try_from(value as i32).is_ok(),
        K::imm8sex64 => i8::try_from(value).is_ok(),
        K::imm16 => (-0x8000..=0xffff).contains(&value),
        K::imm32 => fits_32(value),
        K::imm32sex64 => i32::try_from(value).is_ok(),
        K::imm64 => true,
        _ => false,
    }
}

fn fits_32(value: i64) -> bool {
    (i32::MIN as i64..=u32::MAX as i64).contains(&value)
}

/// The value iced expects for an immediate of this kind (sign-extended forms
/// take the truncated, re-signed value).
fn normalize(kind: K, value: i64) -> i64 {
    match kind {
        K::imm8sex16 => value as i16 as i64,
        K::imm8sex32 => value as i32 as i64,
        _ => value,
    }
}

/// Legacy-encoded, 64-bit-mode op codes by mnemonic. Branches only in their rel32
/// form (the block encoder shortens them), far forms left out.
fn op_code_table() -> &'static HashMap<Mnemonic, Vec<Code>> {
    static TABLE: OnceLock<HashMap<Mnemonic, Vec<Code>>> = OnceLock::new();
    TABLE.get_or_init(|| {
        let mut table: HashMap<Mnemonic, Vec<Code>> = HashMap::new();
        for code in Code::values() {
            let info = code.op_code();
            let far = matches!(
                info.memory_size(),
                MemorySize::SegPtr16 | MemorySize::SegPtr32 | MemorySize::SegPtr64
            );
            if info.encoding() == EncodingKind::Legacy
                && info.mode64()
                && info.is_instruction()
                && !far
            {
                table.entry(code.mnemonic()).or_default().push(code);
            }
        }
        table
    })
}

/// Lower-case NASM names of iced's mnemonics, plus NASM's condition-code aliases.
fn mnemonic_table() -> &'static HashMap<String, Mnemonic> {
    static TABLE: OnceLock<HashMap<String, Mnemonic>> = OnceLock::new();
    TABLE.get_or_init(|| {
        let mut table: HashMap<String, Mnemonic> =
            Mnemonic::values().map(|m| (mnemonic_name(m), m)).collect();
        const ALIASES: [(&str, &str); 14] = [
            ("z", "e"),
            ("nz", "ne"),
            ("c", "b"),
            ("nae", "b"),
            ("nc", "ae"),
            ("nb", "ae"),
            ("na", "be"),
            ("nbe", "a"),
            ("nge", "l"),
            ("nl", "ge"),
            ("ng", "le"),
            ("nle", "g"),
            ("pe", "p"),
            ("po", "np"),
        ];
        for prefix in ["j", "set", "cmov"] {
            for (alias, cc) in ALIASES {
                if let Some(&m) = table.get(&format!("{}{}", prefix, cc)) {
                    table.insert(format!("{}{}", prefix, alias), m);
                }
            }
        }
        table
    })
}

fn mnemonic_name(m: Mnemonic) -> String {
    format!("{:?}", m).to_ascii_lowercase()
}

fn mnemonic_by_name(name: &str) -> Option<Mnemonic> {
    mnemonic_table().get(&name.to_ascii_lowercase()).copied()
}

/// General-purpose, SSE (`xmm0`) and x87 (`st0`) registers by their lower-case names.
fn register_by_name(name: &str) -> Option<Register> {
    static TABLE: OnceLock<HashMap<String, Register>> = OnceLock::new();
    let table = TABLE.get_or_init(|| {
        let mut table: HashMap<String, Register> = Register::values()
            .filter(|r| r.is_gpr() || r.is_xmm() || r.is_st())
            .map(|r| (format!("{:?}", r).to_ascii_lowercase(), r))
            .collect();
        // iced calls the low bytes of r8-r15 `r8l`; NASM (and iced's NASM output) says `r8b`.
        for n in 8..16 {
            if let Some(&r) = table.get(&format!("r{}l", n)) {
                table.insert(format!("r{}b", n), r);
            }
        }
        table
    });
    table.get(&name.to_ascii_lowercase()).copied()
}

/// A name NASM would read as a register, instruction or keyword (such a symbol
/// must be written `$name`).
pub fn is_reserved_word(name: &str) -> bool {
    const KEYWORDS: [&str; 24] = [
        "byte", "word", "dword", "qword", "tword", "oword", "rel", "abs", "short", "near", "far",
        "strict", "times", "equ", "db", "dw", "dd", "dq", "resb", "resw", "resd", "resq", "seg",
        "wrt",
    ];
    let lower = name.to_ascii_lowercase();
    KEYWORDS.contains(&lower.as_str())
        || mnemonic_table().contains_key(&lower)
        || register_names().contains(&lower)
}

/// Every register name, lowercase, built once (asked for every symbol printed).
fn register_names() -> &'static std::collections::HashSet<String> {
    static NAMES: std::sync::OnceLock<std::collections::HashSet<String>> =
        std::sync::OnceLock::new();
    NAMES.get_or_init(|| {
        Register::values()
            .map(|r| format!("{r:?}").to_ascii_lowercase())
            .collect()
    })
}

/// Turns an error recorded by [`Asm`] into a diagnostic (at its span if it has one).
pub fn diagnostic(error: &AsmError) -> Diagnostic {
    Diagnostic::error(error.span.unwrap_or_default(), error.message.clone())
}
