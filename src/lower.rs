//! Lowering: typed program → IR functions.
//!
//! In: a checked [`typed::Program`]. Out: an [`ir::Module`]: one function per
//! method body and constructor plus the `flux$main` entry, each with a label,
//! its locals' storage decided, and loops in one shape.
//!
//! Storage: the locals used most (uses inside loops count eight times more per
//! loop level) get the callee-saved registers rbx, r12–r15; the rest get stack
//! slots below `rbp`. A function saves exactly the registers it hands out.

mod frame;
mod handlers;
pub mod labels;
pub mod listing;
mod liveness;
mod reach;
pub(crate) mod spill;

use crate::ir::{self, Function, FunctionKind, Local, LocalIndex, Reg, Stmt, Storage, LOCAL_REGS};
use crate::pipeline::{Lowering, Model, Target};
use crate::runtime_layout::H_SIZE;
use crate::source::Span;
use crate::typed::{self, Expr, ExprKind, Place, Program, Type};

/// The register that holds the frame pointer in a state machine's resume function.
pub const FRAME_REG: Reg = Reg::R15;

/// Lowers every function of a checked program, its async methods for the
/// target's lowering (a stackful task's body keeps its locals on its own
/// stack) and model (a Rust future's frame keeps the waker of its poll).
pub fn lower(program: &Program, target: Target) -> ir::Module<'_> {
    let future = target.model == Model::Rust;
    let stackful = target.lowering == Lowering::Stackful && !future;
    let kind = match (stackful, future) {
        (true, _) => frame::FrameKind::Stackful,
        (_, true) => frame::FrameKind::Future,
        _ => frame::FrameKind::StateMachine,
    };
    let method_labels = method_labels(program);
    let ctor_labels = ctor_labels(program);
    let mut functions = Vec::new();
    for method in &program.methods {
        if let Some(body) = &method.body {
            let label = method_labels[method.id.0 as usize]
                .clone()
                .unwrap_or_default();
            let has_this = method.dispatch != typed::Dispatch::Static;
            if method.async_kind == typed::AsyncKind::NotAsync {
                functions.push(lower_body(
                    label,
                    FunctionKind::Method(method.id),
                    method.span,
                    body,
                    has_this,
                    false,
                    frame::FrameKind::StateMachine,
                ));
                continue;
            }
            let body_label = match kind {
                frame::FrameKind::Stackful => labels::fiber(&label),
                frame::FrameKind::Future => labels::poll(&label),
                frame::FrameKind::StateMachine => labels::resume(&label),
            };
            let resume = lower_body(
                body_label,
                FunctionKind::AsyncResume(method.id),
                method.span,
                body,
                has_this,
                method.async_kind == typed::AsyncKind::Void,
                kind,
            );
            functions.push(async_starter(label, method, &resume));
            functions.push(resume);
        }
    }
    for ctor in &program.ctors {
        let label = ctor_labels[ctor.id.0 as usize].clone();
        functions.push(lower_body(
            label,
            FunctionKind::Ctor(ctor.id),
            ctor.span,
            &ctor.body,
            true,
            false,
            frame::FrameKind::StateMachine,
        ));
    }
    functions.push(entry_function(program));
    let vtables = reach::drop_unused_system_code(program, &mut functions);
    let statics = reach::statics_used(program, &functions);
    ir::Module {
        program,
        functions,
        vtables,
        statics,
        method_labels,
        ctor_labels,
    }
}

/// The callable part of an async method: same parameters, no locals of its
/// own; the code generator moves the arguments into the new frame.
fn async_starter(label: String, method: &typed::Method, resume: &Function) -> Function {
    Function {
        label,
        kind: FunctionKind::AsyncStart(method.id),
        span: method.span,
        params: resume.params,
        this: resume.this,
        locals: Vec::new(),
        body: Vec::new(),
        saved_regs: Vec::new(),
        stack_size: 0,
        handler_record: None,
        frame_pointer: true,
        try_records: Vec::new(),
        frame: resume.frame.clone(),
    }
}

/// `flux$main`: the function the runtime's `_start` calls. Its body is empty:
/// the code generator emits the static initializers and the entry call.
fn entry_function(program: &Program) -> Function {
    let span = program
        .entry
        .as_ref()
        .map_or_else(Default::default, |entry| match entry {
            typed::Entry::Static { method, .. } | typed::Entry::MainClass { method, .. } => {
                program.methods[method.0 as usize].span
            }
        });
    Function {
        label: labels::ENTRY.into(),
        kind: FunctionKind::Entry,
        span,
        params: 0,
        this: None,
        locals: Vec::new(),
        body: Vec::new(),
        saved_regs: Vec::new(),
        stack_size: 0,
        handler_record: None,
        frame_pointer: true,
        try_records: Vec::new(),
        frame: None,
    }
}

/// Labels say what a function is: `Counter.Next`, and for overloads the
/// parameter types too (`Counter.Add$int$long`), since NASM labels must be
/// unique (see [`labels`]).
fn method_labels(program: &Program) -> Vec<Option<String>> {
    let mut same_name: std::collections::HashMap<_, usize> = std::collections::HashMap::new();
    for m in &program.methods {
        *same_name.entry((m.class, m.name.as_str())).or_default() += 1;
    }
    program
        .methods
        .iter()
        .map(|m| {
            if let Some(routine) = m.runtime {
                return Some(routine.to_string());
            }
            m.body.as_ref()?;
            let overloaded = same_name[&(m.class, m.name.as_str())] > 1;
            let class = m.class.map(|c| program.classes[c.0 as usize].name.as_str());
            let params = overloaded.then_some(&m.param_types[..]);
            Some(labels::method(program, class, &m.name, params))
        })
        .collect()
}

fn ctor_labels(program: &Program) -> Vec<String> {
    program
        .ctors
        .iter()
        .map(|c| {
            let class = &program.classes[c.class.0 as usize];
            let params = (class.ctors.len() > 1).then_some(&c.param_types[..]);
            labels::ctor(program, &class.name, params)
        })
        .collect()
}

fn lower_body(
    label: String,
    kind: FunctionKind,
    span: Span,
    body: &typed::Body,
    has_this: bool,
    async_void: bool,
    frame_kind: frame::FrameKind,
) -> Function {
    let mut locals: Vec<Local> = body
        .locals
        .iter()
        .map(|l| Local {
            name: l.name.clone(),
            ty: l.ty.clone(),
            storage: Storage::Stack(0),
            span: l.span,
        })
        .collect();
    let this = has_this.then(|| {
        locals.push(Local {
            name: "this".into(),
            ty: Type::Null,
            storage: Storage::Stack(0),
            span,
        });
        locals.len() - 1
    });
    let is_async = matches!(kind, FunctionKind::AsyncResume(_));
    // A `ref`/`out` parameter holds an address: a pointer-sized value (as
    // `this`, typed Null here), whatever the type of what it refers to.
    for (local, typed) in locals.iter_mut().zip(&body.locals) {
        if typed.pass != typed::PassMode::Value {
            local.ty = Type::Null;
        }
    }
    let mut lowerer = spill::BodyLowerer::new(&mut locals, this);
    let stmts = lowerer.block(&body.block.stmts);
    let awaits = lowerer.awaits;
    let try_count = lowerer.records;
    let mut weights = vec![0u64; locals.len()];
    for weight in &mut weights[..body.params] {
        *weight += 1;
    }
    if let Some(this) = this {
        weights[this] += 1;
    }
    UseCounter {
        weights: &mut weights,
        this,
        depth: 0,
    }
    .block(&stmts);
    for (weight, taken) in weights.iter_mut().zip(address_taken(&stmts, locals.len())) {
        if taken {
            *weight = 0; // no register: see `assign_storage`
        }
    }
    // In a state machine r15 holds the frame, so locals get one register less.
    let (mut regs, reserved): (&[Reg], &[Reg]) = if is_async {
        (&LOCAL_REGS[..4], &[FRAME_REG])
    } else {
        (&LOCAL_REGS, &[])
    };
    // A handler puts back the callee-saved registers as they were when its
    // record was made, so a local a `try` changes must not live in one: in
    // a function with a `try`, every local lives on the stack.
    if try_count > 0 {
        regs = &[];
    }
    // Whoever runs a resume function catches what leaves it (runtime/fail.asm:
    // the event loop, a hot start, an inline resume) and faults the task.
    // Only `async void`, whose exception is posted to the loop rather than
    // kept in a task, keeps a handler record of its own, below its stack
    // slots. Each `try` has one more record above it.
    let fault_record = is_async && async_void;
    let records = try_count + u32::from(fault_record);
    let frame = match kind {
        FunctionKind::AsyncResume(method) => Some(frame::layout(
            method,
            &locals,
            body.params,
            this,
            &stmts,
            awaits,
            frame_kind,
        )),
        _ => None,
    };
    // The arguments and every local live across an await live in the frame.
    let in_frame = frame.as_ref().map_or(&[][..], |f| &f.saves[..]);
    for &(local, offset) in in_frame {
        locals[local].storage = Storage::Frame(offset);
    }
    let (saved_regs, stack_size, lowest_record) = assign_storage(
        &mut locals,
        &weights,
        regs,
        reserved,
        records * H_SIZE as u32,
    );
    let slots = locals
        .iter()
        .any(|l| matches!(l.storage, Storage::Stack(_)));
    let frame_pointer = !(is_async && records == 0 && !slots);
    let stack_size = if frame_pointer {
        stack_size
    } else {
        // No rbp pushed: the return address and the saves alone must add up
        // to a multiple of 16 for the calls.
        (8 * saved_regs.len() as u32 + 8) % 16
    };
    let record_at = |k: u32| lowest_record - k * H_SIZE as u32;
    let first_try = u32::from(fault_record);
    let try_records = (0..try_count).map(|k| record_at(first_try + k)).collect();
    Function {
        label,
        kind,
        span,
        params: body.params,
        this,
        locals,
        body: stmts,
        saved_regs,
        stack_size,
        handler_record: fault_record.then_some(record_at(0)),
        frame_pointer,
        try_records,
        frame,
    }
}

/// Hands the callee-saved registers in `regs` to the heaviest locals and
/// stack slots to the rest. `reserved` registers are saved too (the frame
/// pointer of a state machine). Returns the registers to save and the stack
/// bytes, padded so that the return address, `rbp`, the saves and the slots
/// add up to a multiple of 16 (calls then see an aligned stack), and where
/// `extra` bytes below the slots begin (`[rbp - offset]`, 16-byte aligned).
fn assign_storage(
    locals: &mut [Local],
    weights: &[u64],
    regs: &[Reg],
    reserved: &[Reg],
    extra: u32,
) -> (Vec<Reg>, u32, u32) {
    let mut order: Vec<LocalIndex> = (0..locals.len())
        .filter(|&i| !matches!(locals[i].storage, Storage::Frame(_)))
        .collect();
    order.sort_by_key(|&i| (std::cmp::Reverse(weights[i]), i));
    let used_regs = order
        .iter()
        .filter(|&&i| weights[i] > 0)
        .count()
        .min(regs.len());
    let mut saved: Vec<Reg> = regs[..used_regs].to_vec();
    saved.extend_from_slice(reserved);
    let mut stack = 0u32;
    for (rank, &index) in order.iter().enumerate() {
        locals[index].storage = if rank < used_regs {
            Storage::Reg(regs[rank])
        } else {
            stack += 8;
            // Slots lie below rbp and the saved registers.
            Storage::Stack(8 * saved.len() as u32 + stack)
        };
    }
    let pushed = 8 * saved.len() as u32 + stack;
    let padded = stack + (16 - pushed % 16) % 16;
    let extra = extra.next_multiple_of(16);
    let below = 8 * saved.len() as u32 + padded + extra;
    (saved, padded + extra, below)
}

/// Counts how often each local is used, weighting uses in loops.
struct UseCounter<'a> {
    weights: &'a mut [u64],
    this: Option<LocalIndex>,
    depth: u32,
}

impl UseCounter<'_> {
    fn bump(&mut self, index: LocalIndex) {
        let weight = 8u64.saturating_pow(self.depth.min(6));
        self.weights[index] = self.weights[index].saturating_add(weight);
    }

    fn block(&mut self, stmts: &[Stmt]) {
        for stmt in stmts {
            self.stmt(stmt);
        }
    }

    fn stmt(&mut self, stmt: &Stmt) {
        match stmt {
            Stmt::Expr(e) | Stmt::Return(Some(e), _) => self.expr(e),
            Stmt::Init { local, value, .. } => {
                self.bump(*local);
                self.expr(value);
            }
            Stmt::If {
                cond,
                then,
                otherwise,
                ..
            } => {
                self.expr(cond);
                self.block(then);
                self.block(otherwise);
            }
            Stmt::Loop {
                cond, body, step, ..
            } => {
                self.depth += 1;
                if let Some(c) = cond {
                    self.expr(c);
                }
                self.block(body);
                self.block(step);
                self.depth -= 1;
            }
            Stmt::Await { task, dest, .. } => {
                self.expr(task);
                if let Some(d) = dest {
                    self.bump(*d);
                }
            }
            Stmt::Block(stmts) | Stmt::Finally { body: stmts, .. } => self.block(stmts),
            Stmt::Try {
                body,
                caught,
                handler,
                ..
            } => {
                self.block(body);
                self.bump(*caught);
                self.block(handler);
            }
            Stmt::Throw { value, .. } => self.expr(value),
            Stmt::Return(None, _) | Stmt::Break(_) | Stmt::Continue(_) | Stmt::Unlink { .. } => {}
        }
    }

    fn place(&mut self, place: &Place) {
        match place {
            Place::Local(id) | Place::Deref(id) => self.bump(id.0 as usize),
            Place::Field { obj, .. } => self.expr(obj),
            Place::Static(_) => {}
            Place::Index { array, index } => {
                self.expr(array);
                self.expr(index);
            }
        }
    }

    fn expr(&mut self, e: &Expr) {
        match &e.kind {
            ExprKind::Local(id) | ExprKind::Deref(id) => self.bump(id.0 as usize),
            ExprKind::This => {
                if let Some(this) = self.this {
                    self.bump(this);
                }
            }
            ExprKind::Assign { target, value } | ExprKind::CompoundAssign { target, value, .. } => {
                self.place(target);
                self.expr(value);
            }
            ExprKind::IncDec { target, .. } => self.place(target),
            ExprKind::AddressOf { place, .. } => self.place(place),
            _ => for_each_child(e, &mut |child| self.expr(child)),
        }
    }
}

/// The local an assignment, compound assignment or `++`/`--` writes.
pub fn assigned_local(e: &Expr) -> Option<LocalIndex> {
    match &e.kind {
        ExprKind::Assign {
            target: Place::Local(id),
            ..
        }
        | ExprKind::CompoundAssign {
            target: Place::Local(id),
            ..
        }
        | ExprKind::IncDec {
            target: Place::Local(id),
            ..
        } => Some(id.0 as usize),
        // `ref x` / `out x`: the callee may write x.
        ExprKind::AddressOf { place, .. } => match **place {
            Place::Local(id) => Some(id.0 as usize),
            _ => None,
        },
        _ => None,
    }
}

/// The locals whose address a body takes (`ref x`, `out x`): they must
/// live in stack slots, which have addresses, not in registers.
fn address_taken(stmts: &[Stmt], locals: usize) -> Vec<bool> {
    let mut taken = vec![false; locals];
    ir::walk_exprs(stmts, &mut |e| {
        if let ExprKind::AddressOf { place, .. } = &e.kind {
            if let Place::Local(id) = **place {
                taken[id.0 as usize] = true;
            }
        }
    });
    taken
}

/// Calls `f` on each direct sub-expression of `e`, in evaluation order
/// (places included: their object, array and index expressions).
pub fn for_each_child(e: &Expr, f: &mut impl FnMut(&Expr)) {
    fn place(p: &Place, f: &mut impl FnMut(&Expr)) {
        match p {
            Place::Local(_) | Place::Deref(_) | Place::Static(_) => {}
            Place::Field { obj, .. } => f(obj),
            Place::Index { array, index } => {
                f(array);
                f(index);
            }
        }
    }
    match &e.kind {
        ExprKind::Const(_)
        | ExprKind::Local(_)
        | ExprKind::Deref(_)
        | ExprKind::This
        | ExprKind::Static(_)
        | ExprKind::Error => {}
        ExprKind::AddressOf { place: p, .. } => place(p, f),
        ExprKind::Field { obj, .. } => f(obj),
        ExprKind::Index { target, index } => {
            f(target);
            f(index);
        }
        ExprKind::ArrayLength(a) | ExprKind::NewArray { len: a, .. } => f(a),
        ExprKind::Assign { target, value } | ExprKind::CompoundAssign { target, value, .. } => {
            place(target, f);
            f(value);
        }
        ExprKind::IncDec { target, .. } => place(target, f),
        ExprKind::CallStatic { args, .. }
        | ExprKind::Builtin { args, .. }
        | ExprKind::New { args, .. }
        | ExprKind::ArrayLit { items: args, .. }
        | ExprKind::Concat(args) => args.iter().for_each(f),
        ExprKind::CallDirect { obj, args, .. } | ExprKind::CallVirtual { obj, args, .. } => {
            f(obj);
            args.iter().for_each(f);
        }
        ExprKind::Convert { operand, .. }
        | ExprKind::Unary { operand, .. }
        | ExprKind::Is { operand, .. }
        | ExprKind::As { operand, .. }
        | ExprKind::CastClass { operand, .. }
        | ExprKind::Await(operand) => f(operand),
        ExprKind::Binary { lhs, rhs, .. }
        | ExprKind::StringEq { lhs, rhs, .. }
        | ExprKind::Coalesce { lhs, rhs }
        | ExprKind::LogicalAnd(lhs, rhs)
        | ExprKind::LogicalOr(lhs, rhs) => {
            f(lhs);
            f(rhs);
        }
        ExprKind::Conditional {
            cond,
            then,
            otherwise,
        } => {
            f(cond);
            f(then);
            f(otherwise);
        }
    }
}
