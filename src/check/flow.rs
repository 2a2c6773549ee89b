//! Flow analysis on a typed body: reachability and definite assignment.
//!
//! One pass, C#'s rules: the state is the set of locals definitely assigned,
//! or `None` where the code is unreachable (C# treats every variable as
//! assigned there). Constant conditions count (`while (true)` without `break`
//! never ends), `&&`/`||`/`!` split the state into "when true" and "when
//! false". Loops need no fixpoint: a back edge can only add assignments, and
//! definite assignment at a loop head is what holds on entry.

use crate::source::Span;
use crate::typed::{Body, Const, Expr, ExprKind, PassMode, Place, Stmt, StmtKind};

/// What the flow pass found.
pub(super) struct FlowResult {
    /// First use of each local read before it is definitely assigned (what
    /// it is and its name: "local variable `x`").
    pub unassigned: Vec<(Span, String)>,
    /// The end of the body can be reached (so a value-returning method fails).
    pub end_reachable: bool,
    /// Each way out of the method (a `return`, or the end) where an `out`
    /// parameter is not yet assigned (CS0177), once per parameter.
    pub unassigned_out: Vec<(Span, String)>,
}

/// Assigned locals as a bit set; `None` = unreachable.
type State = Option<Vec<u64>>;

fn join(a: State, b: State) -> State {
    match (a, b) {
        (None, s) | (s, None) => s,
        (Some(mut a), Some(b)) => {
            for (x, y) in a.iter_mut().zip(b) {
                *x &= y;
            }
            Some(a)
        }
    }
}

/// States collected at the `break`s and `continue`s of one loop.
#[derive(Default)]
struct LoopExits {
    breaks: State,
    continues: State,
}

struct Flow<'b> {
    body: &'b Body,
    reported: Vec<bool>,
    unassigned: Vec<(Span, String)>,
    loops: Vec<LoopExits>,
    /// The `out` parameters, and whether one was reported already.
    outs: Vec<(usize, bool)>,
    unassigned_out: Vec<(Span, String)>,
}

pub(super) fn analyze(body: &Body) -> FlowResult {
    let n = body.locals.len();
    let mut bits = vec![0u64; n.div_ceil(64)];
    // An `out` parameter starts unassigned: the method must assign it.
    let is_out = |i: usize| body.locals[i].pass == PassMode::Out;
    for i in (0..body.params).filter(|&i| !is_out(i)) {
        bits[i / 64] |= 1 << (i % 64);
    }
    let mut flow = Flow {
        body,
        reported: vec![false; n],
        unassigned: Vec::new(),
        loops: Vec::new(),
        outs: (0..body.params)
            .filter(|&i| is_out(i))
            .map(|i| (i, false))
            .collect(),
        unassigned_out: Vec::new(),
    };
    let mut state = Some(bits);
    for s in &body.block.stmts {
        flow.stmt(s, &mut state);
    }
    // The end of the body: its closing brace.
    let end = body.block.span;
    let closing = Span::new(
        end.file,
        end.end.saturating_sub(1) as usize,
        end.end as usize,
    );
    flow.leave(closing, &state);
    FlowResult {
        unassigned: flow.unassigned,
        end_reachable: state.is_some(),
        unassigned_out: flow.unassigned_out,
    }
}

impl Flow<'_> {
    fn stmt(&mut self, s: &Stmt, state: &mut State) {
        match &s.kind {
            StmtKind::Block(b) => {
                for s in &b.stmts {
                    self.stmt(s, state);
                }
            }
            StmtKind::Local(decls) => {
                for d in decls {
                    if let Some(init) = &d.init {
                        self.expr(init, state);
                        assign(state, d.local.0 as usize);
                    }
                }
            }
            StmtKind::Expr(e) => self.expr(e, state),
            StmtKind::If {
                cond,
                then,
                otherwise,
            } => {
                let (mut t, mut f) = self.cond(cond, state.take());
                self.stmt(then, &mut t);
                if let Some(o) = otherwise {
                    self.stmt(o, &mut f);
                }
                *state = join(t, f);
            }
            StmtKind::While { cond, body } => {
                let (t, f) = self.cond(cond, state.take());
                let exits = self.in_loop(body, t);
                *state = join(f, exits.breaks);
            }
            StmtKind::DoWhile { body, cond } => {
                let exits = self.in_loop_keep_end(body, state.take());
                let (_, f) = self.cond(cond, exits.continues);
                *state = join(f, exits.breaks);
            }
            StmtKind::For {
                init,
                cond,
                step,
                body,
            } => {
                for s in init {
                    self.stmt(s, state);
                }
                let (t, f) = match cond {
                    Some(c) => self.cond(c, state.take()),
                    None => (state.take(), None),
                };
                let mut exits = self.in_loop_keep_end(body, t);
                for e in step {
                    self.expr(e, &mut exits.continues);
                }
                *state = join(f, exits.breaks);
            }
            StmtKind::Break => {
                let s = state.take();
                if let Some(l) = self.loops.last_mut() {
                    l.breaks = join(l.breaks.take(), s);
                }
            }
            StmtKind::Continue => {
                let s = state.take();
                if let Some(l) = self.loops.last_mut() {
                    l.continues = join(l.continues.take(), s);
                }
            }
            StmtKind::Return(value) => {
                if let Some(v) = value {
                    self.expr(v, state);
                }
                self.leave(s.span, state);
                *state = None;
            }
            StmtKind::Throw(value) => {
                self.expr(value, state);
                *state = None;
            }
            StmtKind::Rethrow(_) => *state = None,
            StmtKind::Try {
                body,
                catches,
                finally,
                caught,
            } => self.try_stmt(body, catches, finally.as_ref(), *caught, state),
        }
    }

    /// C#'s rules, kept simple and safe: a catch or finally may start at any
    /// point of the try block, so only what was assigned before the `try`
    /// counts there; after the statement, a local is assigned if every way
    /// out of the try and the catches assigns it, or the finally does.
    fn try_stmt(
        &mut self,
        body: &crate::typed::Block,
        catches: &[crate::typed::Catch],
        finally: Option<&crate::typed::Block>,
        caught: crate::typed::LocalId,
        state: &mut State,
    ) {
        let entry = state.clone();
        let mut end = entry.clone();
        for s in &body.stmts {
            self.stmt(s, &mut end);
        }
        for c in catches {
            let mut s = entry.clone();
            assign(&mut s, caught.0 as usize);
            if let Some(v) = c.var {
                assign(&mut s, v.0 as usize);
            }
            for stmt in &c.body.stmts {
                self.stmt(stmt, &mut s);
            }
            end = join(end, s);
        }
        if let Some(f) = finally {
            let mut s = entry;
            for stmt in &f.stmts {
                self.stmt(stmt, &mut s);
            }
            end = match (end, s) {
                (_, None) | (None, _) => None,
                (Some(mut a), Some(b)) => {
                    for (x, y) in a.iter_mut().zip(b) {
                        *x |= y;
                    }
                    Some(a)
                }
            };
        }
        *state = end;
    }

    /// Runs a loop body; the exits it collected (its end not included).
    fn in_loop(&mut self, body: &Stmt, entry: State) -> LoopExits {
        let mut exits = self.in_loop_keep_end(body, entry);
        exits.continues = None;
        exits
    }

    /// Runs a loop body; `continues` also holds the state at its end (what
    /// reaches the condition of a `do`/`for`).
    fn in_loop_keep_end(&mut self, body: &Stmt, entry: State) -> LoopExits {
        self.loops.push(LoopExits::default());
        let mut state = entry;
        self.stmt(body, &mut state);
        let mut exits = self.loops.pop().expect("pushed above");
        exits.continues = join(exits.continues, state);
        exits
    }

    /// A boolean condition: the states when it is true and when false.
    fn cond(&mut self, e: &Expr, mut state: State) -> (State, State) {
        match &e.kind {
            ExprKind::Const(Const::Bool(true)) => (state, None),
            ExprKind::Const(Const::Bool(false)) => (None, state),
            ExprKind::LogicalAnd(a, b) => {
                let (at, af) = self.cond(a, state);
                let (bt, bf) = self.cond(b, at);
                (bt, join(af, bf))
            }
            ExprKind::LogicalOr(a, b) => {
                let (at, af) = self.cond(a, state);
                let (bt, bf) = self.cond(b, af);
                (join(at, bt), bf)
            }
            ExprKind::Unary {
                op: crate::typed::UnOp::Not,
                operand,
            } => {
                let (t, f) = self.cond(operand, state);
                (f, t)
            }
            _ => {
                self.expr(e, &mut state);
                (state.clone(), state)
            }
        }
    }

    /// Leaving the method at `span`: every `out` parameter must be assigned.
    fn leave(&mut self, span: Span, state: &State) {
        let Some(bits) = state else { return };
        for (id, reported) in &mut self.outs {
            if bits[*id / 64] & (1 << (*id % 64)) == 0 && !*reported {
                *reported = true;
                let name = self.body.locals[*id].name.clone();
                self.unassigned_out.push((span, name));
            }
        }
    }

    fn read(&mut self, id: usize, span: Span, state: &State) {
        let Some(bits) = state else { return };
        if self.body.locals[id].ty == crate::typed::Type::Error {
            return; // its declaration or the call that assigns it was reported
        }
        if bits[id / 64] & (1 << (id % 64)) == 0 && !self.reported[id] {
            self.reported[id] = true;
            let local = &self.body.locals[id];
            let what = match local.pass {
                PassMode::Out => "out parameter",
                _ => "local variable",
            };
            self.unassigned
                .push((span, format!("{what} `{}`", local.name)));
        }
    }

    /// The parts of a place evaluated before the assignment itself.
    fn place(&mut self, p: &Place, state: &mut State) {
        match p {
            Place::Local(_) | Place::Deref(_) | Place::Static(_) => {}
            Place::Field { obj, .. } => self.expr(obj, state),
            Place::Index { array, index } => {
                self.expr(array, state);
                self.expr(index, state);
            }
        }
    }

    fn expr(&mut self, e: &Expr, state: &mut State) {
        match &e.kind {
            ExprKind::Const(_) | ExprKind::This | ExprKind::Static(_) | ExprKind::Error => {}
            ExprKind::Local(id) | ExprKind::Deref(id) => self.read(id.0 as usize, e.span, state),
            // `ref x` reads x; `out x` assigns it once the call returns
            // (`assign_outs`), so no other argument can read it unassigned.
            ExprKind::AddressOf { place, mode } => {
                self.place(place, state);
                if let (Place::Local(id) | Place::Deref(id), PassMode::Ref) = (&**place, mode) {
                    self.read(id.0 as usize, e.span, state);
                }
            }
            ExprKind::Field { obj: x, .. }
            | ExprKind::ArrayLength(x)
            | ExprKind::Convert { operand: x, .. }
            | ExprKind::Unary { operand: x, .. }
            | ExprKind::Is { operand: x, .. }
            | ExprKind::As { operand: x, .. }
            | ExprKind::CastClass { operand: x, .. }
            | ExprKind::NewArray { len: x, .. }
            | ExprKind::Await(x) => self.expr(x, state),
            ExprKind::Index {
                target: a,
                index: b,
            }
            | ExprKind::Binary { lhs: a, rhs: b, .. }
            | ExprKind::StringEq { lhs: a, rhs: b, .. } => {
                self.expr(a, state);
                self.expr(b, state);
            }
            ExprKind::Coalesce { lhs, rhs } => {
                // The right side may not run: what it assigns does not count.
                self.expr(lhs, state);
                let mut maybe = state.clone();
                self.expr(rhs, &mut maybe);
            }
            ExprKind::Assign { target, value } => {
                self.place(target, state);
                self.expr(value, state);
                if let Place::Local(id) | Place::Deref(id) = target {
                    assign(state, id.0 as usize);
                }
            }
            ExprKind::CompoundAssign { target, value, .. } => {
                self.place(target, state);
                if let Place::Local(id) | Place::Deref(id) = target {
                    self.read(id.0 as usize, e.span, state);
                }
                self.expr(value, state);
            }
            ExprKind::IncDec { target, .. } => {
                self.place(target, state);
                if let Place::Local(id) | Place::Deref(id) = target {
                    self.read(id.0 as usize, e.span, state);
                }
            }
            ExprKind::CallStatic { args, .. }
            | ExprKind::Builtin { args, .. }
            | ExprKind::New { args, .. }
            | ExprKind::ArrayLit { items: args, .. }
            | ExprKind::Concat(args) => {
                for a in args {
                    self.expr(a, state);
                }
                assign_outs(args, state);
            }
            ExprKind::CallDirect { obj, args, .. } | ExprKind::CallVirtual { obj, args, .. } => {
                self.expr(obj, state);
                for a in args {
                    self.expr(a, state);
                }
                assign_outs(args, state);
            }
            ExprKind::LogicalAnd(..) | ExprKind::LogicalOr(..) => {
                let (t, f) = self.cond(e, state.take());
                *state = join(t, f);
            }
            ExprKind::Conditional {
                cond,
                then,
                otherwise,
            } => {
                let (mut t, mut f) = self.cond(cond, state.take());
                self.expr(then, &mut t);
                self.expr(otherwise, &mut f);
                *state = join(t, f);
            }
        }
    }
}

/// After a call: the variables it was given as `out x` are assigned.
fn assign_outs(args: &[Expr], state: &mut State) {
    for a in args {
        if let ExprKind::AddressOf {
            place,
            mode: PassMode::Out,
        } = &a.kind
        {
            if let Place::Local(id) | Place::Deref(id) = **place {
                assign(state, id.0 as usize);
            }
        }
    }
}

fn assign(state: &mut State, id: usize) {
    if let Some(bits) = state {
        bits[id / 64] |= 1 << (id % 64);
    }
}
