//! Expressions: each leaves its value in rax (`eax` for int, 0/1 for bool,
//! a pointer for references); operands wait on the machine stack.

use super::runtime::{self, Check, ARG_REGS};
use super::{
    asm_reg, field_offset, load_rax, object_size, size_of, static_label, store_rax, vtable_label,
    FnGen, VTABLE_METHODS, VTABLE_NAME, VTABLE_PARENT,
};
use crate::ir::Storage;
use crate::source::Span;
use crate::typed::{
    BinOp, Builtin, ClassId, CompoundOp, Const, Conv, Expr, ExprKind, OpKind, Place, Type, UnOp,
};
use iced_x86::code_asm::{self as x, CodeAssembler};
use iced_x86::{Code, IcedError};

/// `mov [mem], dl/dx/edx/rdx` by the size of `ty`.
fn store_rdx(a: &mut CodeAssembler, mem: x::AsmMemoryOperand, ty: &Type) -> Result<(), IcedError> {
    match size_of(ty) {
        1 => a.mov(x::byte_ptr(mem), x::dl),
        2 => a.mov(x::word_ptr(mem), x::dx),
        4 => a.mov(x::dword_ptr(mem), x::edx),
        _ => a.mov(x::qword_ptr(mem), x::rdx),
    }
}

/// `mov [mem], cl/cx/ecx/rcx` by the size of `ty`.
fn store_rcx(a: &mut CodeAssembler, mem: x::AsmMemoryOperand, ty: &Type) -> Result<(), IcedError> {
    match size_of(ty) {
        1 => a.mov(x::byte_ptr(mem), x::cl),
        2 => a.mov(x::word_ptr(mem), x::cx),
        4 => a.mov(x::dword_ptr(mem), x::ecx),
        _ => a.mov(x::qword_ptr(mem), x::rcx),
    }
}

/// `mov [mem], imm` by the size of `ty` (`imm` fits it: see [`immediate`]).
fn store_imm(
    a: &mut CodeAssembler,
    mem: x::AsmMemoryOperand,
    ty: &Type,
    imm: i64,
) -> Result<(), IcedError> {
    match size_of(ty) {
        1 => a.mov(x::byte_ptr(mem), imm as u8 as u32),
        2 => a.mov(x::word_ptr(mem), imm as u16 as u32),
        4 => a.mov(x::dword_ptr(mem), imm as u32),
        _ => a.mov(x::qword_ptr(mem), imm as i32),
    }
}

/// A constant that a store can hold as its immediate (64-bit values only
/// when they fit a sign-extended 32-bit one).
fn immediate(e: &Expr) -> Option<i64> {
    match &e.kind {
        ExprKind::Const(Const::Int(v)) => Some(i64::from(*v)),
        ExprKind::Const(Const::Char(v)) => Some(i64::from(*v)),
        ExprKind::Const(Const::Bool(v)) => Some(i64::from(*v)),
        ExprKind::Const(Const::Null) => Some(0),
        ExprKind::Const(Const::Long(v)) if i32::try_from(*v).is_ok() => Some(*v),
        ExprKind::Const(Const::Double(0)) => Some(0),
        _ => None,
    }
}

/// The local an expression reads, if it is just that.
fn local_of(e: &Expr) -> Option<usize> {
    match e.kind {
        ExprKind::Local(id) => Some(id.0 as usize),
        _ => None,
    }
}

/// Where a call goes.
enum Target<'s> {
    Direct(&'s str),
    /// Through vtable slot `n` of the receiver's class.
    Virtual(usize),
    /// Through entry `slot` of the receiver's class's table for `interface`.
    Interface {
        interface: crate::typed::ClassId,
        slot: usize,
    },
}

/// An assignable place after its object/array/index parts were evaluated.
enum Prepared {
    Local(usize),
    Static(String),
    /// The element or field address waits on the stack top.
    Address,
}

impl FnGen<'_, '_> {
    pub(super) fn expr(&mut self, e: &Expr) {
        match &e.kind {
            ExprKind::Const(c) => self.constant(c),
            ExprKind::Local(id) => self.load_local(id.0 as usize),
            ExprKind::This => {
                self.load_local(self.function.this.expect("`this` in an instance method"))
            }
            ExprKind::Field { obj, field } => {
                self.expr(obj);
                self.null_check(x::rax, e.span);
                let offset = field_offset(self.program, *field);
                self.load_mem_to_rax(x::rax + offset, &e.ty);
            }
            ExprKind::Deref(id) => {
                self.load_local(id.0 as usize);
                let name = &self.function.locals[id.0 as usize].name;
                let explain = format!("reads the variable `{name}` refers to");
                self.xe(&explain, |a| load_rax(a, x::rax + 0, &e.ty));
            }
            ExprKind::AddressOf { place, mode } => self.address_of(place, *mode, e.span),
            ExprKind::Static(field) => {
                let label = static_label(self.program, *field);
                self.load_symbol_to_rax(&label, &e.ty);
            }
            ExprKind::Index { target, index } => {
                let element = self.element(target, index, e.span);
                // A string's characters are 16-bit UTF-16 code units, laid
                // out as a char[]'s elements: the same load.
                let what = match target.ty {
                    Type::String => "reads the character (a 2-byte UTF-16 code unit)",
                    _ => "reads the element",
                };
                self.xe(what, |a| load_rax(a, element, &e.ty));
            }
            ExprKind::ArrayLength(array) => {
                self.expr(array);
                if !self.is_never_null(array) {
                    self.null_check(x::rax, e.span);
                }
                self.xe("reads the length stored before the elements", |a| {
                    a.mov(x::eax, x::dword_ptr(x::rax))
                });
            }
            ExprKind::Assign { target, value } => self.assign(target, value, e.span, true),
            ExprKind::CompoundAssign { target, op, value } => {
                self.compound_assign(target, *op, value, e)
            }
            ExprKind::IncDec {
                target,
                prefix,
                increment,
            } => self.inc_dec(target, *prefix, *increment, e),
            ExprKind::CallStatic { method, args } => {
                let label = self.method_label(*method);
                let explain = format!("calls {label}");
                self.call_function(None, args, Target::Direct(&label), &explain, e.span);
            }
            ExprKind::CallDirect { obj, method, args } => {
                let label = self.method_label(*method);
                let explain = format!("calls {label} (not virtual)");
                self.call_function(Some(obj), args, Target::Direct(&label), &explain, e.span);
            }
            ExprKind::CallVirtual {
                obj,
                method,
                slot,
                interface: None,
                args,
            } => {
                let explain = format!(
                    "calls {} through vtable slot {slot}",
                    self.program.method_name(*method)
                );
                self.call_function(Some(obj), args, Target::Virtual(*slot), &explain, e.span);
            }
            ExprKind::CallVirtual {
                obj,
                method,
                slot,
                interface: Some(interface),
                args,
            } => {
                let explain = format!(
                    "calls {} through entry {slot} of the class's table for it",
                    self.program.method_name(*method)
                );
                let target = Target::Interface {
                    interface: *interface,
                    slot: *slot,
                };
                self.call_function(Some(obj), args, target, &explain, e.span);
            }
            ExprKind::Builtin { builtin, args } => self.builtin(*builtin, args, e),
            ExprKind::New { class, ctor, args } => self.new_object(*class, *ctor, args, e.span),
            ExprKind::NewArray { elem, len } => self.new_array(elem, len, e.span),
            ExprKind::ArrayLit { elem, items } => self.array_literal(elem, items),
            ExprKind::Convert { conv, operand } => {
                self.expr(operand);
                self.convert(*conv);
            }
            ExprKind::Unary { op, operand } => {
                self.expr(operand);
                self.unary(*op, &operand.ty);
            }
            ExprKind::Binary { op, kind, lhs, rhs } => {
                self.operands(lhs, rhs);
                self.binary(*op, *kind, e.span);
            }
            ExprKind::LogicalAnd(..) | ExprKind::LogicalOr(..) => self.bool_value(e),
            ExprKind::Concat(parts) => self.concat(parts),
            ExprKind::StringEq { lhs, rhs, negated } => {
                self.operands(lhs, rhs);
                self.x(|a| a.mov(x::rsi, x::rcx));
                self.x(|a| a.mov(x::rdi, x::rax));
                self.call_aligned(
                    runtime::STR_EQ,
                    "compares the two strings character by character",
                );
                if *negated {
                    self.x(|a| a.xor(x::eax, 1));
                }
            }
            ExprKind::Conditional {
                cond,
                then,
                otherwise,
            } => {
                let else_label = self.label_for("else");
                let end = self.label_for("endif");
                self.jump_unless(cond, &else_label);
                self.expr(then);
                self.jmp(&end);
                self.asm.label(&else_label);
                self.expr(otherwise);
                self.asm.label(&end);
            }
            ExprKind::Coalesce { lhs, rhs } => {
                let end = self.label_for("coalesce");
                self.expr(lhs);
                self.x(|a| a.test(x::rax, x::rax));
                self.branch(Code::Jne_rel32_64, &end);
                self.expr(rhs);
                self.asm.label(&end);
            }
            ExprKind::Is { operand, class } => {
                self.expr(operand);
                self.instance_of(*class);
            }
            ExprKind::As { operand, class } | ExprKind::CastClass { operand, class } => {
                let is_cast = matches!(e.kind, ExprKind::CastClass { .. });
                self.expr(operand);
                self.push_rax();
                self.instance_of(*class);
                self.pop(x::rcx);
                let done = self.label_for("cast");
                self.x(|a| a.test(x::eax, x::eax));
                // A match keeps the object; `as` turns a mismatch into null.
                self.x(|a| a.mov(x::rax, x::rcx));
                self.branch(Code::Jne_rel32_64, &done);
                if is_cast {
                    // null passes a cast; anything else that failed the test is an error.
                    self.x(|a| a.test(x::rax, x::rax));
                    self.fail_if(Code::Jne_rel32_64, Check::Cast, e.span);
                } else {
                    self.x(|a| a.xor(x::eax, x::eax));
                }
                self.asm.label(&done);
            }
            ExprKind::Await(_) => unreachable!("lowering moves every await into its own statement"),
            ExprKind::Error => {}
        }
    }

    fn constant(&mut self, c: &Const) {
        match c {
            Const::Int(v) => {
                let v = *v;
                self.x(|a| a.mov(x::eax, v as u32))
            }
            Const::Long(v) => {
                let v = *v;
                if i32::try_from(v).is_ok() {
                    self.x(|a| a.mov(x::rax, v as i32 as i64 as u64))
                } else {
                    self.x(|a| a.mov(x::rax, v as u64))
                }
            }
            Const::Double(0) => self.xe("the double 0.0: all 64 bits zero", |a| {
                a.xor(x::eax, x::eax)
            }),
            Const::Double(bits) => {
                let (bits, value) = (*bits, f64::from_bits(*bits));
                self.xe(
                    &format!("the double {value:?}: its 64 IEEE 754 bits"),
                    |a| a.mov(x::rax, bits),
                )
            }
            Const::Bool(b) => {
                let v = u32::from(*b);
                self.x(|a| a.mov(x::eax, v))
            }
            Const::Char(ch) => {
                let v = u32::from(*ch);
                self.x(|a| a.mov(x::eax, v))
            }
            Const::Str(s) => {
                let label = self.data.string_label(s);
                self.asm
                    .lea_sym(iced_x86::Register::RAX, &label)
                    .explain("the address of a string literal");
            }
            Const::Null => self.xe("null is the address 0", |a| a.xor(x::eax, x::eax)),
        }
    }

    /// Evaluates `lhs` into rax and `rhs` into rcx, left to right.
    pub(super) fn operands(&mut self, lhs: &Expr, rhs: &Expr) {
        self.expr(lhs);
        if let Some(load) = self.simple_load(rhs, (x::rcx, x::ecx)) {
            self.x(load);
            return;
        }
        self.push_rax();
        self.expr(rhs);
        self.x(|a| a.mov(x::rcx, x::rax));
        self.pop(x::rax);
    }

    /// For a constant or a register/stack local: loads it into rcx without
    /// disturbing rax (so no push/pop is needed around it).
    pub(super) fn simple_load(
        &self,
        e: &Expr,
        (wide, narrow): (x::AsmRegister64, x::AsmRegister32),
    ) -> Option<impl FnOnce(&mut CodeAssembler) -> Result<(), IcedError>> {
        enum Load {
            Imm(u64),
            Reg(x::AsmRegister64),
            Mem(x::AsmMemoryOperand, u32),
        }
        let load = match &e.kind {
            ExprKind::Const(Const::Int(v)) => Load::Imm(*v as u32 as u64),
            ExprKind::Const(Const::Char(v)) => Load::Imm(u64::from(*v)),
            ExprKind::Const(Const::Bool(v)) => Load::Imm(u64::from(*v)),
            ExprKind::Const(Const::Null) => Load::Imm(0),
            ExprKind::Const(Const::Long(v)) => Load::Imm(*v as u64),
            ExprKind::Const(Const::Double(bits)) => Load::Imm(*bits),
            ExprKind::Local(id) => match self.function.locals[id.0 as usize].storage {
                Storage::Reg(r) => Load::Reg(super::asm_reg(r)),
                home => Load::Mem(
                    super::memory_home(home).expect("a memory home"),
                    size_of(&e.ty),
                ),
            },
            _ => return None,
        };
        Some(move |a: &mut CodeAssembler| match load {
            Load::Imm(v) if v <= u64::from(u32::MAX) => a.mov(narrow, v as u32),
            Load::Imm(v) => a.mov(wide, v),
            Load::Reg(r) => a.mov(wide, r),
            Load::Mem(mem, 1) => a.movzx(narrow, x::byte_ptr(mem)),
            Load::Mem(mem, 2) => a.movzx(narrow, x::word_ptr(mem)),
            Load::Mem(mem, 4) => a.mov(narrow, x::dword_ptr(mem)),
            Load::Mem(mem, _) => a.mov(wide, x::qword_ptr(mem)),
        })
    }

    pub(super) fn null_check(&mut self, reg: x::AsmRegister64, span: Span) {
        self.xe("is the reference null?", |a| a.test(reg, reg));
        self.fail_if(Code::Je_rel32_64, Check::Null, span);
    }

    /// Evaluates array and index, checks both, leaves the element address in rax.
    fn element_address(&mut self, target: &Expr, index: &Expr, span: Span) {
        let element = self.element(target, index, span);
        self.xe("the element's address", |a| a.lea(x::rax, element));
    }

    /// Evaluates array and index (C# order) and checks both; the element is
    /// then `[base + rcx*size + 8]`, `base` being rax or the array local's
    /// own register.
    pub(super) fn element(
        &mut self,
        target: &Expr,
        index: &Expr,
        span: Span,
    ) -> x::AsmMemoryOperand {
        let (base, index_reg) = self.array_and_index(target, index);
        self.check_element(base, index_reg, target, index, span)
    }

    /// Evaluates `target` and then `index`: the array in the returned
    /// register and the index in ecx. A local in a register stays where it
    /// lives (`Some` for the index) when nothing evaluated after it can
    /// change it: only when the index is a local or a constant.
    fn array_and_index(
        &mut self,
        target: &Expr,
        index: &Expr,
    ) -> (x::AsmRegister64, Option<crate::ir::Reg>) {
        let index_reg = self.register_local(index).filter(|_| index.ty == Type::Int);
        if index_reg.is_none() && self.simple_load(index, (x::rcx, x::ecx)).is_none() {
            self.operands(target, index);
            return (x::rax, None);
        }
        let base = match self.register_local(target) {
            Some(r) => asm_reg(r),
            None => {
                self.expr(target);
                x::rax
            }
        };
        if index_reg.is_none() {
            let load = self
                .simple_load(index, (x::rcx, x::ecx))
                .expect("a simple index");
            self.x(load);
        }
        (base, index_reg)
    }

    /// With the array (or string) in `base` and the index in ecx (or in
    /// `index_reg`): the null and bounds checks that no proof removes, then
    /// the element's operand. A removed check says so, and why, in a comment.
    fn check_element(
        &mut self,
        base: x::AsmRegister64,
        index_reg: Option<crate::ir::Reg>,
        target: &Expr,
        index: &Expr,
        span: Span,
    ) -> x::AsmMemoryOperand {
        let array = local_of(target);
        let range = match (array, local_of(index)) {
            (Some(a), Some(i)) => self
                .in_range
                .iter()
                .rev()
                .find(|r| r.array == a && r.index == i)
                .copied(),
            _ => None,
        };
        let name = |l: usize| self.function.locals[l].name.clone();
        if let Some(r) = range {
            let (a, i) = (name(r.array), name(r.index));
            self.asm.comment(format!(
                "{a}[{i}]: no null or bounds check — 0 <= {i} < {a}.Length is the loop's own condition \
                 ({i} counts up by one from {}; the body assigns neither {i} nor {a})",
                r.start
            ));
        } else if self.is_never_null(target) {
            let a = name(array.expect("a local"));
            let i = match (&index.kind, local_of(index)) {
                (_, Some(i)) => name(i),
                (ExprKind::Const(Const::Int(v)), None) => v.to_string(),
                _ => "…".to_string(),
            };
            self.asm.comment(format!(
                "{a}[{i}]: no null check — {a} is only ever assigned the new array of its declaration"
            ));
        } else {
            self.null_check(base, span);
        }
        let widen = match range {
            Some(_) => "widens the index to 64 bits",
            None => "widens the index (a negative one becomes huge)",
        };
        match index_reg {
            Some(r) => self.xe(widen, |a| a.movsxd(x::rcx, super::reg32(r))),
            None => self.xe(widen, |a| a.movsxd(x::rcx, x::ecx)),
        }
        if range.is_none() {
            self.xe("compares the index with the length", |a| {
                a.cmp(x::rcx, x::qword_ptr(base))
            });
            self.fail_if(Code::Jae_rel32_64, Check::Index, span);
        }
        let scale = match &target.ty {
            Type::Array(elem) => size_of(elem),
            _ => size_of(&Type::Char), // strings: UTF-16 code units, as a char[]
        };
        base + x::rcx * scale + 8
    }

    /// A local that [`super::proof::never_null`] proved never null.
    pub(super) fn is_never_null(&self, e: &Expr) -> bool {
        local_of(e).is_some_and(|l| self.never_null[l])
    }

    /// `ref x` / `out x` as an argument: the variable's address in rax (a
    /// local's stack slot, a field or element after its checks, a static's
    /// label, or what a `ref` parameter already holds).
    fn address_of(&mut self, place: &Place, mode: crate::typed::PassMode, span: Span) {
        let word = mode.word();
        match place {
            Place::Local(id) => {
                let l = &self.function.locals[id.0 as usize];
                let explain = format!("`{word} {}`: the address of its home in memory", l.name);
                let mem = super::memory_home(l.storage)
                    .expect("lowering keeps a local whose address is taken in memory");
                self.xe(&explain, |a| a.lea(x::rax, x::qword_ptr(mem)));
            }
            Place::Deref(id) => self.load_local(id.0 as usize),
            Place::Static(field) => {
                let label = static_label(self.program, *field);
                self.asm
                    .lea_sym(iced_x86::Register::RAX, &label)
                    .explain(&format!("`{word}` of a static field: its address"));
            }
            Place::Field { obj, field } => {
                self.expr(obj);
                self.null_check(x::rax, span);
                let offset = field_offset(self.program, *field);
                self.xe(&format!("`{word}` of a field: its address"), |a| {
                    a.lea(x::rax, x::qword_ptr(x::rax + offset))
                });
            }
            Place::Index { array, index } => self.element_address(array, index, span),
        }
    }

    /// `target = value`; `want_value`: the assignment's value is used (it is
    /// left in rax), else nothing computes it.
    pub(super) fn assign(&mut self, target: &Place, value: &Expr, span: Span, want_value: bool) {
        match target {
            Place::Local(id) => {
                self.expr(value);
                self.store_local(id.0 as usize);
            }
            Place::Deref(id) => {
                // The address first (reading a parameter has no effect), then the value.
                self.load_local(id.0 as usize);
                self.push_rax();
                self.expr(value);
                self.pop(x::rdx);
                let name = &self.function.locals[id.0 as usize].name;
                let explain = format!("stores into the variable `{name}` refers to");
                self.xe(&explain, |a| store_rax(a, x::rdx + 0, &value.ty));
            }
            Place::Static(field) => {
                self.expr(value);
                let label = static_label(self.program, *field);
                self.store_rax_to_symbol(&label, &value.ty);
            }
            Place::Field { obj, field } => {
                // C# evaluates the object, then the value, then checks for null.
                self.operands(obj, value);
                self.null_check(x::rax, span);
                let offset = field_offset(self.program, *field);
                if want_value {
                    self.x(|a| a.xchg(x::rax, x::rcx));
                    self.store_rax_to_mem(x::rcx + offset, &value.ty);
                } else {
                    self.xe("stores the field", |a| {
                        store_rcx(a, x::rax + offset, &value.ty)
                    });
                }
            }
            Place::Index { array, index } => {
                // Array, index, value, then the checks (C# order). A value
                // that is a local or a constant cannot change or fail, so it
                // is read after the checks.
                if self.simple_load(value, (x::rdx, x::edx)).is_some() {
                    let element = self.element(array, index, span);
                    if let (Some(imm), false) = (immediate(value), want_value) {
                        self.xe("stores the element", |a| {
                            store_imm(a, element, &value.ty, imm)
                        });
                        return;
                    }
                    let load = self
                        .simple_load(value, (x::rdx, x::edx))
                        .expect("a simple value");
                    self.x(load);
                    self.xe("stores the element", |a| store_rdx(a, element, &value.ty));
                } else {
                    // The value waits in rdx, which the checks leave alone.
                    self.expr(array);
                    self.push_rax();
                    self.expr(index);
                    self.push_rax();
                    self.expr(value);
                    self.x(|a| a.mov(x::rdx, x::rax));
                    self.pop(x::rcx);
                    self.pop(x::rax);
                    let element = self.check_element(x::rax, None, array, index, span);
                    self.xe("stores the element", |a| store_rdx(a, element, &value.ty));
                }
                if want_value {
                    self.xe("the assignment's value", |a| a.mov(x::rax, x::rdx));
                }
            }
        }
    }

    /// Evaluates a place's parts (null/bounds-checked, as a C# read does) and
    /// says how to load and store it.
    fn prepare(&mut self, place: &Place, span: Span) -> Prepared {
        match place {
            Place::Local(id) => Prepared::Local(id.0 as usize),
            Place::Deref(id) => {
                self.load_local(id.0 as usize);
                self.push_rax();
                Prepared::Address
            }
            Place::Static(field) => Prepared::Static(static_label(self.program, *field)),
            Place::Field { obj, field } => {
                self.expr(obj);
                self.null_check(x::rax, span);
                let offset = field_offset(self.program, *field);
                self.x(|a| a.lea(x::rax, x::qword_ptr(x::rax + offset)));
                self.push_rax();
                Prepared::Address
            }
            Place::Index { array, index } => {
                self.element_address(array, index, span);
                self.push_rax();
                Prepared::Address
            }
        }
    }

    fn load_prepared(&mut self, place: &Prepared, ty: &Type) {
        match place {
            Prepared::Local(id) => self.load_local(*id),
            Prepared::Static(label) => {
                let label = label.clone();
                self.load_symbol_to_rax(&label, ty)
            }
            Prepared::Address => {
                self.x(|a| a.mov(x::rdx, x::qword_ptr(x::rsp)));
                self.load_mem_to_rax(x::rdx + 0, ty);
            }
        }
    }

    /// Stores rax into the place (and drops a waiting address).
    fn store_prepared(&mut self, place: &Prepared, ty: &Type) {
        match place {
            Prepared::Local(id) => self.store_local(*id),
            Prepared::Static(label) => {
                let label = label.clone();
                self.store_rax_to_symbol(&label, ty)
            }
            Prepared::Address => {
                self.pop(x::rdx);
                self.store_rax_to_mem(x::rdx + 0, ty);
            }
        }
    }

    fn compound_assign(&mut self, target: &Place, op: CompoundOp, value: &Expr, e: &Expr) {
        let place = self.prepare(target, e.span);
        self.load_prepared(&place, &e.ty);
        self.push_rax();
        self.expr(value);
        match op {
            CompoundOp::Arith { op, kind } => {
                self.x(|a| a.mov(x::rcx, x::rax));
                self.pop(x::rax);
                self.binary(op, kind, e.span);
                if e.ty == Type::Char {
                    self.xe("narrows back to a 16-bit char", |a| a.movzx(x::eax, x::ax));
                }
            }
            CompoundOp::Concat => {
                self.format_as_string(&value.ty);
                self.x(|a| a.mov(x::rsi, x::rax));
                self.pop(x::rdi);
                self.call_aligned(runtime::CONCAT, "joins the two strings");
            }
        }
        self.store_prepared(&place, &e.ty);
    }

    fn inc_dec(&mut self, target: &Place, prefix: bool, increment: bool, e: &Expr) {
        let place = self.prepare(target, e.span);
        self.load_prepared(&place, &e.ty);
        self.x(|a| a.mov(x::rcx, x::rax));
        self.step_by_one(&e.ty, increment, (x::rcx, x::ecx, x::cx));
        // rax keeps the old value (x++), or takes the new one (++x).
        self.x(|a| a.xchg(x::rax, x::rcx));
        self.push_rcx_around_store(&place, &e.ty);
        if !prefix {
            self.x(|a| a.mov(x::rax, x::rcx));
        }
    }

    /// `x++` as a statement on a field, a static or an element: loads, adds
    /// in place and stores, computing no value.
    pub(super) fn inc_dec_effect(&mut self, target: &Place, increment: bool, e: &Expr) {
        let place = self.prepare(target, e.span);
        self.load_prepared(&place, &e.ty);
        self.step_by_one(&e.ty, increment, (x::rax, x::eax, x::ax));
        self.store_prepared(&place, &e.ty);
    }

    /// Adds or subtracts one in a register (its 64-, 32- and 16-bit names),
    /// at the width of `ty`; a char wraps to 16 bits.
    fn step_by_one(
        &mut self,
        ty: &Type,
        increment: bool,
        (wide, narrow, char16): (x::AsmRegister64, x::AsmRegister32, x::AsmRegister16),
    ) {
        let explain = if increment {
            "adds one"
        } else {
            "subtracts one"
        };
        if *ty == Type::Double {
            self.double_from(x::xmm0, wide);
            self.xe("the double 1.0", |a| a.mov(x::rdx, 1f64.to_bits()));
            self.double_from(x::xmm1, x::rdx);
            if increment {
                self.xe(explain, |a| a.addsd(x::xmm0, x::xmm1));
            } else {
                self.xe(explain, |a| a.subsd(x::xmm0, x::xmm1));
            }
            return self.xe("the result's bits back", |a| a.movq(wide, x::xmm0));
        }
        match (*ty == Type::Long, increment) {
            (true, true) => self.xe(explain, |a| a.add(wide, 1)),
            (true, false) => self.xe(explain, |a| a.sub(wide, 1)),
            (false, true) => self.xe(explain, |a| a.add(narrow, 1)),
            (false, false) => self.xe(explain, |a| a.sub(narrow, 1)),
        }
        if *ty == Type::Char {
            self.x(|a| a.movzx(narrow, char16));
        }
    }

    /// Stores rax (the new value) into the place while keeping rcx (the old one).
    fn push_rcx_around_store(&mut self, place: &Prepared, ty: &Type) {
        match place {
            Prepared::Address => {
                self.pop(x::rdx);
                self.store_rax_to_mem(x::rdx + 0, ty);
            }
            Prepared::Local(_) => self.store_prepared(place, ty),
            Prepared::Static(_) => self.store_prepared(place, ty),
        }
    }

    /// Evaluates the receiver and the arguments left to right and calls.
    fn call_function(
        &mut self,
        receiver: Option<&Expr>,
        args: &[Expr],
        target: Target,
        explain: &str,
        span: Span,
    ) {
        let area = self.reserve_call_area(args.len() + usize::from(receiver.is_some()));
        if let Some(receiver) = receiver {
            self.expr(receiver);
        }
        self.pass_arguments(receiver.is_some(), args);
        if receiver.is_some() {
            self.null_check(x::rdi, span);
        }
        match target {
            Target::Direct(label) => self.call(label, explain),
            Target::Interface { interface, slot } => {
                let index = crate::codegen::interface_index(self.program, interface);
                let name = self.program.classes[interface.0 as usize].name.clone();
                self.xe("loads the object's vtable pointer", |a| {
                    a.mov(x::rax, x::qword_ptr(x::rdi))
                });
                self.xe(
                    "the word before the vtable: the class's table of interface tables",
                    |a| a.mov(x::rax, x::qword_ptr(x::rax - 8)),
                );
                self.xe(&format!("the class's method table for {name}"), |a| {
                    a.mov(x::rax, x::qword_ptr(x::rax + 8 * index as i32))
                });
                debug_assert!(self.depth.is_multiple_of(2));
                self.xe(explain, |a| a.call(x::qword_ptr(x::rax + 8 * slot as i32)));
            }
            Target::Virtual(slot) => {
                self.xe("loads the object's vtable pointer", |a| {
                    a.mov(x::rax, x::qword_ptr(x::rdi))
                });
                let offset = VTABLE_METHODS + 8 * slot as i32;
                debug_assert!(self.depth.is_multiple_of(2));
                self.xe(explain, |a| a.call(x::qword_ptr(x::rax + offset)));
            }
        }
        self.release_call_area(area);
    }

    /// Before evaluating the arguments of a call with `total` arguments:
    /// reserves the slots of the stack arguments (beyond six) plus one slot of
    /// padding when needed, so that `rsp` is 16-byte aligned at the `call`.
    /// Returns the slots reserved, for [`Self::release_call_area`].
    fn reserve_call_area(&mut self, total: usize) -> u32 {
        let stack_args = total.saturating_sub(ARG_REGS.len()) as u32;
        let slots = stack_args + (self.depth + stack_args) % 2;
        if slots > 0 {
            let bytes = 8 * slots as i32;
            self.xe(
                "room for stack arguments / keeps the call 16-byte aligned",
                |a| a.sub(x::rsp, bytes),
            );
            self.grow_depth(slots);
            self.max_call_area = self.max_call_area.max(bytes as u64);
        }
        slots
    }

    /// Drops what [`Self::reserve_call_area`] reserved, after the call.
    fn release_call_area(&mut self, slots: u32) {
        if slots > 0 {
            let bytes = 8 * slots as i32;
            self.x(|a| a.add(x::rsp, bytes));
            self.depth -= slots;
        }
    }

    /// Evaluates the arguments left to right after a receiver already in rax
    /// (`receiver_in_rax`). Each value waits on the stack while the next is
    /// computed; the last stays in rax. Then all move into the ABI registers
    /// (the first six) and the reserved stack slots (the rest).
    fn pass_arguments(&mut self, receiver_in_rax: bool, args: &[Expr]) {
        let mut values = usize::from(receiver_in_rax);
        for arg in args {
            if values > 0 {
                self.push_rax();
            }
            self.expr(arg);
            values += 1;
        }
        if values == 0 {
            return;
        }
        self.place_argument(values - 1, false);
        for i in (0..values - 1).rev() {
            self.place_argument(i, true);
        }
    }

    /// Moves argument `i` (in rax, or on the stack top when `pushed`) to its place.
    fn place_argument(&mut self, i: usize, pushed: bool) {
        match (ARG_REGS.get(i), pushed) {
            (Some(&reg), true) => self.pop(reg),
            (Some(&reg), false) => self.x(|a| a.mov(reg, x::rax)),
            (None, _) => {
                if pushed {
                    self.pop(x::rax);
                }
                // With arguments 0..i still pushed, its slot is 8*i + 8*(i-6) bytes up.
                let offset = (8 * i + 8 * (i - ARG_REGS.len())) as i32;
                self.x(|a| a.mov(x::qword_ptr(x::rsp + offset), x::rax));
            }
        }
    }

    /// `new C(args)`: allocate, set the vtable, run the constructor (which returns the object).
    pub(super) fn new_object(
        &mut self,
        class: ClassId,
        ctor: crate::typed::CtorId,
        args: &[Expr],
        span: Span,
    ) {
        let size = object_size(self.program, class);
        let name = self.program.classes[class.0 as usize].name.clone();
        let an = name.starts_with(['A', 'E', 'I', 'O', 'U']);
        let explain = format!(
            "allocates {} {name} ({size} bytes)",
            if an { "an" } else { "a" }
        );
        self.xe(&explain, |a| a.mov(x::edi, size));
        self.call_aligned(runtime::ALLOC, "asks the allocator for zeroed memory");
        self.asm
            .lea_sym(iced_x86::Register::RCX, &vtable_label(&name))
            .explain("the class's vtable");
        self.xr(
            "the object's first word points to its vtable",
            crate::asm::Role::ObjectMade(name.as_str().into()),
            |a| a.mov(x::qword_ptr(x::rax), x::rcx),
        );
        let _ = span;
        let label = self.module.ctor_labels[ctor.0 as usize].clone();
        let explain = format!("runs the constructor {label}");
        self.call_with_receiver_in_rax(args, &label, &explain);
    }

    /// A call whose receiver is already in rax (a new object, or `this`).
    pub(super) fn call_with_receiver_in_rax(&mut self, args: &[Expr], label: &str, explain: &str) {
        // The receiver is already in rax: the area goes below its stack slot.
        let area = self.reserve_call_area(args.len() + 1);
        self.pass_arguments(true, args);
        self.call(label, explain);
        self.release_call_area(area);
    }

    /// A runtime call with its arguments already in registers.
    pub(super) fn call_aligned(&mut self, label: &str, explain: &str) {
        let area = self.reserve_call_area(0);
        self.call(label, explain);
        self.release_call_area(area);
    }

    /// The fact an array's length store carries: what its elements are.
    fn array_made(&self, elem: &Type) -> crate::asm::Role {
        crate::asm::Role::ArrayMade {
            elem: crate::machine::layout::ValueKind::of(elem, self.program),
            size: size_of(elem),
        }
    }

    fn new_array(&mut self, elem: &Type, len: &Expr, span: Span) {
        self.expr(len);
        self.xe("a negative length is an overflow in C#", |a| {
            a.test(x::eax, x::eax)
        });
        self.fail_if(Code::Js_rel32_64, Check::Overflow, span);
        self.x(|a| a.movsxd(x::rax, x::eax));
        self.push_rax();
        let size = size_of(elem);
        self.xe("bytes for the elements…", |a| {
            a.imul_3(x::rdi, x::rax, size as i32)
        });
        self.xe("…plus the length word", |a| a.add(x::rdi, 8));
        self.call_aligned(runtime::ALLOC, "asks the allocator for zeroed memory");
        self.pop(x::rcx);
        self.xr(
            "stores the length before the elements",
            self.array_made(elem),
            |a| a.mov(x::qword_ptr(x::rax), x::rcx),
        );
    }

    pub(super) fn array_literal(&mut self, elem: &Type, items: &[Expr]) {
        let size = size_of(elem);
        let bytes = 8 + size * items.len() as u32;
        self.x(|a| a.mov(x::edi, bytes));
        self.call_aligned(runtime::ALLOC, "asks the allocator for zeroed memory");
        let len = items.len() as i32;
        self.xr(
            "stores the length before the elements",
            self.array_made(elem),
            |a| a.mov(x::qword_ptr(x::rax), len),
        );
        self.push_rax();
        for (i, item) in items.iter().enumerate() {
            self.expr(item);
            self.x(|a| a.mov(x::rcx, x::qword_ptr(x::rsp)));
            let offset = 8 + (size as usize * i) as i32;
            self.store_rax_to_mem(x::rcx + offset, elem);
        }
        self.pop(x::rax);
    }

    fn convert(&mut self, conv: Conv) {
        match conv {
            Conv::IntToLong => self.xe("sign-extends the int to 64 bits", |a| {
                a.movsxd(x::rax, x::eax)
            }),
            Conv::CharToInt | Conv::CharToLong => {}
            Conv::LongToInt => self.xe("keeps the low 32 bits (an unchecked cast)", |a| {
                a.mov(x::eax, x::eax)
            }),
            Conv::IntToChar | Conv::LongToChar => {
                self.xe("keeps the low 16 bits", |a| a.movzx(x::eax, x::ax))
            }
            Conv::IntToDouble | Conv::CharToDouble => {
                self.xe("converts the 32-bit integer to the nearest double", |a| {
                    a.cvtsi2sd(x::xmm0, x::eax)
                });
                self.double_to_rax();
            }
            Conv::LongToDouble => {
                self.xe("converts the 64-bit integer to the nearest double", |a| {
                    a.cvtsi2sd(x::xmm0, x::rax)
                });
                self.double_to_rax();
            }
            Conv::DoubleToInt | Conv::DoubleToChar => {
                self.double_from(x::xmm0, x::rax);
                self.xe(
                    "truncates toward zero (NaN or out of range: int.MinValue)",
                    |a| a.cvttsd2si(x::eax, x::xmm0),
                );
                if conv == Conv::DoubleToChar {
                    self.xe("keeps the low 16 bits", |a| a.movzx(x::eax, x::ax));
                }
            }
            Conv::DoubleToLong => {
                self.double_from(x::xmm0, x::rax);
                self.xe(
                    "truncates toward zero (NaN or out of range: long.MinValue)",
                    |a| a.cvttsd2si(x::rax, x::xmm0),
                );
            }
        }
    }

    /// `movq xmm, r64`: a double's bits from a general register into an
    /// SSE register, where the arithmetic instructions take them.
    fn double_from(&mut self, xmm: x::AsmRegisterXmm, from: x::AsmRegister64) {
        self.xe("the double's bits into an SSE register", |a| {
            a.movq(xmm, from)
        });
    }

    /// `movq rax, xmm0`: the result's bits back where every value travels.
    fn double_to_rax(&mut self) {
        self.xe("the result's bits back into rax", |a| {
            a.movq(x::rax, x::xmm0)
        });
    }

    /// The operands of a double operation, rax and rcx, into xmm0 and xmm1.
    pub(super) fn doubles_into_sse(&mut self) {
        self.double_from(x::xmm0, x::rax);
        self.double_from(x::xmm1, x::rcx);
    }

    /// `rax = rax op rcx` on doubles: SSE2's scalar-double instructions on
    /// xmm0 and xmm1 (C#'s `%` is the runtime's, as .NET calls fmod).
    fn floating(&mut self, op: BinOp) {
        if op == BinOp::Rem {
            self.x(|a| a.mov(x::rdi, x::rax));
            self.x(|a| a.mov(x::rsi, x::rcx));
            return self.call_aligned(
                runtime::FMOD,
                "the remainder, truncated as C#'s %, computed exactly",
            );
        }
        self.doubles_into_sse();
        let (xmm0, xmm1) = (x::xmm0, x::xmm1);
        match op {
            BinOp::Add => self.xe("adds", |a| a.addsd(xmm0, xmm1)),
            BinOp::Sub => self.xe("subtracts", |a| a.subsd(xmm0, xmm1)),
            BinOp::Mul => self.xe("multiplies", |a| a.mulsd(xmm0, xmm1)),
            BinOp::Div => self.xe("divides (by zero: infinity or NaN, no exception)", |a| {
                a.divsd(xmm0, xmm1)
            }),
            _ => return self.double_comparison(op),
        }
        self.double_to_rax();
    }

    /// eax = 0 or 1: the double comparison `op` of xmm0 with xmm1.
    fn double_comparison(&mut self, op: BinOp) {
        self.compare_doubles(op);
        match op {
            BinOp::Gt | BinOp::Lt => self.x(|a| a.seta(x::al)),
            BinOp::Ge | BinOp::Le => self.x(|a| a.setae(x::al)),
            BinOp::Eq => {
                self.x(|a| a.sete(x::al));
                self.xe("…and not unordered (NaN equals nothing)", |a| {
                    a.setnp(x::cl)
                });
                self.x(|a| a.and(x::al, x::cl));
            }
            _ => {
                self.x(|a| a.setne(x::al));
                self.xe("…or unordered (NaN differs from everything)", |a| {
                    a.setp(x::cl)
                });
                self.x(|a| a.or(x::al, x::cl));
            }
        }
        self.x(|a| a.movzx(x::eax, x::al));
    }

    /// `ucomisd` of the doubles in xmm0 (left) and xmm1 (right), sides
    /// swapped for `<` and `<=` so every test reads "above": the unsigned
    /// conditions, which a NaN (unordered: ZF, PF and CF all set) fails.
    pub(super) fn compare_doubles(&mut self, op: BinOp) {
        if matches!(op, BinOp::Lt | BinOp::Le) {
            self.xe("compares right with left (a < b is b > a)", |a| {
                a.ucomisd(x::xmm1, x::xmm0)
            });
        } else {
            self.xe("compares the doubles (a NaN makes them unordered)", |a| {
                a.ucomisd(x::xmm0, x::xmm1)
            });
        }
    }

    fn unary(&mut self, op: UnOp, ty: &Type) {
        if *ty == Type::Double {
            return self.xe("flips the sign bit: -x of a double", |a| a.btc(x::rax, 63));
        }
        let long = *ty == Type::Long;
        match (op, long) {
            (UnOp::Neg, false) => self.x(|a| a.neg(x::eax)),
            (UnOp::Neg, true) => self.x(|a| a.neg(x::rax)),
            (UnOp::BitNot, false) => self.x(|a| a.not(x::eax)),
            (UnOp::BitNot, true) => self.x(|a| a.not(x::rax)),
            (UnOp::Not, _) => self.x(|a| a.xor(x::eax, 1)),
        }
    }

    /// `rax = rax op rcx` in the width of `kind`.
    fn binary(&mut self, op: BinOp, kind: OpKind, span: Span) {
        if kind == OpKind::Double {
            return self.floating(op);
        }
        let wide = matches!(kind, OpKind::Long | OpKind::Ref);
        macro_rules! op2 {
            ($m:ident) => {
                if wide {
                    self.x(|a| a.$m(x::rax, x::rcx))
                } else {
                    self.x(|a| a.$m(x::eax, x::ecx))
                }
            };
        }
        match op {
            BinOp::Add => op2!(add),
            BinOp::Sub => op2!(sub),
            BinOp::Mul => op2!(imul_2),
            BinOp::And => op2!(and),
            BinOp::Or => op2!(or),
            BinOp::Xor => op2!(xor),
            BinOp::Shl if wide => self.xe(
                "shifts left (the count is masked to 6 bits, as C# does)",
                |a| a.shl(x::rax, x::cl),
            ),
            BinOp::Shl => self.xe(
                "shifts left (the count is masked to 5 bits, as C# does)",
                |a| a.shl(x::eax, x::cl),
            ),
            BinOp::Shr if wide => self.xe("arithmetic shift right (keeps the sign)", |a| {
                a.sar(x::rax, x::cl)
            }),
            BinOp::Shr => self.xe("arithmetic shift right (keeps the sign)", |a| {
                a.sar(x::eax, x::cl)
            }),
            BinOp::Div | BinOp::Rem => self.divide(op == BinOp::Rem, wide, span),
            BinOp::Lt | BinOp::Le | BinOp::Gt | BinOp::Ge | BinOp::Eq | BinOp::Ne => {
                self.compare(kind);
                match op {
                    BinOp::Lt => self.x(|a| a.setl(x::al)),
                    BinOp::Le => self.x(|a| a.setle(x::al)),
                    BinOp::Gt => self.x(|a| a.setg(x::al)),
                    BinOp::Ge => self.x(|a| a.setge(x::al)),
                    BinOp::Eq => self.x(|a| a.sete(x::al)),
                    _ => self.x(|a| a.setne(x::al)),
                }
                self.x(|a| a.movzx(x::eax, x::al));
            }
        }
    }

    /// Signed division with C#'s checks: by zero, and MinValue / -1.
    fn divide(&mut self, remainder: bool, wide: bool, span: Span) {
        let ok = self.label_for("divide");
        if wide {
            self.xe("dividing by zero?", |a| a.test(x::rcx, x::rcx));
            self.fail_if(Code::Je_rel32_64, Check::DivideByZero, span);
            self.x(|a| a.cmp(x::rcx, -1));
            self.branch(Code::Jne_rel32_64, &ok);
            self.x(|a| a.mov(x::rdx, i64::MIN as u64));
            self.xe("long.MinValue / -1 overflows", |a| a.cmp(x::rax, x::rdx));
            self.fail_if(Code::Je_rel32_64, Check::Overflow, span);
            self.asm.label(&ok);
            self.xe("sign-extends rax into rdx:rax", |a| a.cqo());
            self.xe("signed divide: quotient in rax, remainder in rdx", |a| {
                a.idiv(x::rcx)
            });
            if remainder {
                self.x(|a| a.mov(x::rax, x::rdx));
            }
        } else {
            self.xe("dividing by zero?", |a| a.test(x::ecx, x::ecx));
            self.fail_if(Code::Je_rel32_64, Check::DivideByZero, span);
            self.x(|a| a.cmp(x::ecx, -1));
            self.branch(Code::Jne_rel32_64, &ok);
            self.xe("int.MinValue / -1 overflows", |a| a.cmp(x::eax, i32::MIN));
            self.fail_if(Code::Je_rel32_64, Check::Overflow, span);
            self.asm.label(&ok);
            self.xe("sign-extends eax into edx:eax", |a| a.cdq());
            self.xe("signed divide: quotient in eax, remainder in edx", |a| {
                a.idiv(x::ecx)
            });
            if remainder {
                self.x(|a| a.mov(x::eax, x::edx));
            }
        }
    }

    /// `&&` / `||` as a value: branch, then materialise 0 or 1.
    fn bool_value(&mut self, e: &Expr) {
        let f = self.label_for("false");
        let end = self.label_for("endbool");
        self.jump_unless(e, &f);
        self.x(|a| a.mov(x::eax, 1u32));
        self.jmp(&end);
        self.asm.label(&f);
        self.x(|a| a.xor(x::eax, x::eax));
        self.asm.label(&end);
    }

    /// `a + b + …` on strings: each part formatted, joined left to right.
    fn concat(&mut self, parts: &[Expr]) {
        let Some((first, rest)) = parts.split_first() else {
            let label = self.data.string_label("");
            self.asm.lea_sym(iced_x86::Register::RAX, &label);
            return;
        };
        self.expr(first);
        self.format_as_string(&first.ty);
        for part in rest {
            self.push_rax();
            self.expr(part);
            self.format_as_string(&part.ty);
            self.x(|a| a.mov(x::rsi, x::rax));
            self.pop(x::rdi);
            self.call_aligned(runtime::CONCAT, "joins the two strings");
        }
    }

    /// Turns the value in rax (of type `ty`) into a string, as C# formats it.
    pub(super) fn format_as_string(&mut self, ty: &Type) {
        match ty {
            Type::String | Type::Null => {}
            Type::Int => {
                self.x(|a| a.movsxd(x::rdi, x::eax));
                self.call_aligned(runtime::INT_TO_STR, "formats the number in decimal");
            }
            Type::Long => {
                self.x(|a| a.mov(x::rdi, x::rax));
                self.call_aligned(runtime::INT_TO_STR, "formats the number in decimal");
            }
            Type::Char => {
                self.x(|a| a.mov(x::edi, x::eax));
                self.call_aligned(runtime::CHAR_TO_STR, "a one-character string");
            }
            Type::Bool => {
                self.x(|a| a.mov(x::edi, x::eax));
                self.call_aligned(runtime::BOOL_TO_STR, "\"True\" or \"False\"");
            }
            Type::Class(c) if self.program.classes[c.0 as usize].to_string_slot.is_some() => {
                let slot = self.program.classes[c.0 as usize]
                    .to_string_slot
                    .unwrap_or(0);
                let done = self.label_for("text");
                self.x(|a| a.test(x::rax, x::rax));
                self.branch(Code::Je_rel32_64, &done);
                self.x(|a| a.mov(x::rdi, x::rax));
                self.xe("loads the object's vtable pointer", |a| {
                    a.mov(x::rax, x::qword_ptr(x::rdi))
                });
                let area = self.reserve_call_area(0);
                let offset = VTABLE_METHODS + 8 * slot as i32;
                self.xe(
                    &format!("calls its ToString() through vtable slot {slot} (C# prints an object's ToString())"),
                    |a| a.call(x::qword_ptr(x::rax + offset)),
                );
                self.release_call_area(area);
                self.asm.label(&done);
            }
            Type::Class(_) => {
                let done = self.label_for("name");
                self.x(|a| a.test(x::rax, x::rax));
                self.branch(Code::Je_rel32_64, &done);
                self.xe("the vtable…", |a| a.mov(x::rax, x::qword_ptr(x::rax)));
                self.xe(
                    "…holds the class name (C# prints an object as its type name)",
                    |a| a.mov(x::rax, x::qword_ptr(x::rax + VTABLE_NAME)),
                );
                self.asm.label(&done);
            }
            other => {
                let name = self.dotnet_type_name(other);
                let label = self.data.string_label(&name);
                self.asm
                    .lea_sym(iced_x86::Register::RAX, &label)
                    .explain("C# prints this value as its type name");
            }
        }
    }

    /// The name .NET's `ToString()` gives values of a type without one of its own.
    fn dotnet_type_name(&self, ty: &Type) -> String {
        match ty {
            Type::Int => "System.Int32".into(),
            Type::Long => "System.Int64".into(),
            Type::Double => "System.Double".into(),
            Type::Bool => "System.Boolean".into(),
            Type::Char => "System.Char".into(),
            Type::String => "System.String".into(),
            Type::Array(elem) => format!("{}[]", self.dotnet_type_name(elem)),
            Type::Class(c) => self.program.classes[c.0 as usize].runtime_name(),
            Type::Enum(e) => self.program.enums[e.0 as usize].name.clone(),
            Type::Task => "System.Threading.Tasks.Task".into(),
            Type::TaskOf(t) => format!(
                "System.Threading.Tasks.Task`1[{}]",
                self.dotnet_type_name(t)
            ),
            _ => "System.Object".into(),
        }
    }

    fn builtin(&mut self, builtin: Builtin, args: &[Expr], e: &Expr) {
        match builtin {
            Builtin::WriteLine | Builtin::Write => {
                let newline = usize::from(builtin == Builtin::WriteLine);
                let Some(arg) = args.first() else {
                    if newline == 1 {
                        self.call_aligned(runtime::PRINT_NEWLINE, "writes a line break");
                    }
                    return;
                };
                self.expr(arg);
                let routine = match &arg.ty {
                    Type::Int => {
                        self.x(|a| a.movsxd(x::rdi, x::eax));
                        runtime::PRINT_INT[newline]
                    }
                    Type::Long => {
                        self.x(|a| a.mov(x::rdi, x::rax));
                        runtime::PRINT_INT[newline]
                    }
                    Type::Char => {
                        self.x(|a| a.mov(x::edi, x::eax));
                        runtime::PRINT_CHAR[newline]
                    }
                    Type::Bool => {
                        self.x(|a| a.mov(x::edi, x::eax));
                        runtime::PRINT_BOOL[newline]
                    }
                    // C#'s Write(char[]) overload: the characters, not "System.Char[]".
                    Type::Array(elem) if **elem == Type::Char => {
                        self.x(|a| a.mov(x::rdi, x::rax));
                        runtime::PRINT_CHARS[newline]
                    }
                    other => {
                        self.format_as_string(other);
                        self.x(|a| a.mov(x::rdi, x::rax));
                        runtime::PRINT_STR[newline]
                    }
                };
                self.call_aligned(routine, "writes to stdout with the write system call");
            }
            Builtin::EnumName => {
                let Type::Enum(id) = &args[0].ty else {
                    unreachable!("the checker gives EnumName an enum")
                };
                let table =
                    crate::lower::labels::enum_names(&self.program.enums[id.0 as usize].name);
                self.expr(&args[0]);
                self.x(|a| a.movsxd(x::rdi, x::eax));
                self.asm
                    .lea_sym(iced_x86::Register::RSI, &table)
                    .explain("the enum's members: values and names");
                self.call_aligned(
                    runtime::ENUM_NAME,
                    "the member's name (the number if no member has this value)",
                );
            }
            Builtin::StringLength => {
                self.expr(&args[0]);
                self.null_check(x::rax, e.span);
                self.xe("reads the length stored before the characters", |a| {
                    a.mov(x::eax, x::dword_ptr(x::rax))
                });
            }
            _ => self.task_builtin(builtin, args, e),
        }
    }

    /// `is C`: walks the vtable parent chain from the object's class; eax = 0/1.
    /// `is I` for an interface: looks its table up (see [`Self::implements`]).
    fn instance_of(&mut self, class: ClassId) {
        if self.program.classes[class.0 as usize].is_interface {
            return self.implements(class);
        }
        let name = self.program.classes[class.0 as usize].name.clone();
        let walk = self.label_for("is");
        let no = self.label_for("isnot");
        let end = self.label_for("endis");
        self.x(|a| a.test(x::rax, x::rax));
        self.branch(Code::Je_rel32_64, &no);
        self.asm
            .lea_sym(iced_x86::Register::RCX, &vtable_label(&name))
            .explain("the vtable of the class we test for");
        self.xe("the object's vtable", |a| {
            a.mov(x::rax, x::qword_ptr(x::rax))
        });
        self.asm.label(&walk);
        self.x(|a| a.cmp(x::rax, x::rcx));
        self.branch(Code::Je_rel32_64, &end);
        self.xe("up to the parent class's vtable", |a| {
            a.mov(x::rax, x::qword_ptr(x::rax + VTABLE_PARENT))
        });
        self.x(|a| a.test(x::rax, x::rax));
        self.branch(Code::Jne_rel32_64, &walk);
        self.asm.label(&no);
        self.x(|a| a.xor(x::eax, x::eax));
        let done = self.label_for("isdone");
        self.jmp(&done);
        self.asm.label(&end);
        self.x(|a| a.mov(x::eax, 1u32));
        self.asm.label(&done);
    }

    /// `is I`: the object's class id (the vtable's first word) indexes
    /// `flux$itables`, the class's interface tables; the class implements I
    /// when its word for I is not 0. eax = 0/1.
    fn implements(&mut self, interface: ClassId) {
        let position = self
            .program
            .classes
            .iter()
            .filter(|c| c.is_interface)
            .position(|c| c.id == interface)
            .expect("an interface of the program") as i32;
        let no = self.label_for("isnot");
        self.x(|a| a.test(x::rax, x::rax));
        self.branch(Code::Je_rel32_64, &no);
        self.xe("the object's vtable", |a| {
            a.mov(x::rax, x::qword_ptr(x::rax))
        });
        self.xe("its class id", |a| a.mov(x::rax, x::qword_ptr(x::rax)));
        self.asm
            .lea_sym(iced_x86::Register::RCX, crate::lower::labels::CLASS_ITABLES)
            .explain("every class's interface tables, by class id");
        self.xe("this class's interface tables, or 0 (none)", |a| {
            a.mov(x::rax, x::qword_ptr(x::rcx + x::rax * 8))
        });
        self.x(|a| a.test(x::rax, x::rax));
        self.branch(Code::Je_rel32_64, &no);
        self.xe("its table for the interface, or 0 (not implemented)", |a| {
            a.mov(x::rax, x::qword_ptr(x::rax + position * 8))
        });
        self.x(|a| a.test(x::rax, x::rax));
        self.asm.label(&no);
        // Both ways here the flags say: zero for "no".
        self.xe("1 when it is not 0", |a| a.setne(x::al));
        self.x(|a| a.movzx(x::eax, x::al));
    }
}
