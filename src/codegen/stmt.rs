//! Statements and conditions: blocks, `if`, loops, `break`/`continue`,
//! `return`, and conditional jumps that test a comparison directly.

use super::{asm_reg, proof, reg32, FnGen};
use crate::ir::{Reg, Stmt, Storage};
use crate::typed::{BinOp, CompoundOp, Const, Expr, ExprKind, OpKind, Place, Type, UnOp};
use iced_x86::code_asm as x;
use iced_x86::Code;

impl FnGen<'_, '_> {
    /// A function body: a final `return` falls through to the code after the
    /// body instead of jumping there.
    pub(super) fn body(&mut self, stmts: &[Stmt]) {
        match stmts.split_last() {
            Some((Stmt::Return(value, span), rest)) => {
                self.block(rest);
                self.source_line(*span);
                if let Some(value) = value {
                    self.expr(value);
                }
            }
            _ => self.block(stmts),
        }
        let target = self.return_target.clone();
        self.asm.label(&target);
    }

    pub(super) fn block(&mut self, stmts: &[Stmt]) {
        let mut before = None;
        for stmt in stmts {
            self.stmt(stmt, before);
            before = Some(stmt);
        }
    }

    /// One statement; `before` is the one just before it in its block (a
    /// `for` loop's initializer, for [`proof::counting_loop`]).
    fn stmt(&mut self, stmt: &Stmt, before: Option<&Stmt>) {
        match stmt {
            Stmt::Expr(e) => {
                self.source_line(e.span);
                self.effect(e);
            }
            Stmt::Init { local, value, span } => {
                self.source_line(*span);
                self.init_local(*local, value);
            }
            Stmt::If {
                cond,
                then,
                otherwise,
                span,
            } => {
                self.source_line(*span);
                let else_label = self.label_for("else");
                self.jump_unless(cond, &else_label);
                self.block(then);
                if otherwise.is_empty() {
                    self.asm.label(&else_label);
                } else {
                    let end = self.label_for("endif");
                    self.jmp(&end);
                    self.asm.label(&else_label);
                    self.block(otherwise);
                    self.asm.label(&end);
                }
            }
            Stmt::Loop {
                cond,
                test_first,
                body,
                step,
                span,
            } => {
                let range = match test_first {
                    true => proof::counting_loop(before, cond.as_ref(), body, step),
                    false => None,
                };
                self.loop_stmt(cond.as_ref(), *test_first, body, step, *span, range)
            }
            Stmt::Break(span) => {
                self.source_line(*span);
                let target = self.loops.last().expect("break inside a loop").1.clone();
                self.jmp(&target);
            }
            Stmt::Continue(span) => {
                self.source_line(*span);
                let target = self.loops.last().expect("continue inside a loop").0.clone();
                self.jmp(&target);
            }
            Stmt::Return(value, span) => {
                self.source_line(*span);
                if let Some(value) = value {
                    self.expr(value);
                }
                let label = self.return_target.clone();
                self.jmp(&label);
            }
            Stmt::Block(stmts) => self.block(stmts),
            Stmt::Try {
                record,
                body,
                caught,
                handler,
                for_finally,
                span,
            } => self.try_stmt(*record, (body, handler), *caught, *for_finally, *span),
            Stmt::Unlink { record } => self.unlink_stmt(*record),
            Stmt::Finally { body, exit, span } => self.finally_stmt(body, *exit, *span),
            Stmt::Throw {
                value,
                rethrow,
                span,
            } => self.throw_stmt(value, *rethrow, *span),
            Stmt::Await {
                task,
                dest,
                state,
                span,
            } => self.await_stmt(task, *dest, *state, *span),
        }
    }

    /// Every loop tests at the bottom, with one conditional branch back to
    /// the body; `while`/`for` enter with a jump to that test. `continue`
    /// goes to the step (`for`), which falls into the test. In the body of a
    /// counting loop (`range`), `array[index]` is known to be in range.
    fn loop_stmt(
        &mut self,
        cond: Option<&Expr>,
        test_first: bool,
        body: &[Stmt],
        step: &[Stmt],
        span: crate::source::Span,
        range: Option<proof::Range>,
    ) {
        self.source_line(span);
        // `while (true)`, `for (;;)`: nothing to test.
        let cond = cond.filter(|c| !matches!(c.kind, ExprKind::Const(Const::Bool(true))));
        let head = self.label_for("loop");
        let next = self.label_for("continue");
        let end = self.label_for("break");
        let test = match (test_first, cond) {
            (true, Some(_)) => {
                let test = self.label_for("test");
                self.asm
                    .jmp(&test)
                    .explain("enters the loop at its test, at the bottom");
                Some(test)
            }
            _ => None,
        };
        self.asm.label(&head);
        self.loops.push((next.clone(), end.clone()));
        self.in_range.extend(range);
        self.block(body);
        if range.is_some() {
            self.in_range.pop();
        }
        self.loops.pop();
        self.asm.label(&next);
        self.block(step);
        if let Some(test) = &test {
            self.asm.label(test);
        }
        match cond {
            Some(cond) => {
                self.source_line(cond.span);
                self.jump_if(cond, &head);
            }
            None => self.jmp(&head),
        }
        self.asm.label(&end);
    }

    /// Jumps to `label` when `cond` is false.
    pub(super) fn jump_unless(&mut self, cond: &Expr, label: &str) {
        self.cond_jump(cond, false, label);
    }

    /// Jumps to `label` when `cond` is true.
    pub(super) fn jump_if(&mut self, cond: &Expr, label: &str) {
        self.cond_jump(cond, true, label);
    }

    /// Jumps to `label` when `cond` equals `when`; comparisons and `&&`/`||`
    /// become compare-and-branch without materialising a bool.
    fn cond_jump(&mut self, cond: &Expr, when: bool, label: &str) {
        match &cond.kind {
            ExprKind::Const(Const::Bool(b)) => {
                if *b == when {
                    self.jmp(label);
                }
            }
            ExprKind::Unary {
                op: UnOp::Not,
                operand,
            } => self.cond_jump(operand, !when, label),
            ExprKind::LogicalAnd(a, b) | ExprKind::LogicalOr(a, b) => {
                let is_and = matches!(cond.kind, ExprKind::LogicalAnd(..));
                // `a && b` jumps on false as soon as `a` is false; on true only if both are.
                if is_and != when {
                    self.cond_jump(a, when, label);
                    self.cond_jump(b, when, label);
                } else {
                    let skip = self.label_for("skip");
                    self.cond_jump(a, !when, &skip);
                    self.cond_jump(b, when, label);
                    self.asm.label(&skip);
                }
            }
            ExprKind::Binary {
                op,
                kind: OpKind::Double,
                lhs,
                rhs,
            } if comparison(*op).is_some() => {
                self.operands(lhs, rhs);
                self.doubles_into_sse();
                self.compare_doubles(*op);
                self.double_branch(*op, when, label);
            }
            ExprKind::Binary { op, kind, lhs, rhs } if comparison(*op).is_some() => {
                if !self.compare_in_place(lhs, rhs, *kind) {
                    self.operands(lhs, rhs);
                    self.compare(*kind);
                }
                let code = jcc(*op, when);
                self.branch(code, label);
            }
            ExprKind::Index { target, index }
                if cond.ty == Type::Bool && matches!(target.ty, Type::Array(_)) =>
            {
                let element = self.element(target, index, cond.span);
                self.xe("tests the element", |a| a.cmp(x::byte_ptr(element), 0));
                let code = if when {
                    Code::Jne_rel32_64
                } else {
                    Code::Je_rel32_64
                };
                self.branch(code, label);
            }
            _ => {
                self.expr(cond);
                self.x(|a| a.test(x::al, x::al));
                let code = if when {
                    Code::Jne_rel32_64
                } else {
                    Code::Je_rel32_64
                };
                self.branch(code, label);
            }
        }
    }

    /// `local = value`; a constant goes straight into a register local.
    fn init_local(&mut self, local: usize, value: &Expr) {
        let l = &self.function.locals[local];
        if let (Storage::Reg(r), ExprKind::Const(Const::Int(v))) = (l.storage, &value.kind) {
            let explain = format!("writes local `{}`", l.name);
            let v = *v;
            return self.xe(&explain, |a| a.mov(reg32(r), v as u32));
        }
        self.expr(value);
        self.store_local(local);
    }

    /// An expression evaluated only for its effect (a statement). `i++` on a
    /// local becomes one `add`, instead of computing the old value too.
    fn effect(&mut self, e: &Expr) {
        if let ExprKind::Assign { target, value } = &e.kind {
            if let Place::Local(id) = target {
                let local = &self.function.locals[id.0 as usize];
                if let Storage::Reg(r) = local.storage {
                    if let Some(load) = self.simple_load(value, (asm_reg(r), reg32(r))) {
                        let explain = format!("writes local `{}`", local.name);
                        return self.xe(&explain, load);
                    }
                }
            }
            return self.assign(target, value, e.span, false);
        }
        if let ExprKind::CompoundAssign {
            target: Place::Local(id),
            op,
            value,
        } = &e.kind
        {
            if self.compound_in_place(id.0 as usize, *op, value) {
                return;
            }
        }
        if let ExprKind::IncDec {
            target: Place::Local(id),
            increment,
            ..
        } = &e.kind
        {
            let local = &self.function.locals[id.0 as usize];
            let delta: i32 = if *increment { 1 } else { -1 };
            let explain = format!(
                "{} `{}`",
                if *increment {
                    "increments"
                } else {
                    "decrements"
                },
                local.name
            );
            let memory = super::memory_home(local.storage);
            match (local.storage, memory, &local.ty) {
                (Storage::Reg(r), _, Type::Int) => {
                    return self.xe(&explain, |a| a.add(reg32(r), delta))
                }
                (Storage::Reg(r), _, Type::Long) => {
                    return self.xe(&explain, |a| a.add(asm_reg(r), delta))
                }
                (_, Some(mem), Type::Int) => {
                    return self.xe(&explain, |a| a.add(x::dword_ptr(mem), delta))
                }
                (_, Some(mem), Type::Long) => {
                    return self.xe(&explain, |a| a.add(x::qword_ptr(mem), delta))
                }
                _ => {}
            }
        }
        if let ExprKind::IncDec {
            target, increment, ..
        } = &e.kind
        {
            return self.inc_dec_effect(target, *increment, e);
        }
        self.expr(e);
    }

    /// `x += y` as a statement, on a register local with a register or small
    /// constant operand: one instruction (`add ebx, r12d`).
    fn compound_in_place(&mut self, local: usize, op: CompoundOp, value: &Expr) -> bool {
        let CompoundOp::Arith { op, kind } = op else {
            return false;
        };
        let Storage::Reg(target) = self.function.locals[local].storage else {
            return false;
        };
        if !matches!(
            op,
            BinOp::Add | BinOp::Sub | BinOp::And | BinOp::Or | BinOp::Xor
        ) {
            return false;
        }
        let wide = match kind {
            OpKind::Int => false,
            OpKind::Long => true,
            _ => return false,
        };
        enum Operand {
            Reg(Reg),
            Imm(i32),
            /// Computed into rax first: the value does not assign the local,
            /// so reading the local after it is reading it before it (C#).
            Rax,
        }
        let operand = match (&value.kind, self.register_local(value)) {
            (_, Some(r)) => Operand::Reg(r),
            (ExprKind::Const(Const::Int(v)), None) => Operand::Imm(*v),
            (ExprKind::Const(Const::Long(v)), None) if i32::try_from(*v).is_ok() => {
                Operand::Imm(*v as i32)
            }
            _ if !proof::assigns(value, local) => {
                self.expr(value);
                Operand::Rax
            }
            _ => return false,
        };
        let explain = format!("updates `{}` in place", self.function.locals[local].name);
        macro_rules! emit {
            ($m:ident) => {
                match (operand, wide) {
                    (Operand::Reg(r), true) => {
                        self.xe(&explain, |a| a.$m(asm_reg(target), asm_reg(r)))
                    }
                    (Operand::Reg(r), false) => {
                        self.xe(&explain, |a| a.$m(reg32(target), reg32(r)))
                    }
                    (Operand::Imm(v), true) => self.xe(&explain, |a| a.$m(asm_reg(target), v)),
                    (Operand::Imm(v), false) => self.xe(&explain, |a| a.$m(reg32(target), v)),
                    (Operand::Rax, true) => self.xe(&explain, |a| a.$m(asm_reg(target), x::rax)),
                    (Operand::Rax, false) => self.xe(&explain, |a| a.$m(reg32(target), x::eax)),
                }
            };
        }
        match op {
            BinOp::Add => emit!(add),
            BinOp::Sub => emit!(sub),
            BinOp::And => emit!(and),
            BinOp::Or => emit!(or),
            _ => emit!(xor),
        }
        true
    }

    /// `cmp ebx, r12d` / `cmp ebx, 10` / `cmp eax, [r15+56]` when both sides
    /// are locals (in registers or in memory) or the right one a small
    /// constant: no operand goes through the machine stack.
    fn compare_in_place(&mut self, lhs: &Expr, rhs: &Expr, kind: OpKind) -> bool {
        let wide = match kind {
            OpKind::Int => false,
            OpKind::Long | OpKind::Ref => true,
            OpKind::Bool | OpKind::Double => return false,
        };
        let Some(left) = self.local_operand(lhs) else {
            return false;
        };
        if let (ExprKind::ArrayLength(array), Operand::Reg(_, left)) = (&rhs.kind, left) {
            if wide {
                return false;
            }
            let Some(array_reg) = self.register_local(array) else {
                return false;
            };
            if !self.is_never_null(array) {
                self.null_check(asm_reg(array_reg), rhs.span);
            }
            self.xe("compares with the length stored before the elements", |a| {
                a.cmp(left, x::dword_ptr(asm_reg(array_reg)))
            });
            return true;
        }
        let right = match (&rhs.kind, self.local_operand(rhs)) {
            (_, Some(operand)) => operand,
            (ExprKind::Const(Const::Int(v)), None) if !wide => Operand::Imm(*v),
            (ExprKind::Const(Const::Long(v)), None) if wide && i32::try_from(*v).is_ok() => {
                Operand::Imm(*v as i32)
            }
            _ => return false,
        };
        let left = match (left, right) {
            (Operand::Mem(m), Operand::Mem(_)) => {
                // x86 compares at most one memory operand: the left one to eax.
                self.load_local_operand(m, wide);
                Operand::Reg(x::rax, x::eax)
            }
            (left, _) => left,
        };
        let mem = |m: x::AsmMemoryOperand| {
            if wide {
                x::qword_ptr(m)
            } else {
                x::dword_ptr(m)
            }
        };
        match (left, right, wide) {
            (Operand::Reg(l, _), Operand::Reg(r, _), true) => self.x(|a| a.cmp(l, r)),
            (Operand::Reg(_, l), Operand::Reg(_, r), false) => self.x(|a| a.cmp(l, r)),
            (Operand::Reg(l, _), Operand::Imm(v), true) => self.x(|a| a.cmp(l, v)),
            (Operand::Reg(_, l), Operand::Imm(v), false) => self.x(|a| a.cmp(l, v)),
            (Operand::Reg(l, _), Operand::Mem(m), true) => self.x(|a| a.cmp(l, mem(m))),
            (Operand::Reg(_, l), Operand::Mem(m), false) => self.x(|a| a.cmp(l, mem(m))),
            (Operand::Mem(m), Operand::Reg(r, _), true) => self.x(|a| a.cmp(mem(m), r)),
            (Operand::Mem(m), Operand::Reg(_, r), false) => self.x(|a| a.cmp(mem(m), r)),
            (Operand::Mem(m), Operand::Imm(v), _) => self.x(|a| a.cmp(mem(m), v)),
            (Operand::Imm(_), _, _) | (Operand::Mem(_), Operand::Mem(_), _) => {
                unreachable!("the left side is a local, and not both in memory")
            }
        }
        true
    }

    /// A local as an instruction operand: its register, or its memory home.
    fn local_operand(&self, e: &Expr) -> Option<Operand> {
        let ExprKind::Local(id) = e.kind else {
            return None;
        };
        let storage = self.function.locals[id.0 as usize].storage;
        match storage {
            Storage::Reg(r) => Some(Operand::Reg(asm_reg(r), reg32(r))),
            _ => super::memory_home(storage).map(Operand::Mem),
        }
    }

    fn load_local_operand(&mut self, m: x::AsmMemoryOperand, wide: bool) {
        if wide {
            self.xe("reads the left side", |a| a.mov(x::rax, x::qword_ptr(m)));
        } else {
            self.xe("reads the left side", |a| a.mov(x::eax, x::dword_ptr(m)));
        }
    }

    /// Jumps to `label` when the double comparison `op` (flags from
    /// [`Self::compare_doubles`]) comes out as `when`. "Above" and "above or
    /// equal" are false for a NaN; `==` must also test for unordered (PF).
    fn double_branch(&mut self, op: BinOp, when: bool, label: &str) {
        match (op, when) {
            (BinOp::Gt | BinOp::Lt, true) => self.branch(Code::Ja_rel32_64, label),
            (BinOp::Gt | BinOp::Lt, false) => self.branch(Code::Jbe_rel32_64, label),
            (BinOp::Ge | BinOp::Le, true) => self.branch(Code::Jae_rel32_64, label),
            (BinOp::Ge | BinOp::Le, false) => self.branch(Code::Jb_rel32_64, label),
            // Equal: ZF set and PF clear; "not equal" includes unordered.
            (BinOp::Eq, false) | (BinOp::Ne, true) => {
                self.branch(Code::Jp_rel32_64, label);
                self.branch(Code::Jne_rel32_64, label);
            }
            _ => {
                let skip = self.label_for("unordered");
                self.branch(Code::Jp_rel32_64, &skip);
                self.branch(Code::Je_rel32_64, label);
                self.asm.label(&skip);
            }
        }
    }

    /// The register of a local that lives in one.
    pub(super) fn register_local(&self, e: &Expr) -> Option<Reg> {
        match e.kind {
            ExprKind::Local(id) => match self.function.locals[id.0 as usize].storage {
                Storage::Reg(r) => Some(r),
                Storage::Stack(_) | Storage::Frame(_) => None,
            },
            _ => None,
        }
    }

    /// `cmp eax, ecx` (or the 64-bit form) for a comparison of `kind`.
    pub(super) fn compare(&mut self, kind: OpKind) {
        match kind {
            OpKind::Int | OpKind::Bool => self.x(|a| a.cmp(x::eax, x::ecx)),
            OpKind::Long | OpKind::Ref => self.x(|a| a.cmp(x::rax, x::rcx)),
            OpKind::Double => unreachable!("doubles compare with compare_doubles"),
        }
    }
}

/// The comparison operators (the others are arithmetic).
pub(super) fn comparison(op: BinOp) -> Option<BinOp> {
    matches!(
        op,
        BinOp::Lt | BinOp::Le | BinOp::Gt | BinOp::Ge | BinOp::Eq | BinOp::Ne
    )
    .then_some(op)
}

/// The signed conditional jump taken when `op` holds (`when`) or fails.
fn jcc(op: BinOp, when: bool) -> Code {
    let op = if when { op } else { negate(op) };
    match op {
        BinOp::Lt => Code::Jl_rel32_64,
        BinOp::Le => Code::Jle_rel32_64,
        BinOp::Gt => Code::Jg_rel32_64,
        BinOp::Ge => Code::Jge_rel32_64,
        BinOp::Eq => Code::Je_rel32_64,
        _ => Code::Jne_rel32_64,
    }
}

fn negate(op: BinOp) -> BinOp {
    match op {
        BinOp::Lt => BinOp::Ge,
        BinOp::Le => BinOp::Gt,
        BinOp::Gt => BinOp::Le,
        BinOp::Ge => BinOp::Lt,
        BinOp::Eq => BinOp::Ne,
        _ => BinOp::Eq,
    }
}

/// An operand of an in-place comparison.
#[derive(Clone, Copy)]
enum Operand {
    /// A register, in its 64- and 32-bit names.
    Reg(x::AsmRegister64, x::AsmRegister32),
    Mem(x::AsmMemoryOperand),
    Imm(i32),
}
