//! Bodies and statements: field initializers, constructors (with their
//! chained call), methods, and every statement form.

use super::expr::error_expr;
use super::scope::{DeclareError, FnCx};
use super::Checker;
use crate::ast::{self, ExprKind as A, StmtKind as S};
use crate::collect::CollectExact;
use crate::source::Span;
use crate::typed::{
    AsyncKind, Block, Body, ClassId, Const, CtorChain, CtorId, Expr, FieldId, FieldInit, LocalInit,
    MethodId, Stmt, StmtKind, Type,
};

impl Checker<'_> {
    /// Checks every body of the program's own, and of the system library
    /// those that can run: the ones the checked code calls or constructs
    /// with, the ones in a vtable or interface table, and so on until
    /// nothing new is called (the same rules by which src/lower/reach.rs
    /// keeps the library's code, so everything lowered has been checked).
    /// The library's other bodies stay unchecked: a small program does not
    /// pay for checking 2,000 lines of library it does not use.
    pub(super) fn check_bodies(&mut self) {
        self.check_field_inits();
        let mut work: Vec<Callee> = Vec::new();
        for init in self
            .out
            .static_inits
            .iter()
            .chain(self.out.classes.iter().flat_map(|c| c.field_inits.iter()))
        {
            callees_of_expr(&init.value, &mut work);
        }
        for class in &self.out.classes {
            work.extend(class.vtable.iter().map(|&m| Callee::Method(m)));
            for (_, methods) in &class.itables {
                work.extend(methods.iter().map(|&m| Callee::Method(m)));
            }
        }
        work.extend(
            (0..self.out.ctors.len() as u32)
                .map(|i| Callee::Ctor(CtorId(i)))
                .filter(|&c| !self.is_system_code(c)),
        );
        work.extend(
            (0..self.out.methods.len() as u32)
                .map(|i| Callee::Method(MethodId(i)))
                .filter(|&c| !self.is_system_code(c)),
        );
        // Popped from the end: the program's own bodies in order, then the
        // library's roots (the diagnostics are sorted by position anyway).
        work.reverse();
        let mut ctors_done = vec![false; self.out.ctors.len()];
        let mut methods_done = vec![false; self.out.methods.len()];
        while let Some(callee) = work.pop() {
            let before = work.len();
            match callee {
                Callee::Ctor(id) => {
                    if std::mem::replace(&mut ctors_done[id.0 as usize], true) {
                        continue;
                    }
                    self.check_ctor(id);
                    let ctor = &self.out.ctors[id.0 as usize];
                    let (chained, args) = match &ctor.chain {
                        CtorChain::Base { ctor, args } => (*ctor, args),
                        CtorChain::This { ctor, args } => (Some(*ctor), args),
                    };
                    work.extend(chained.map(Callee::Ctor));
                    args.iter().for_each(|a| callees_of_expr(a, &mut work));
                    callees_of_block(&ctor.body.block, &mut work);
                }
                Callee::Method(id) => {
                    if std::mem::replace(&mut methods_done[id.0 as usize], true) {
                        continue;
                    }
                    self.check_method(id);
                    if let Some(body) = &self.out.methods[id.0 as usize].body {
                        callees_of_block(&body.block, &mut work);
                    }
                }
            }
            // What this body calls is checked next (depth first).
            work[before..].reverse();
        }
        self.check_ctor_cycles();
    }

    /// Is this a method or constructor of the system library?
    fn is_system_code(&self, callee: Callee) -> bool {
        let class = match callee {
            Callee::Method(m) => self.out.methods[m.0 as usize].class,
            Callee::Ctor(c) => Some(self.out.ctors[c.0 as usize].class),
        };
        class.is_some_and(|c| self.out.classes[c.0 as usize].is_system)
    }

    /// Instance initializers go to their class, static ones to the program
    /// (in declaration order: class by class as written, fields top down).
    fn check_field_inits(&mut self) {
        let mut ids: Vec<FieldId> = (0..self.out.fields.len() as u32).map(FieldId).collect();
        ids.sort_by_key(|&f| (self.field(f).class, f));
        for f in ids {
            let Some(init) = &self.fields[f.0 as usize].var.init else {
                continue;
            };
            if self.consts.contains_key(&f) {
                continue;
            }
            let field = self.field(f);
            let (class, ty, is_static) = (field.class, field.ty.clone(), field.is_static);
            let mut cx = FnCx::new(Some(class), true, None, Type::Void, &field.name.clone());
            cx.in_field_init = true;
            let value = self.expr_as(&mut cx, init, &ty);
            let init = FieldInit {
                field: f,
                value,
                span: init.span,
            };
            if is_static {
                self.out.static_inits.push(init);
            } else {
                self.out.classes[class.0 as usize].field_inits.push(init);
            }
        }
    }

    /// Declares parameters in the outermost scope of a body.
    fn declare_params(&mut self, cx: &mut FnCx, params: &[ast::Param], types: &[Type]) {
        for (p, ty) in params.iter().zip(types) {
            // Duplicates were reported with the signature.
            let (id, _) = cx.declare_var(&p.name.name, ty.clone(), p.name.span, true);
            cx.locals[id.0 as usize].pass = p.mode;
        }
    }

    fn check_ctor(&mut self, id: CtorId) {
        let ctor = self.ctor(id);
        let (class, types, span) = (ctor.class, ctor.param_types.clone(), ctor.span);
        let decl = self.ctors[id.0 as usize].decl;
        let name = self.class_name(class).to_string();
        let mut cx = FnCx::new(
            Some(class),
            false,
            Some(AsyncKind::NotAsync),
            Type::Void,
            &name,
        );
        cx.in_ctor = true;
        if let Some(d) = decl {
            self.declare_params(&mut cx, &d.params, &types);
        }
        // The chained call's arguments see the parameters but not `this`.
        cx.is_static = true;
        let chain = self.ctor_chain(&mut cx, id, class, decl.and_then(|d| d.init.as_ref()), span);
        cx.is_static = false;
        let block = match decl {
            Some(d) => self.block(&mut cx, &d.body),
            None => Block {
                stmts: Vec::new(),
                span,
            },
        };
        let params = types.len();
        let body = Body {
            locals: cx.locals,
            params,
            block,
        };
        self.flow_check(&body, None, &name, span);
        let c = &mut self.out.ctors[id.0 as usize];
        c.chain = chain;
        c.body = body;
    }

    /// `: base(…)`, `: this(…)`, or the implicit `base()`.
    fn ctor_chain(
        &mut self,
        cx: &mut FnCx,
        id: CtorId,
        class: ClassId,
        init: Option<&ast::CtorInit>,
        span: Span,
    ) -> CtorChain {
        let (kind, args, span) = match init {
            Some(i) => (i.kind, self.call_args(cx, &i.args), i.span),
            None => (ast::CtorInitKind::Base, Vec::new(), span),
        };
        let none = CtorChain::Base {
            ctor: None,
            args: Vec::new(),
        };
        let chain = match kind {
            ast::CtorInitKind::This => match self.resolve_ctor(cx, class, args, span, true) {
                Some((target, _)) if target == id => {
                    let msg = format!("constructor `{}` cannot call itself", self.ctor_sig(id));
                    self.error(span, msg, "calls itself");
                    none
                }
                Some((ctor, args)) => CtorChain::This { ctor, args },
                None => none,
            },
            ast::CtorInitKind::Base => match self.class(class).parent {
                Some(parent) => match self.resolve_ctor(cx, parent, args, span, true) {
                    Some((ctor, args)) => CtorChain::Base {
                        ctor: Some(ctor),
                        args,
                    },
                    None => none,
                },
                None if args.is_empty() => none,
                None => {
                    let msg = format!(
                        "`object` does not contain a constructor that takes {} arguments",
                        args.len()
                    );
                    self.error(span, msg, "the class has no base class");
                    none
                }
            },
        };
        self.arg_names = None; // names no constructor took
        chain
    }

    fn ctor_sig(&self, id: CtorId) -> String {
        let c = self.ctor(id);
        let name = self.class_name(c.class);
        let params: Vec<String> = c.param_types.iter().map(|t| self.ty(t)).collect();
        format!("{name}.{name}({})", params.join(", "))
    }

    /// CS0768: `: this(…)` chains that come back to where they started.
    fn check_ctor_cycles(&mut self) {
        for start in 0..self.out.ctors.len() {
            let start = CtorId(start as u32);
            let mut cur = start;
            for _ in 0..self.out.ctors.len() {
                let CtorChain::This { ctor, .. } = self.ctor(cur).chain else {
                    break;
                };
                if ctor == start {
                    let msg = format!(
                        "constructor `{}` cannot call itself through another constructor",
                        self.ctor_sig(start)
                    );
                    let span = self.ctor(start).span;
                    self.error(span, msg, "a cycle of `: this(…)` calls");
                    break;
                }
                cur = ctor;
            }
        }
    }

    fn check_method(&mut self, id: MethodId) {
        let info = &self.methods[id.0 as usize];
        let (decl, is_static) = (info.decl, info.is_static);
        let Some(block) = &decl.body else { return };
        let m = self.method(id);
        let (class, ret, async_kind, types) = (
            m.class,
            m.ret.clone(),
            m.async_kind.clone(),
            m.param_types.clone(),
        );
        let mut cx = FnCx::new(
            class,
            is_static,
            Some(async_kind.clone()),
            ret.clone(),
            &decl.name.name,
        );
        self.declare_params(&mut cx, &decl.params, &types);
        let block = self.block(&mut cx, block);
        let body = Body {
            locals: cx.locals,
            params: types.len(),
            block,
        };
        let needs_value = match async_kind {
            AsyncKind::NotAsync => ret != Type::Void && ret != Type::Error,
            AsyncKind::TaskOf(_) => true,
            AsyncKind::Task | AsyncKind::Void => false,
        };
        self.flow_check(
            &body,
            needs_value.then_some(()),
            &decl.name.name,
            decl.name.span,
        );
        self.out.methods[id.0 as usize].body = Some(body);
    }

    /// Runs the flow pass on a body: definite assignment, and with
    /// `needs_value` "not all code paths return a value" (CS0161).
    fn flow_check(&mut self, body: &Body, needs_value: Option<()>, name: &str, span: Span) {
        let result = super::flow::analyze(body);
        for (span, local) in result.unassigned_out {
            let msg = format!(
                "the out parameter `{local}` must be assigned to before control leaves the current method"
            );
            self.error(span, msg, "not assigned on this way out");
        }
        for (span, local) in result.unassigned {
            let msg = format!("use of unassigned {local}");
            self.error(span, msg, "not assigned on every path to here");
        }
        if needs_value.is_some() && result.end_reachable {
            self.error(
                span,
                format!("`{name}`: not all code paths return a value"),
                "the end of the method is reachable",
            );
        }
    }

    /// A block: its own scope, knowing the names it declares further down.
    pub(super) fn block(&mut self, cx: &mut FnCx, b: &ast::Block) -> Block {
        cx.push(declared_names(&b.stmts));
        let stmts = b
            .stmts
            .iter()
            .filter_map(|s| self.stmt(cx, s))
            .collect_exact();
        cx.pop();
        Block {
            stmts,
            span: b.span,
        }
    }

    /// The body of `if`/`while`/`for`: a declaration alone is CS1023.
    fn embedded(&mut self, cx: &mut FnCx, s: &ast::Stmt) -> Stmt {
        if matches!(s.kind, S::Local { .. }) {
            self.error(
                s.span,
                "embedded statement cannot be a declaration",
                "wrap it in `{ }`",
            );
        }
        // A scope only for a statement that declares something itself: an
        // `else if` chain would otherwise nest one empty scope per branch,
        // and every name lookup would walk them all.
        let names = declared_names(std::slice::from_ref(s));
        let scoped = !names.is_empty();
        if scoped {
            cx.push(names);
        }
        let out = self.stmt(cx, s);
        if scoped {
            cx.pop();
        }
        out.unwrap_or(Stmt {
            kind: StmtKind::Block(Block {
                stmts: Vec::new(),
                span: s.span,
            }),
            span: s.span,
        })
    }

    /// One statement. Nested statements recurse through here as deep as the
    /// parser allows, so the larger statement forms live in functions that
    /// are never inlined into it (`#[inline(never)]`): its stack frame stays
    /// small (tests/chains.rs checks the deepest trees).
    fn stmt(&mut self, cx: &mut FnCx, s: &ast::Stmt) -> Option<Stmt> {
        let span = s.span;
        let kind = match &s.kind {
            S::Block(b) => StmtKind::Block(self.block(cx, b)),
            S::Local { is_const, ty, vars } => {
                return self.local_decl(cx, *is_const, ty, vars, span)
            }
            S::Expr(e) => self.expr_stmt_kind(cx, e),
            S::If {
                cond,
                then,
                otherwise,
            } => {
                let cond = self.condition(cx, cond);
                let then = Box::new(self.embedded(cx, then));
                let otherwise = otherwise.as_ref().map(|o| Box::new(self.embedded(cx, o)));
                StmtKind::If {
                    cond,
                    then,
                    otherwise,
                }
            }
            S::While { cond, body } => {
                let cond = self.condition(cx, cond);
                let body = Box::new(self.loop_body(cx, body));
                StmtKind::While { cond, body }
            }
            S::DoWhile { body, cond } => {
                let body = Box::new(self.loop_body(cx, body));
                let cond = self.condition(cx, cond);
                StmtKind::DoWhile { body, cond }
            }
            S::For {
                init,
                cond,
                step,
                body,
            } => {
                cx.push(declared_names(init));
                let init = init.iter().filter_map(|s| self.stmt(cx, s)).collect_exact();
                let cond = cond.as_ref().map(|c| self.condition(cx, c));
                let step = step.iter().map(|e| self.expr_stmt(cx, e)).collect();
                let body = Box::new(self.loop_body(cx, body));
                cx.pop();
                StmtKind::For {
                    init,
                    cond,
                    step,
                    body,
                }
            }
            S::Break | S::Continue => {
                let is_break = matches!(s.kind, S::Break);
                let leaves_finally = if is_break {
                    cx.finally_breakable == Some(cx.breakable())
                } else {
                    cx.finally_loop_depth == Some(cx.loop_depth)
                };
                if leaves_finally {
                    self.leaves_finally(span);
                    return None;
                }
                if is_break && cx.in_switch() {
                    StmtKind::Break
                } else if !is_break && cx.loop_depth > 0 && cx.in_switch() {
                    return Some(self.continue_from_switch(cx, span));
                } else if cx.loop_depth == 0 {
                    self.error(
                        span,
                        "no enclosing loop out of which to break or continue",
                        "not in a loop",
                    );
                    return None;
                } else if is_break {
                    StmtKind::Break
                } else {
                    StmtKind::Continue
                }
            }
            S::Return(value) => {
                if cx.finally_loop_depth.is_some() {
                    self.leaves_finally(span);
                }
                let ret = StmtKind::Return(self.return_value(cx, value.as_ref(), span));
                let mut stmts = std::mem::take(&mut cx.before_return);
                if stmts.is_empty() {
                    ret
                } else {
                    stmts.push(Stmt { kind: ret, span });
                    StmtKind::Block(Block { stmts, span })
                }
            }
            S::Foreach {
                ty,
                var,
                collection,
                body,
            } => self.foreach_stmt(cx, ty, var, collection, body, span),
            S::Switch { value, sections } => self.switch_stmt(cx, value, sections, span),
            S::Throw(value) => return self.throw_stmt(cx, value.as_ref(), span),
            S::Try {
                body,
                catches,
                finally,
            } => self.try_stmt(cx, body, catches, finally.as_ref(), span),
            S::Empty | S::Error => return None,
        };
        Some(Stmt { kind, span })
    }

    /// `foreach (T x in c) body` over an array or a string, as the `for`
    /// loop C# compiles it to: the collection evaluated once into a hidden
    /// local, a hidden index, and `T x = c[i]` at the top of each round.
    #[inline(never)]
    fn foreach_stmt(
        &mut self,
        cx: &mut FnCx,
        ty: &ast::TypeExpr,
        var: &ast::Ident,
        collection: &ast::Expr,
        body: &ast::Stmt,
        span: Span,
    ) -> StmtKind {
        use super::expr::mk;
        use crate::typed::{BinOp, ExprKind as E, OpKind, Place};
        let coll = self.expr(cx, collection);
        let elem = match &coll.ty {
            Type::Array(elem) => (**elem).clone(),
            Type::String => Type::Char,
            Type::Error => Type::Error,
            &Type::Class(class) if self.has_method(class, "GetEnumerator") => {
                return self.foreach_enumerator(cx, ty, var, coll, class, body, span);
            }
            other => {
                let msg = format!(
                    "foreach statement cannot operate on variables of type `{}` because it does not contain a public definition for `GetEnumerator`",
                    self.ty(other)
                );
                self.error(coll.span, msg, "not an array or a string");
                Type::Error
            }
        };
        let cspan = coll.span;
        let coll_ty = coll.ty.clone();
        let items = cx.hidden_local("$items", coll_ty.clone(), cspan);
        let index = cx.hidden_local("$index", Type::Int, cspan);
        let local = |id, ty: &Type| mk(E::Local(id), ty.clone(), cspan);
        let length = match coll_ty {
            Type::String => mk(
                E::Builtin {
                    builtin: crate::typed::Builtin::StringLength,
                    args: vec![local(items, &coll_ty)],
                },
                Type::Int,
                cspan,
            ),
            _ => mk(
                E::ArrayLength(Box::new(local(items, &coll_ty))),
                Type::Int,
                cspan,
            ),
        };
        let cond = mk(
            E::Binary {
                op: BinOp::Lt,
                kind: OpKind::Int,
                lhs: Box::new(local(index, &Type::Int)),
                rhs: Box::new(length),
            },
            Type::Bool,
            cspan,
        );
        let step = mk(
            E::IncDec {
                target: Place::Local(index),
                prefix: false,
                increment: true,
            },
            Type::Int,
            cspan,
        );
        let element = mk(
            E::Index {
                target: Box::new(local(items, &coll_ty)),
                index: Box::new(local(index, &Type::Int)),
            },
            elem,
            cspan,
        );
        let round = self.foreach_round(cx, ty, var, element, body, span);
        let zero = mk(E::Const(crate::typed::Const::Int(0)), Type::Int, cspan);
        StmtKind::Block(Block {
            stmts: vec![
                local_init(items, coll, cspan),
                Stmt {
                    kind: StmtKind::For {
                        init: vec![local_init(index, zero, cspan)],
                        cond: Some(cond),
                        step: vec![step],
                        body: Box::new(round),
                    },
                    span,
                },
            ],
            span,
        })
    }

    /// `foreach` over a collection class, as C# compiles it (the enumerator
    /// pattern; Flux#'s enumerators hold nothing to dispose):
    ///
    /// ```text
    /// { E $enumerator = collection.GetEnumerator();
    ///   while ($enumerator.MoveNext()) { T x = $enumerator.Current; body } }
    /// ```
    #[inline(never)]
    #[allow(clippy::too_many_arguments)]
    fn foreach_enumerator(
        &mut self,
        cx: &mut FnCx,
        ty: &ast::TypeExpr,
        var: &ast::Ident,
        coll: Expr,
        class: crate::typed::ClassId,
        body: &ast::Stmt,
        span: Span,
    ) -> StmtKind {
        use super::call::Recv;
        use super::expr::mk;
        use crate::typed::ExprKind as E;
        let cspan = coll.span;
        let named = |name: &str| ast::Ident {
            name: name.to_string(),
            span: cspan,
        };
        let get = self.call_method(
            cx,
            class,
            &named("GetEnumerator"),
            Recv::Value(coll),
            vec![],
            cspan,
        );
        let enumerator_ty = get.ty.clone();
        let enumerator = cx.hidden_local("$enumerator", enumerator_ty.clone(), cspan);
        let local = || mk(E::Local(enumerator), enumerator_ty.clone(), cspan);
        let (cond, current) = match enumerator_ty {
            Type::Class(e) => {
                let cond = self.call_method(
                    cx,
                    e,
                    &named("MoveNext"),
                    Recv::Value(local()),
                    vec![],
                    cspan,
                );
                let current = self.call_method(
                    cx,
                    e,
                    &named("get_Current"),
                    Recv::Value(local()),
                    vec![],
                    cspan,
                );
                (self.coerce(cond, &Type::Bool), current)
            }
            _ => (
                super::expr::error_expr(cspan),
                super::expr::error_expr(cspan),
            ),
        };
        let round = self.foreach_round(cx, ty, var, current, body, span);
        StmtKind::Block(Block {
            stmts: vec![
                local_init(enumerator, get, cspan),
                Stmt {
                    kind: StmtKind::While {
                        cond,
                        body: Box::new(round),
                    },
                    span,
                },
            ],
            span,
        })
    }

    /// One round of a `foreach`: `{ T x = element; body }`, x declared
    /// with the written type (or the element's for `var`) and read-only.
    fn foreach_round(
        &mut self,
        cx: &mut FnCx,
        ty: &ast::TypeExpr,
        var: &ast::Ident,
        element: Expr,
        body: &ast::Stmt,
        span: Span,
    ) -> Stmt {
        let declared = if ty.kind == ast::TypeExprKind::Var {
            element.ty.clone()
        } else {
            self.resolve_value_type(ty)
        };
        let element = self.coerce(element, &declared);
        cx.push([var.name.as_str()]);
        let (x, result) = cx.declare_var(&var.name, declared, var.span, false);
        if let Err(e) = result {
            self.declare_error(e, var);
        }
        cx.foreach_vars.push(x);
        let body = self.loop_body(cx, body);
        cx.foreach_vars.pop();
        cx.pop();
        Stmt {
            kind: StmtKind::Block(Block {
                stmts: vec![local_init(x, element, var.span), body],
                span,
            }),
            span,
        }
    }

    /// `continue` inside a switch (lowered to a `for (;;)`): `$continue =
    /// true; break;`, and the switch continues the loop after it.
    #[inline(never)]
    fn continue_from_switch(&mut self, cx: &mut FnCx, span: Span) -> Stmt {
        use super::expr::mk;
        use crate::typed::{Const, ExprKind as E, Place};
        let existing = cx.switches.last().and_then(|s| s.continue_flag);
        let flag = existing.unwrap_or_else(|| cx.hidden_local("$continue", Type::Bool, span));
        cx.switches.last_mut().expect("in a switch").continue_flag = Some(flag);
        let set = mk(
            E::Assign {
                target: Place::Local(flag),
                value: Box::new(mk(E::Const(Const::Bool(true)), Type::Bool, span)),
            },
            Type::Bool,
            span,
        );
        let stmt = |kind| Stmt { kind, span };
        stmt(StmtKind::Block(Block {
            stmts: vec![stmt(StmtKind::Expr(set)), stmt(StmtKind::Break)],
            span,
        }))
    }

    /// `switch (v) { case …: … }` as C# checks it (a governing type of
    /// int, long, char, bool or string; constant labels of that type, none
    /// twice; no section whose end can be reached), lowered to
    ///
    /// ```text
    /// { T $switch = v; for (;;) { if ($switch == c1 || …) { section } else if … else { default } break; } }
    /// ```
    ///
    /// so its `break`s leave the `for (;;)`; the default section is tested last.
    #[inline(never)]
    fn switch_stmt(
        &mut self,
        cx: &mut FnCx,
        value: &ast::Expr,
        sections: &[ast::SwitchSection],
        span: Span,
    ) -> StmtKind {
        use super::expr::mk;
        use crate::typed::{Const, ExprKind as E};
        let value = self.expr(cx, value);
        let ty = value.ty.clone();
        if !matches!(
            ty,
            Type::Int
                | Type::Long
                | Type::Char
                | Type::Bool
                | Type::String
                | Type::Enum(_)
                | Type::Error
        ) {
            let msg = "a switch expression or case label must be a bool, char, string, integral, enum, or corresponding nullable type";
            self.error(value.span, msg, format!("`{}`", self.ty(&ty)));
        }
        let vspan = value.span;
        let switch = cx.hidden_local("$switch", ty.clone(), vspan);
        cx.switches.push(super::scope::SwitchCx {
            loop_depth: cx.loop_depth,
            continue_flag: None,
        });
        // One declaration space for the whole switch block, as in C#.
        let names: Vec<&str> = sections
            .iter()
            .flat_map(|s| declared_names(&s.body))
            .collect();
        cx.push(names);
        let mut seen: Vec<(Const, Span)> = Vec::new();
        let mut default_seen = false;
        let mut arms: Vec<(Option<Expr>, Block)> = Vec::new();
        let mut default_body = None;
        for (i, section) in sections.iter().enumerate() {
            let mut cond: Option<Expr> = None;
            let mut is_default = false;
            let mut last_label = "default:".to_string();
            for (label, at) in &section.labels {
                last_label = "default:".to_string();
                let Some(label) = label else {
                    if default_seen {
                        let msg = "the label `default:` already occurs in this switch statement";
                        self.error(*at, msg, "a second default");
                    }
                    default_seen = true;
                    is_default = true;
                    continue;
                };
                let case = self.expr(cx, label);
                let case = self.coerce(case, &ty);
                last_label = "case …:".to_string();
                let constant = match &case.kind {
                    E::Const(c) => Some(c.clone()),
                    E::Error => None,
                    _ => {
                        self.error(label.span, "a constant value is expected", "not a constant");
                        None
                    }
                };
                if let Some(c) = constant {
                    let text = const_text(&c);
                    last_label = format!("case {text}:");
                    if seen.iter().any(|(d, _)| *d == c) {
                        let msg = format!(
                            "the switch statement contains multiple cases with the label value `{text}`"
                        );
                        self.error(label.span, msg, "a second case");
                    }
                    seen.push((c, label.span));
                }
                let here = mk(E::Local(switch), ty.clone(), vspan);
                let test = self.operation(ast::BinaryOp::Eq, here, case, label.span);
                cond = Some(match cond {
                    None => test,
                    Some(c) => self.operation(ast::BinaryOp::Or, c, test, label.span),
                });
            }
            let errors_before = self.diags.len();
            let stmts: Vec<Stmt> = section
                .body
                .iter()
                .filter_map(|s| self.stmt(cx, s))
                .collect();
            let block = Block {
                stmts,
                span: section.span,
            };
            // A statement reported and dropped would make the end reachable.
            if self.diags.len() == errors_before {
                self.no_fall_through(cx, &block, section, &last_label, i + 1 == sections.len());
            }
            if is_default {
                default_body = Some(block);
            } else {
                arms.push((cond, block));
            }
        }
        cx.pop();
        let continued = cx.switches.pop().expect("pushed above").continue_flag;
        let stmt = |kind| Stmt { kind, span };
        // if … else if … else default: built from the last arm up.
        let mut chain: Option<Stmt> = default_body.map(|b| stmt(StmtKind::Block(b)));
        for (cond, block) in arms.into_iter().rev() {
            let cond = cond.unwrap_or_else(|| mk(E::Const(Const::Bool(false)), Type::Bool, span));
            chain = Some(stmt(StmtKind::If {
                cond,
                then: Box::new(stmt(StmtKind::Block(block))),
                otherwise: chain.map(Box::new),
            }));
        }
        let mut round: Vec<Stmt> = chain.into_iter().collect();
        round.push(stmt(StmtKind::Break));
        let mut out = vec![local_init(switch, value, vspan)];
        if let Some(flag) = continued {
            let no = mk(E::Const(Const::Bool(false)), Type::Bool, vspan);
            out.push(local_init(flag, no, vspan));
        }
        out.push(stmt(StmtKind::For {
            init: Vec::new(),
            cond: None,
            step: Vec::new(),
            body: Box::new(stmt(StmtKind::Block(Block { stmts: round, span }))),
        }));
        if let Some(flag) = continued {
            out.push(stmt(StmtKind::If {
                cond: mk(E::Local(flag), Type::Bool, vspan),
                then: Box::new(stmt(StmtKind::Continue)),
                otherwise: None,
            }));
        }
        StmtKind::Block(Block { stmts: out, span })
    }

    /// CS0163 / CS8070: the end of a switch section must not be reachable.
    fn no_fall_through(
        &mut self,
        cx: &FnCx,
        block: &Block,
        section: &ast::SwitchSection,
        label: &str,
        last: bool,
    ) {
        let body = Body {
            locals: cx.locals.clone(),
            params: cx.locals.len(),
            block: block.clone(),
        };
        if !super::flow::analyze(&body).end_reachable {
            return;
        }
        let Some((_, at)) = section.labels.last() else {
            return;
        };
        let msg = if last {
            format!("control cannot fall out of switch from final case label (`{label}`)")
        } else {
            format!("control cannot fall through from one case label (`{label}`) to another")
        };
        self.error(*at, msg, "add a break");
    }

    /// CS0157.
    fn leaves_finally(&mut self, span: Span) {
        self.error(
            span,
            "control cannot leave the body of a finally clause",
            "inside `finally`",
        );
    }

    /// System.Exception, the class everything thrown and caught derives from.
    pub(super) fn exception_class(&self) -> Option<ClassId> {
        self.exception
    }

    /// The class of a thrown or caught type if it derives from Exception (CS0155).
    fn exception_type(&mut self, ty: &Type, span: Span) -> Option<ClassId> {
        let exception = self.exception_class()?;
        match ty {
            Type::Class(c) if self.derives_from(*c, exception) => Some(*c),
            Type::Error => None,
            _ => {
                self.error(
                    span,
                    "the type caught or thrown must be derived from System.Exception",
                    format!("`{}` is not an exception", self.ty(ty)),
                );
                None
            }
        }
    }

    /// `throw e;` and `throw;`.
    #[inline(never)]
    fn throw_stmt(&mut self, cx: &mut FnCx, value: Option<&ast::Expr>, span: Span) -> Option<Stmt> {
        let kind = match value {
            Some(v) => {
                let e = self.expr(cx, v);
                // `throw null;` compiles and throws a NullReferenceException.
                if e.ty != Type::Null {
                    self.exception_type(&e.ty, e.span);
                }
                StmtKind::Throw(e)
            }
            None => match cx.catches.last() {
                Some(Some(caught)) => StmtKind::Rethrow(*caught),
                Some(None) if cx.catches.iter().any(Option::is_some) => {
                    let msg = "a throw statement with no arguments is not allowed in a finally clause that is nested inside the nearest enclosing catch clause";
                    self.error(span, msg, "inside `finally`");
                    return None;
                }
                _ => {
                    let msg = "a throw statement with no arguments is not allowed outside of a catch clause";
                    self.error(span, msg, "not in a catch");
                    return None;
                }
            },
        };
        Some(Stmt { kind, span })
    }

    /// `try` with its catch clauses and `finally`.
    #[inline(never)]
    fn try_stmt(
        &mut self,
        cx: &mut FnCx,
        body: &ast::Block,
        catches: &[ast::CatchClause],
        finally: Option<&ast::Block>,
        span: Span,
    ) -> StmtKind {
        if catches.is_empty() && finally.is_none() {
            self.error(body.span, "expected catch or finally", "a try needs one");
        }
        let body = self.block(cx, body);
        let exception = self.exception_class();
        if exception.is_none() {
            let msg = "System.Exception is not defined (lib/System.fs was not loaded)";
            self.error(span, msg, "needs the system library");
        }
        let exception_ty = exception.map_or(Type::Error, Type::Class);
        let caught = cx.hidden_local("$caught", exception_ty.clone(), span);
        let mut typed_catches: Vec<crate::typed::Catch> = Vec::new();
        for clause in catches {
            let (class, ty) = match &clause.ty {
                None => (exception, exception_ty.clone()),
                Some(t) => {
                    let ty = self.resolve_type(t);
                    (self.exception_type(&ty, t.span), ty)
                }
            };
            if let Some(class) = class {
                if let Some(earlier) = typed_catches
                    .iter()
                    .find(|c| self.derives_from(class, c.class))
                {
                    let msg = format!(
                        "a previous catch clause already catches all exceptions of this or a super type (`{}`)",
                        self.class_name(earlier.class)
                    );
                    let at = clause.ty.as_ref().map_or(clause.span, |t| t.span);
                    self.error(at, msg, "never reached");
                }
            }
            cx.push(clause.var.iter().map(|v| v.name.as_str()));
            let var = clause.var.as_ref().map(|v| {
                let (id, result) = cx.declare_var(&v.name, ty.clone(), v.span, false);
                if let Err(e) = result {
                    self.declare_error(e, v);
                }
                id
            });
            cx.catches.push(Some(caught));
            let block = self.block(cx, &clause.body);
            cx.catches.pop();
            cx.pop();
            typed_catches.push(crate::typed::Catch {
                class: class.unwrap_or(ClassId(0)),
                var,
                body: block,
                span: clause.span,
            });
        }
        let finally = finally.map(|f| {
            cx.catches.push(None);
            let outer = cx.finally_loop_depth.replace(cx.loop_depth);
            let outer_breakable = cx.finally_breakable.replace(cx.breakable());
            let block = self.block(cx, f);
            cx.finally_loop_depth = outer;
            cx.finally_breakable = outer_breakable;
            cx.catches.pop();
            block
        });
        StmtKind::Try {
            body,
            catches: typed_catches,
            finally,
            caught,
        }
    }

    fn loop_body(&mut self, cx: &mut FnCx, body: &ast::Stmt) -> Stmt {
        cx.loop_depth += 1;
        let body = self.embedded(cx, body);
        cx.loop_depth -= 1;
        body
    }

    /// An expression statement; one that writes a property becomes the
    /// accessor calls (src/check/property.rs).
    #[inline(never)]
    fn expr_stmt_kind(&mut self, cx: &mut FnCx, e: &ast::Expr) -> StmtKind {
        use super::property::{Lhs, Write};
        let (target, write) = match &e.kind {
            A::Assign { op, target, value } => (target, Write::Assign(*op, value)),
            A::IncDec {
                increment, target, ..
            } => (
                target,
                Write::Step {
                    increment: *increment,
                },
            ),
            A::Call { callee, args, .. } => {
                if let A::NullMember { target, name } = &callee.kind {
                    return self.null_call_stmt(cx, target, name, args, e.span);
                }
                return StmtKind::Expr(self.expr_stmt(cx, e));
            }
            _ => return StmtKind::Expr(self.expr_stmt(cx, e)),
        };
        if let (Write::Assign(None, value), A::Assign { .. }) = (&write, &e.kind) {
            if matches!(&value.kind, A::New { init: Some(_), .. }) && is_simple_target(target) {
                return self.assign_initialized(cx, target, value, e.span);
            }
        }
        let typed = match self.lhs(cx, target) {
            Lhs::Property(p) => return self.property_write(cx, p, write, e.span),
            Lhs::Other(t) => t,
        };
        StmtKind::Expr(match (write, &e.kind) {
            (Write::Assign(op, value), _) => self.assign_to(cx, op, typed, value, e.span),
            (Write::Step { increment }, A::IncDec { prefix, .. }) => {
                self.inc_dec_of(cx, *prefix, increment, typed, e.span)
            }
            _ => unreachable!("a step is an IncDec"),
        })
    }

    /// `target = new C(…) { … };`: the object made and filled, then stored.
    #[inline(never)]
    fn assign_initialized(
        &mut self,
        cx: &mut FnCx,
        target: &ast::Expr,
        value: &ast::Expr,
        span: Span,
    ) -> StmtKind {
        use super::property::Lhs;
        let lhs = self.lhs(cx, target);
        let Some((mut stmts, value)) = self.initialized_new(cx, value) else {
            return StmtKind::Expr(error_expr(span));
        };
        let store = match lhs {
            Lhs::Property(p) => self.property_set(cx, p, value, span),
            Lhs::Other(t) => match self.place(cx, t) {
                Some((place, ty)) => self.assign_place(place, ty, value, span),
                None => error_expr(span),
            },
        };
        stmts.push(Stmt {
            kind: StmtKind::Expr(store),
            span,
        });
        StmtKind::Block(Block { stmts, span })
    }

    /// CS0201: only some expressions may stand alone as statements.
    fn expr_stmt(&mut self, cx: &mut FnCx, e: &ast::Expr) -> Expr {
        let allowed = matches!(
            e.kind,
            A::Assign { .. }
                | A::IncDec { .. }
                | A::Call { .. }
                | A::New { .. }
                | A::Await(_)
                | A::Error
        );
        let typed = self.expr(cx, e);
        if !allowed && typed.ty != Type::Error {
            let msg = "only assignment, call, increment, decrement, await, and new object expressions can be used as a statement";
            self.error(e.span, msg, "not a statement");
        }
        typed
    }

    /// `return;` / `return e;` against the method's return type.
    fn return_value(
        &mut self,
        cx: &mut FnCx,
        value: Option<&ast::Expr>,
        span: Span,
    ) -> Option<Expr> {
        // Outside methods (field initializers) there are no statements.
        let kind = cx.async_kind.clone()?;
        let expected = match &kind {
            AsyncKind::NotAsync => cx.ret.clone(),
            AsyncKind::TaskOf(t) => t.clone(),
            AsyncKind::Task | AsyncKind::Void => Type::Void,
        };
        let name = cx.name.clone();
        match (value, &expected) {
            (None, Type::Void | Type::Error) => None,
            (None, t) => {
                let msg = format!(
                    "an object of a type convertible to `{}` is required",
                    self.ty(t)
                );
                self.error(span, msg, "missing a value");
                None
            }
            (Some(v), Type::Void) => {
                let e = self.expr(cx, v);
                let msg = if kind == AsyncKind::Task {
                    format!("since `{name}` is an async method that returns `Task`, a return keyword must not be followed by an object expression")
                } else {
                    format!("since `{name}` returns void, a return keyword must not be followed by an object expression")
                };
                self.error(e.span, msg, "no value expected");
                Some(error_expr(e.span))
            }
            (Some(v), t) => {
                let t = t.clone();
                if let Some((stmts, value)) = self.initialized_new(cx, v) {
                    cx.before_return = stmts;
                    return Some(self.coerce(value, &t));
                }
                Some(self.expr_as(cx, v, &t))
            }
        }
    }

    fn local_decl(
        &mut self,
        cx: &mut FnCx,
        is_const: bool,
        ty: &ast::TypeExpr,
        vars: &[ast::VarDecl],
        span: Span,
    ) -> Option<Stmt> {
        let is_var = ty.kind == ast::TypeExprKind::Var;
        if is_var && is_const {
            self.error(
                ty.span,
                "implicitly-typed variables cannot be constant",
                "`const var`",
            );
        } else if is_var && vars.len() > 1 {
            self.error(
                span,
                "implicitly-typed variables cannot have multiple declarators",
                "one name per `var`",
            );
        }
        let declared = if is_var {
            None
        } else {
            Some(self.resolve_value_type(ty))
        };
        let mut decls = Vec::new();
        // Statements an initializer runs before its variable is set.
        let mut before: Vec<Stmt> = Vec::new();
        for var in vars {
            if is_const {
                self.const_local(cx, declared.clone().unwrap_or(Type::Error), var);
                continue;
            }
            if let Some((stmts, value)) =
                var.init.as_ref().and_then(|i| self.initialized_new(cx, i))
            {
                if !decls.is_empty() {
                    before.push(Stmt {
                        kind: StmtKind::Local(std::mem::take(&mut decls)),
                        span,
                    });
                }
                before.extend(stmts);
                let t = match &declared {
                    Some(t) => t.clone(),
                    None => value.ty.clone(),
                };
                let init = self.coerce(value, &t);
                let local = self.declare_local(cx, var, t);
                decls.push(LocalInit {
                    local,
                    init: Some(init),
                    span: var.span,
                });
                continue;
            }
            let (local, init) = match &declared {
                Some(t) => {
                    let local = self.declare_local(cx, var, t.clone());
                    (local, var.init.as_ref().map(|i| self.expr_as(cx, i, t)))
                }
                None => {
                    let Some(init) = &var.init else {
                        self.error(
                            var.span,
                            "implicitly-typed variables must be initialized",
                            "no initializer",
                        );
                        let local = self.declare_local(cx, var, Type::Error);
                        decls.push(LocalInit {
                            local,
                            init: None,
                            span: var.span,
                        });
                        continue;
                    };
                    let e = self.expr(cx, init);
                    let t = self.var_type(&e);
                    let local = self.declare_local(cx, var, t);
                    (local, Some(e))
                }
            };
            decls.push(LocalInit {
                local,
                init,
                span: var.span,
            });
        }
        decls.shrink_to_fit();
        let local = (!decls.is_empty()).then_some(Stmt {
            kind: StmtKind::Local(decls),
            span,
        });
        if before.is_empty() {
            return local;
        }
        before.extend(local);
        Some(Stmt {
            kind: StmtKind::Block(Block {
                stmts: before,
                span,
            }),
            span,
        })
    }

    /// The type `var` infers (CS0815 for null, void and awaitables of nothing).
    fn var_type(&mut self, e: &Expr) -> Type {
        match &e.ty {
            Type::Null | Type::Void => {
                let msg = format!(
                    "cannot assign `{}` to an implicitly-typed variable",
                    self.ty(&e.ty)
                );
                self.error(e.span, msg, "no type to infer");
                Type::Error
            }
            t => t.clone(),
        }
    }

    fn declare_local(
        &mut self,
        cx: &mut FnCx,
        var: &ast::VarDecl,
        ty: Type,
    ) -> crate::typed::LocalId {
        let (id, result) = cx.declare_var(&var.name.name, ty, var.name.span, false);
        if let Err(e) = result {
            self.declare_error(e, &var.name);
        }
        id
    }

    pub(super) fn declare_error(&mut self, e: DeclareError, name: &ast::Ident) {
        let msg = match e {
            DeclareError::Duplicate => format!("a local variable named `{}` is already defined in this scope", name.name),
            DeclareError::Shadows => format!(
                "a local or parameter named `{}` cannot be declared in this scope because that name is used in an enclosing local scope",
                name.name
            ),
        };
        self.error(name.span, msg, "declared again");
    }

    fn const_local(&mut self, cx: &mut FnCx, ty: Type, var: &ast::VarDecl) {
        let value = match &var.init {
            Some(init) => {
                let e = self.expr_as(cx, init, &ty);
                self.require_const(&e, &var.name.name)
            }
            None => {
                self.error(
                    var.span,
                    "a `const` requires a value to be provided",
                    "no value",
                );
                None
            }
        };
        let result = match value {
            Some(c) => cx.declare_const(&var.name.name, c, ty),
            None => cx.declare_const(&var.name.name, Const::Null, Type::Error),
        };
        if let Err(e) = result {
            self.declare_error(e, &var.name);
        }
    }
}

/// `T local = init;`, for the statements the checker lowers itself.
pub(super) fn local_init(local: crate::typed::LocalId, init: Expr, span: Span) -> Stmt {
    Stmt {
        kind: StmtKind::Local(vec![crate::typed::LocalInit {
            local,
            init: Some(init),
            span,
        }]),
        span,
    }
}

/// A case label's value as C# writes it in messages: `1`, `"a"`, `'x'`.
fn const_text(c: &Const) -> String {
    match c {
        Const::Str(s) => format!("{s:?}"),
        Const::Char(ch) => format!("'{}'", char::from_u32(u32::from(*ch)).unwrap_or('?')),
        Const::Int(n) => n.to_string(),
        Const::Long(n) => n.to_string(),
        Const::Double(bits) => f64::from_bits(*bits).to_string(),
        Const::Bool(b) => b.to_string(),
        Const::Null => "null".to_string(),
    }
}

/// Names declared directly by these statements (not in nested blocks).
fn declared_names(stmts: &[ast::Stmt]) -> Vec<&str> {
    let mut names = Vec::new();
    for s in stmts {
        if let S::Local { vars, .. } = &s.kind {
            names.extend(vars.iter().map(|v| v.name.name.as_str()));
        }
    }
    names
}

/// A target whose evaluation has no effect (a name, or a member of `this`
/// or of a name): an initializer may run before it is evaluated.
fn is_simple_target(target: &ast::Expr) -> bool {
    match &target.kind {
        A::Name(_) => true,
        A::Member { target, .. } => matches!(target.kind, A::This | A::Name(_)),
        _ => false,
    }
}

/// A method or constructor a body can call.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Callee {
    Method(MethodId),
    Ctor(CtorId),
}

/// What the statements of a checked block call or construct with.
fn callees_of_block(block: &Block, out: &mut Vec<Callee>) {
    for stmt in &block.stmts {
        callees_of_stmt(stmt, out);
    }
}

fn callees_of_stmt(stmt: &Stmt, out: &mut Vec<Callee>) {
    let expr = |e: &Expr, out: &mut Vec<Callee>| callees_of_expr(e, out);
    match &stmt.kind {
        StmtKind::Block(b) => callees_of_block(b, out),
        StmtKind::Local(inits) => inits
            .iter()
            .filter_map(|i| i.init.as_ref())
            .for_each(|e| expr(e, out)),
        StmtKind::Expr(e) | StmtKind::Throw(e) | StmtKind::Return(Some(e)) => expr(e, out),
        StmtKind::If {
            cond,
            then,
            otherwise,
        } => {
            expr(cond, out);
            callees_of_stmt(then, out);
            if let Some(o) = otherwise {
                callees_of_stmt(o, out);
            }
        }
        StmtKind::While { cond, body } | StmtKind::DoWhile { body, cond } => {
            expr(cond, out);
            callees_of_stmt(body, out);
        }
        StmtKind::For {
            init,
            cond,
            step,
            body,
        } => {
            init.iter().for_each(|s| callees_of_stmt(s, out));
            cond.iter().chain(step).for_each(|e| expr(e, out));
            callees_of_stmt(body, out);
        }
        StmtKind::Try {
            body,
            catches,
            finally,
            ..
        } => {
            callees_of_block(body, out);
            catches.iter().for_each(|c| callees_of_block(&c.body, out));
            if let Some(f) = finally {
                callees_of_block(f, out);
            }
        }
        StmtKind::Break | StmtKind::Continue | StmtKind::Return(None) | StmtKind::Rethrow(_) => {}
    }
}

fn callees_of_expr(e: &Expr, out: &mut Vec<Callee>) {
    use crate::typed::ExprKind as E;
    match &e.kind {
        E::New { ctor, .. } => out.push(Callee::Ctor(*ctor)),
        E::CallStatic { method, .. }
        | E::CallDirect { method, .. }
        | E::CallVirtual { method, .. } => out.push(Callee::Method(*method)),
        _ => {}
    }
    crate::lower::for_each_child(e, &mut |child| callees_of_expr(child, out));
}
