//! Lowering: typed program → IR functions.
//!
//! In: a checked [`typed::Program`]. Out: an [`ir::Module`]: one function per
//! method body and constructor plus the `flux$main` entry, each with a label,
//! its locals' storage decided, and loops in one shape.
//!
//! Storage: the locals used most (uses inside loops count eight times more per
//! loop level) get the callee-saved registers rbx, r12–r15; the rest get stack
//! slots below `rbp`. A function saves exactly the registers it hands out.

use crate::ir::{self, Function, FunctionKind, Local, LocalIndex, Reg, Stmt, Storage, LOCAL_REGS};
use crate::typed::{self, Expr, ExprKind, Place, Program, StmtKind, Type};

/// Lowers every function of a checked program.
pub fn lower(program: &Program) -> ir::Module<'_> {
    let method_labels = method_labels(program);
    let ctor_labels = ctor_labels(program);
    let mut functions = Vec::new();
    for method in &program.methods {
        if let Some(body) = &method.body {
            let label = method_labels[method.id.0 as usize].clone().unwrap_or_default();
            let has_this = method.dispatch != typed::Dispatch::Static;
            functions.push(lower_body(label, FunctionKind::Method(method.id), method.span, body, has_this));
        }
    }
    for ctor in &program.ctors {
        let label = ctor_labels[ctor.id.0 as usize].clone();
        functions.push(lower_body(label, FunctionKind::Ctor(ctor.id), ctor.span, &ctor.body, true));
    }
    functions.push(entry_function(program));
    ir::Module { program, functions, method_labels, ctor_labels }
}

/// `flux$main`: the function the runtime's `_start` calls. Its body is empty:
/// the code generator emits the static initializers and the entry call.
fn entry_function(program: &Program) -> Function {
    let span = program.entry.as_ref().map_or_else(Default::default, |entry| match entry {
        typed::Entry::Static { method, .. } | typed::Entry::MainClass { method, .. } => {
            program.methods[method.0 as usize].span
        }
    });
    Function {
        label: "flux$main".into(),
        kind: FunctionKind::Entry,
        span,
        params: 0,
        this: None,
        locals: Vec::new(),
        body: Vec::new(),
        saved_regs: Vec::new(),
        stack_size: 0,
    }
}

/// Labels say what a function is: `Counter.Next`, and for overloads the
/// parameter types too (`Counter.Add$int$long`), since NASM labels must be unique.
fn method_labels(program: &Program) -> Vec<Option<String>> {
    program
        .methods
        .iter()
        .map(|m| {
            if m.body.is_none() {
                return None;
            }
            let base = match m.class {
                Some(c) => format!("{}.{}", program.classes[c.0 as usize].name, m.name),
                None => format!("fn.{}", m.name),
            };
            let overloaded = program
                .methods
                .iter()
                .any(|other| other.id != m.id && other.class == m.class && other.name == m.name);
            Some(if overloaded { overload_label(program, base, &m.param_types) } else { base })
        })
        .collect()
}

fn ctor_labels(program: &Program) -> Vec<String> {
    program
        .ctors
        .iter()
        .map(|c| {
            let class = &program.classes[c.class.0 as usize];
            let base = format!("{}.ctor", class.name);
            if class.ctors.len() > 1 {
                overload_label(program, base, &c.param_types)
            } else {
                base
            }
        })
        .collect()
}

fn overload_label(program: &Program, base: String, params: &[Type]) -> String {
    let mut label = base;
    if params.is_empty() {
        label.push_str("$0");
    }
    for ty in params {
        label.push('$');
        label.push_str(&program.type_name(ty).replace("[]", "Array").replace(['<', '>'], "_"));
    }
    label
}

fn lower_body(label: String, kind: FunctionKind, span: crate::source::Span, body: &typed::Body, has_this: bool) -> Function {
    let mut locals: Vec<Local> = body
        .locals
        .iter()
        .map(|l| Local { name: l.name.clone(), ty: l.ty.clone(), storage: Storage::Stack(0), span: l.span })
        .collect();
    let this = has_this.then(|| {
        locals.push(Local { name: "this".into(), ty: Type::Null, storage: Storage::Stack(0), span });
        locals.len() - 1
    });
    let mut weights = vec![0u64; locals.len()];
    for index in 0..body.params {
        weights[index] += 1;
    }
    let mut counter = UseCounter { weights: &mut weights, this, depth: 0 };
    counter.block(&body.block.stmts);
    let (saved_regs, stack_size) = assign_storage(&mut locals, &weights);
    let body_stmts = body.block.stmts.iter().flat_map(lower_stmt).collect();
    Function {
        label,
        kind,
        span,
        params: body.params,
        this,
        locals,
        body: body_stmts,
        saved_regs,
        stack_size,
    }
}

/// Hands the callee-saved registers to the heaviest locals, stack slots to the
/// rest; returns the registers used and the stack bytes, padded so that the
/// return address, `rbp`, the saves and the slots add up to a multiple of 16.
fn assign_storage(locals: &mut [Local], weights: &[u64]) -> (Vec<Reg>, u32) {
    let mut order: Vec<LocalIndex> = (0..locals.len()).filter(|&i| weights[i] > 0).collect();
    order.sort_by_key(|&i| (std::cmp::Reverse(weights[i]), i));
    let mut used = Vec::new();
    let mut stack = 0u32;
    for (rank, &index) in order.iter().enumerate() {
        locals[index].storage = match LOCAL_REGS.get(rank) {
            Some(&reg) => {
                used.push(reg);
                Storage::Reg(reg)
            }
            None => {
                stack += 8;
                Storage::Stack(8 * used.len() as u32 + stack)
            }
        };
    }
    // Unused locals still need a home (a declaration may store into them).
    for (index, local) in locals.iter_mut().enumerate() {
        if weights[index] == 0 {
            stack += 8;
            local.storage = Storage::Stack(8 * used.len() as u32 + stack);
        }
    }
    // After `call` (8) and `push rbp` (8) the stack is 16-aligned; each save is 8.
    let pushed = 8 * used.len() as u32 + stack;
    let stack = stack + (16 - pushed % 16) % 16;
    (used, stack)
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

    fn block(&mut self, stmts: &[typed::Stmt]) {
        for stmt in stmts {
            self.stmt(stmt);
        }
    }

    fn stmt(&mut self, stmt: &typed::Stmt) {
        match &stmt.kind {
            StmtKind::Block(b) => self.block(&b.stmts),
            StmtKind::Local(inits) => {
                for init in inits {
                    self.bump(init.local.0 as usize);
                    if let Some(e) = &init.init {
                        self.expr(e);
                    }
                }
            }
            StmtKind::Expr(e) => self.expr(e),
            StmtKind::If { cond, then, otherwise } => {
                self.expr(cond);
                self.stmt(then);
                if let Some(o) = otherwise {
                    self.stmt(o);
                }
            }
            StmtKind::While { cond, body } | StmtKind::DoWhile { body, cond } => {
                self.depth += 1;
                self.expr(cond);
                self.stmt(body);
                self.depth -= 1;
            }
            StmtKind::For { init, cond, step, body } => {
                self.block(init);
                self.depth += 1;
                if let Some(c) = cond {
                    self.expr(c);
                }
                step.iter().for_each(|e| self.expr(e));
                self.stmt(body);
                self.depth -= 1;
            }
            StmtKind::Return(Some(e)) => self.expr(e),
            StmtKind::Return(None) | StmtKind::Break | StmtKind::Continue => {}
        }
    }

    fn place(&mut self, place: &Place) {
        match place {
            Place::Local(id) => self.bump(id.0 as usize),
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
            ExprKind::Local(id) => self.bump(id.0 as usize),
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
            _ => for_each_child(e, &mut |child| self.expr(child)),
        }
    }
}

fn lower_block(stmts: &[typed::Stmt]) -> Vec<Stmt> {
    stmts.iter().flat_map(lower_stmt).collect()
}

fn lower_one(stmt: &typed::Stmt) -> Vec<Stmt> {
    lower_stmt(stmt)
}

fn lower_stmt(stmt: &typed::Stmt) -> Vec<Stmt> {
    let span = stmt.span;
    match &stmt.kind {
        StmtKind::Block(b) => vec![Stmt::Block(lower_block(&b.stmts))],
        StmtKind::Local(inits) => inits
            .iter()
            .filter_map(|init| {
                let value = init.init.clone()?;
                Some(Stmt::Init { local: init.local.0 as usize, value, span: init.span })
            })
            .collect(),
        StmtKind::Expr(e) => vec![Stmt::Expr(e.clone())],
        StmtKind::If { cond, then, otherwise } => vec![Stmt::If {
            cond: cond.clone(),
            then: lower_one(then),
            otherwise: otherwise.as_deref().map(lower_one).unwrap_or_default(),
            span,
        }],
        StmtKind::While { cond, body } => vec![Stmt::Loop {
            cond: Some(cond.clone()),
            test_first: true,
            body: lower_one(body),
            step: Vec::new(),
            span,
        }],
        StmtKind::DoWhile { body, cond } => vec![Stmt::Loop {
            cond: Some(cond.clone()),
            test_first: false,
            body: lower_one(body),
            step: Vec::new(),
            span,
        }],
        StmtKind::For { init, cond, step, body } => {
            let mut out = lower_block(init);
            out.push(Stmt::Loop {
                cond: cond.clone(),
                test_first: true,
                body: lower_one(body),
                step: step.iter().map(|e| Stmt::Expr(e.clone())).collect(),
                span,
            });
            vec![Stmt::Block(out)]
        }
        StmtKind::Break => vec![Stmt::Break(span)],
        StmtKind::Continue => vec![Stmt::Continue(span)],
        StmtKind::Return(value) => vec![Stmt::Return(value.clone(), span)],
    }
}

/// Calls `f` on each direct sub-expression of `e`, in evaluation order
/// (places included: their object, array and index expressions).
pub fn for_each_child(e: &Expr, f: &mut impl FnMut(&Expr)) {
    fn place(p: &Place, f: &mut impl FnMut(&Expr)) {
        match p {
            Place::Local(_) | Place::Static(_) => {}
            Place::Field { obj, .. } => f(obj),
            Place::Index { array, index } => {
                f(array);
                f(index);
            }
        }
    }
    match &e.kind {
        ExprKind::Const(_) | ExprKind::Local(_) | ExprKind::This | ExprKind::Static(_) | ExprKind::Error => {}
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
        ExprKind::Conditional { cond, then, otherwise } => {
            f(cond);
            f(then);
            f(otherwise);
        }
    }
}
