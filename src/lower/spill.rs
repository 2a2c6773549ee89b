//! Typed statements → IR statements, pulling every `await` out of its
//! expression so that it stands alone as [`Stmt::Await`].
//!
//! C# evaluates operands left to right, so whatever was computed before an
//! `await` inside an expression must survive the suspension: it is stored in
//! a temporary local first (as Roslyn's `AwaitExpressionSpiller` does). Then
//! the machine stack is empty at every suspension point and only locals need
//! saving into the frame. `&&`, `||`, `?:` and `??` whose later operand awaits
//! become `if` statements, so the await runs only when C# would run it.
//! Code without `await` passes through unchanged.

use crate::ir::{Local, LocalIndex, Stmt, Storage};
use crate::source::Span;
use crate::typed::{self, Const, Expr, ExprKind, Place, StmtKind, Type, UnOp};

/// An await as lowering met it: where, whether it is `Task.Yield()`, whether its value is used.
#[derive(Debug, Clone, Copy)]
pub struct AwaitSite {
    pub span: Span,
    pub is_yield: bool,
    pub has_result: bool,
}

/// Lowers the statements of one body, numbering the awaits as it meets them.
pub struct BodyLowerer<'a> {
    pub(super) locals: &'a mut Vec<Local>,
    /// The spans of the awaits in state order (the await numbered n leads to state n).
    pub awaits: Vec<AwaitSite>,
    this: Option<LocalIndex>,
    /// The loops and `try`s around the statement being lowered, outermost first.
    pub(super) regions: Vec<super::handlers::Region>,
    /// How many handler records the body's `try`s need.
    pub records: u32,
}

impl<'a> BodyLowerer<'a> {
    pub fn new(locals: &'a mut Vec<Local>, this: Option<LocalIndex>) -> Self {
        BodyLowerer {
            locals,
            awaits: Vec::new(),
            this,
            regions: Vec::new(),
            records: 0,
        }
    }

    pub(super) fn block(&mut self, stmts: &[typed::Stmt]) -> Vec<Stmt> {
        stmts.iter().flat_map(|s| self.stmt(s)).collect()
    }

    fn one(&mut self, stmt: &typed::Stmt) -> Vec<Stmt> {
        self.stmt(stmt)
    }

    fn stmt(&mut self, stmt: &typed::Stmt) -> Vec<Stmt> {
        let span = stmt.span;
        match &stmt.kind {
            StmtKind::Block(b) => vec![Stmt::Block(self.block(&b.stmts))],
            StmtKind::Local(inits) => {
                let mut out = Vec::new();
                for init in inits {
                    if let Some(value) = &init.init {
                        let local = init.local.0 as usize;
                        self.assign_to_local(local, value, init.span, &mut out);
                    }
                }
                out
            }
            StmtKind::Expr(e) => {
                let mut out = Vec::new();
                if let ExprKind::Await(task) = &e.kind {
                    // A lone `await t;`: no temporary for a value nobody reads.
                    let task = self.value(task, &mut out);
                    self.push_await(task, None, e.span, &mut out);
                } else {
                    let e = self.value(e, &mut out);
                    out.push(Stmt::Expr(e));
                }
                out
            }
            StmtKind::If {
                cond,
                then,
                otherwise,
            } => {
                let mut out = Vec::new();
                let cond = self.value(cond, &mut out);
                let then = self.one(then);
                let otherwise = otherwise
                    .as_deref()
                    .map(|o| self.one(o))
                    .unwrap_or_default();
                out.push(Stmt::If {
                    cond,
                    then,
                    otherwise,
                    span,
                });
                out
            }
            StmtKind::While { cond, body } => {
                let body = self.loop_body(body);
                vec![self.make_loop(Some(cond), true, body, Vec::new(), span)]
            }
            StmtKind::DoWhile { body, cond } => {
                let body = self.loop_body(body);
                vec![self.make_loop(Some(cond), false, body, Vec::new(), span)]
            }
            StmtKind::For {
                init,
                cond,
                step,
                body,
            } => {
                let mut out = self.block(init);
                let body = self.loop_body(body);
                let mut steps = Vec::new();
                for e in step {
                    let e = self.value(e, &mut steps);
                    steps.push(Stmt::Expr(e));
                }
                out.push(self.make_loop(cond.as_ref(), true, body, steps, span));
                vec![Stmt::Block(out)]
            }
            StmtKind::Break => self.leave_loop(Stmt::Break(span)),
            StmtKind::Continue => self.leave_loop(Stmt::Continue(span)),
            StmtKind::Return(value) => self.return_stmt(value.as_ref(), span),
            StmtKind::Throw(value) => {
                let mut out = Vec::new();
                let value = self.value(value, &mut out);
                out.push(Stmt::Throw {
                    value,
                    rethrow: false,
                    span,
                });
                out
            }
            StmtKind::Rethrow(caught) => vec![self.rethrow(caught.0 as usize, span)],
            StmtKind::Try {
                body,
                catches,
                finally,
                caught,
            } => self.try_stmt(body, catches, finally.as_ref(), caught.0 as usize, span),
        }
    }

    /// A loop's body, lowered inside the loop's region.
    fn loop_body(&mut self, body: &typed::Stmt) -> Vec<Stmt> {
        self.regions.push(super::handlers::Region::Loop);
        let body = self.one(body);
        self.regions.pop();
        body
    }

    /// A loop whose condition may await: the condition's statements move into
    /// the body (tested first) or the step (`do … while`), with `if (!c) break;`.
    fn make_loop(
        &mut self,
        cond: Option<&Expr>,
        test_first: bool,
        mut body: Vec<Stmt>,
        mut step: Vec<Stmt>,
        span: Span,
    ) -> Stmt {
        let Some(cond) = cond.filter(|c| contains_await(c)) else {
            return Stmt::Loop {
                cond: cond.cloned(),
                test_first,
                body,
                step,
                span,
            };
        };
        let mut test = Vec::new();
        let value = self.value(cond, &mut test);
        let not = Expr {
            ty: Type::Bool,
            span: cond.span,
            kind: ExprKind::Unary {
                op: UnOp::Not,
                operand: Box::new(value),
            },
        };
        test.push(Stmt::If {
            cond: not,
            then: vec![Stmt::Break(cond.span)],
            otherwise: Vec::new(),
            span: cond.span,
        });
        if test_first {
            test.append(&mut body);
            body = test;
        } else {
            step.append(&mut test);
        }
        Stmt::Loop {
            cond: None,
            test_first: true,
            body,
            step,
            span,
        }
    }

    /// `local = value`, awaiting straight into the local when the value is an await.
    fn assign_to_local(
        &mut self,
        local: LocalIndex,
        value: &Expr,
        span: Span,
        out: &mut Vec<Stmt>,
    ) {
        if let ExprKind::Await(task) = &value.kind {
            let task = self.value(task, out);
            self.push_await(task, Some(local), value.span, out);
            return;
        }
        let value = self.value(value, out);
        out.push(Stmt::Init { local, value, span });
    }

    fn push_await(
        &mut self,
        task: Expr,
        dest: Option<LocalIndex>,
        span: Span,
        out: &mut Vec<Stmt>,
    ) {
        let is_yield = task.ty == Type::YieldAwaitable;
        self.awaits.push(AwaitSite {
            span,
            is_yield,
            has_result: dest.is_some(),
        });
        let state = self.awaits.len() as u32;
        out.push(Stmt::Await {
            task,
            dest,
            state,
            span,
        });
    }

    pub(super) fn temp(&mut self, ty: &Type, span: Span) -> LocalIndex {
        let n = self.locals.len();
        self.locals.push(Local {
            name: format!("tmp{n}"),
            ty: ty.clone(),
            storage: Storage::Stack(0),
            span,
        });
        n
    }

    pub(super) fn local_expr(&self, local: LocalIndex, ty: &Type, span: Span) -> Expr {
        Expr {
            kind: ExprKind::Local(typed::LocalId(local as u32)),
            ty: ty.clone(),
            span,
        }
    }

    /// Returns an await-free expression with the same value; the statements it
    /// needs first are appended to `out`.
    pub fn value(&mut self, e: &Expr, out: &mut Vec<Stmt>) -> Expr {
        if !contains_await(e) {
            return e.clone();
        }
        let span = e.span;
        match &e.kind {
            ExprKind::Await(task) => {
                let task = self.value(task, out);
                let dest = (e.ty != Type::Void).then(|| self.temp(&e.ty, span));
                self.push_await(task, dest, span, out);
                match dest {
                    Some(d) => self.local_expr(d, &e.ty, span),
                    None => Expr {
                        kind: ExprKind::Const(Const::Int(0)),
                        ty: Type::Void,
                        span,
                    },
                }
            }
            ExprKind::LogicalAnd(a, b) | ExprKind::LogicalOr(a, b) => {
                // t = a; if (t) t = b;   (|| tests !t)
                let is_and = matches!(e.kind, ExprKind::LogicalAnd(..));
                let t = self.temp(&Type::Bool, span);
                let a = self.value(a, out);
                out.push(Stmt::Init {
                    local: t,
                    value: a,
                    span,
                });
                let mut then = Vec::new();
                let b = self.value(b, &mut then);
                then.push(Stmt::Init {
                    local: t,
                    value: b,
                    span,
                });
                let test = self.local_expr(t, &Type::Bool, span);
                let cond = if is_and { test } else { not(test) };
                out.push(Stmt::If {
                    cond,
                    then,
                    otherwise: Vec::new(),
                    span,
                });
                self.local_expr(t, &Type::Bool, span)
            }
            ExprKind::Conditional {
                cond,
                then,
                otherwise,
            } => {
                let t = self.temp(&e.ty, span);
                let cond = self.value(cond, out);
                let mut a = Vec::new();
                let then = self.value(then, &mut a);
                a.push(Stmt::Init {
                    local: t,
                    value: then,
                    span,
                });
                let mut b = Vec::new();
                let otherwise = self.value(otherwise, &mut b);
                b.push(Stmt::Init {
                    local: t,
                    value: otherwise,
                    span,
                });
                out.push(Stmt::If {
                    cond,
                    then: a,
                    otherwise: b,
                    span,
                });
                self.local_expr(t, &e.ty, span)
            }
            ExprKind::Coalesce { lhs, rhs } => {
                // t = lhs; if (t == null) t = rhs;
                let t = self.temp(&e.ty, span);
                let lhs = self.value(lhs, out);
                out.push(Stmt::Init {
                    local: t,
                    value: lhs,
                    span,
                });
                let mut then = Vec::new();
                let rhs = self.value(rhs, &mut then);
                then.push(Stmt::Init {
                    local: t,
                    value: rhs,
                    span,
                });
                let null = Expr {
                    kind: ExprKind::Const(Const::Null),
                    ty: Type::Null,
                    span,
                };
                let test = Expr {
                    kind: ExprKind::Binary {
                        op: typed::BinOp::Eq,
                        kind: typed::OpKind::Ref,
                        lhs: Box::new(self.local_expr(t, &e.ty, span)),
                        rhs: Box::new(null),
                    },
                    ty: Type::Bool,
                    span,
                };
                out.push(Stmt::If {
                    cond: test,
                    then,
                    otherwise: Vec::new(),
                    span,
                });
                self.local_expr(t, &e.ty, span)
            }
            ExprKind::CompoundAssign { target, op, value } => {
                self.compound_assign(e, target, *op, value, out)
            }
            _ => self.spill_children(e, out),
        }
    }

    /// `x op= await F()`: C# reads `x` before the await, so the old value is
    /// kept in a temporary: `old = x; v = await F(); x = old op v`.
    fn compound_assign(
        &mut self,
        e: &Expr,
        target: &Place,
        op: typed::CompoundOp,
        value: &Expr,
        out: &mut Vec<Stmt>,
    ) -> Expr {
        let span = e.span;
        let target = match target {
            Place::Local(_) | Place::Deref(_) | Place::Static(_) => target.clone(),
            Place::Field { obj, field } => {
                let obj = self.value(obj, out);
                Place::Field {
                    obj: Box::new(self.keep(obj, out)),
                    field: *field,
                }
            }
            Place::Index { array, index } => {
                let array = self.value(array, out);
                let array = self.keep(array, out);
                let index = self.value(index, out);
                Place::Index {
                    array: Box::new(array),
                    index: Box::new(self.keep(index, out)),
                }
            }
        };
        let read = Expr {
            kind: place_read(&target),
            ty: e.ty.clone(),
            span,
        };
        let old = self.keep(read, out);
        let value = self.value(value, out);
        let combined = match op {
            typed::CompoundOp::Concat => Expr {
                kind: ExprKind::Concat(vec![old, value]),
                ty: Type::String,
                span,
            },
            typed::CompoundOp::Arith { op, kind } => {
                let widened = if e.ty == Type::Char {
                    convert(typed::Conv::CharToInt, old, Type::Int)
                } else {
                    old
                };
                let result = Expr {
                    kind: ExprKind::Binary {
                        op,
                        kind,
                        lhs: Box::new(widened),
                        rhs: Box::new(value),
                    },
                    ty: match kind {
                        typed::OpKind::Long => Type::Long,
                        typed::OpKind::Double => Type::Double,
                        _ => Type::Int,
                    },
                    span,
                };
                if e.ty == Type::Char {
                    convert(typed::Conv::IntToChar, result, Type::Char)
                } else {
                    result
                }
            }
        };
        Expr {
            kind: ExprKind::Assign {
                target,
                value: Box::new(combined),
            },
            ty: e.ty.clone(),
            span,
        }
    }

    /// The general case: children before the last one that awaits are kept in
    /// temporaries; that child's statements run; later children stay as they are.
    fn spill_children(&mut self, e: &Expr, out: &mut Vec<Stmt>) -> Expr {
        let mut e = e.clone();
        let mut children: Vec<&mut Expr> = Vec::new();
        children_mut(&mut e, &mut children);
        let last = children
            .iter()
            .rposition(|c| contains_await(c))
            .expect("an await below");
        for (i, child) in children.into_iter().enumerate() {
            if i < last {
                let value = self.value(child, out);
                *child = self.keep(value, out);
            } else if i == last {
                *child = self.value(child, out);
            }
        }
        e
    }

    /// Stores a computed value in a temporary unless it cannot change (a constant,
    /// `this`); returns the expression to use in its place.
    fn keep(&mut self, value: Expr, out: &mut Vec<Stmt>) -> Expr {
        if matches!(value.kind, ExprKind::Const(_) | ExprKind::This) {
            return value;
        }
        let (ty, span) = (value.ty.clone(), value.span);
        let t = self.temp(&ty, span);
        out.push(Stmt::Init {
            local: t,
            value,
            span,
        });
        let _ = self.this;
        self.local_expr(t, &ty, span)
    }
}

/// Reading a place as an expression.
fn place_read(place: &Place) -> ExprKind {
    match place {
        Place::Local(id) => ExprKind::Local(*id),
        Place::Deref(id) => ExprKind::Deref(*id),
        Place::Static(f) => ExprKind::Static(*f),
        Place::Field { obj, field } => ExprKind::Field {
            obj: obj.clone(),
            field: *field,
        },
        Place::Index { array, index } => ExprKind::Index {
            target: array.clone(),
            index: index.clone(),
        },
    }
}

fn convert(conv: typed::Conv, e: Expr, ty: Type) -> Expr {
    Expr {
        span: e.span,
        ty,
        kind: ExprKind::Convert {
            conv,
            operand: Box::new(e),
        },
    }
}

fn not(e: Expr) -> Expr {
    Expr {
        ty: Type::Bool,
        span: e.span,
        kind: ExprKind::Unary {
            op: UnOp::Not,
            operand: Box::new(e),
        },
    }
}

/// Does `e` contain an `await` anywhere?
pub fn contains_await(e: &Expr) -> bool {
    if matches!(e.kind, ExprKind::Await(_)) {
        return true;
    }
    let mut found = false;
    super::for_each_child(e, &mut |c| found = found || contains_await(c));
    found
}

/// The direct sub-expressions of `e`, mutable, in evaluation order (the same
/// order as [`super::for_each_child`]).
fn children_mut<'e>(e: &'e mut Expr, out: &mut Vec<&'e mut Expr>) {
    fn place<'e>(p: &'e mut Place, out: &mut Vec<&'e mut Expr>) {
        match p {
            Place::Local(_) | Place::Deref(_) | Place::Static(_) => {}
            Place::Field { obj, .. } => out.push(obj),
            Place::Index { array, index } => {
                out.push(array);
                out.push(index);
            }
        }
    }
    match &mut e.kind {
        ExprKind::Const(_)
        | ExprKind::Local(_)
        | ExprKind::Deref(_)
        | ExprKind::This
        | ExprKind::Static(_)
        | ExprKind::Error => {}
        ExprKind::Field { obj, .. } => out.push(obj),
        ExprKind::Index { target, index } => {
            out.push(target);
            out.push(index);
        }
        ExprKind::ArrayLength(a) | ExprKind::NewArray { len: a, .. } => out.push(a),
        ExprKind::Assign { target, value } | ExprKind::CompoundAssign { target, value, .. } => {
            place(target, out);
            out.push(value);
        }
        ExprKind::IncDec { target, .. } => place(target, out),
        ExprKind::AddressOf { place: target, .. } => place(target, out),
        ExprKind::CallStatic { args, .. }
        | ExprKind::Builtin { args, .. }
        | ExprKind::New { args, .. }
        | ExprKind::ArrayLit { items: args, .. }
        | ExprKind::Concat(args) => out.extend(args.iter_mut()),
        ExprKind::CallDirect { obj, args, .. } | ExprKind::CallVirtual { obj, args, .. } => {
            out.push(obj);
            out.extend(args.iter_mut());
        }
        ExprKind::Convert { operand, .. }
        | ExprKind::Unary { operand, .. }
        | ExprKind::Is { operand, .. }
        | ExprKind::As { operand, .. }
        | ExprKind::CastClass { operand, .. }
        | ExprKind::Await(operand) => out.push(operand),
        ExprKind::Binary { lhs, rhs, .. }
        | ExprKind::StringEq { lhs, rhs, .. }
        | ExprKind::Coalesce { lhs, rhs }
        | ExprKind::LogicalAnd(lhs, rhs)
        | ExprKind::LogicalOr(lhs, rhs) => {
            out.push(lhs);
            out.push(rhs);
        }
        ExprKind::Conditional {
            cond,
            then,
            otherwise,
        } => {
            out.push(cond);
            out.push(then);
            out.push(otherwise);
        }
    }
}
