//! Member access, calls, built-ins, `new`, and overload resolution.

use super::expr::{error_expr, mk};
use super::generic_call::GenericCall;
use super::scope::{FnCx, Lookup};
use super::{Checker, Member};
use crate::ast::{self, ExprKind as A};
use crate::source::Span;
use crate::typed::{
    Builtin, ClassId, Const, CtorId, Dispatch, Expr, ExprKind, MethodId, PassMode, Place, Type,
};

/// What the left side of a `.` denotes.
pub(super) enum Target {
    Value(Expr),
    Class(ClassId),
    Console,
    Task,
    /// `int`, `long`, `char`, … as in `int.MaxValue`.
    Prim(Type),
    /// An enum's name, as in `Color.Red`.
    Enum(crate::typed::EnumId),
    /// `base`.
    Base(Span),
}

/// The receiver of a method call.
#[derive(Clone)]
pub(super) enum Recv {
    /// `F()`: `this` when there is one.
    Implicit(Option<Expr>),
    /// `obj.F()`.
    Value(Expr),
    /// `C.F()`.
    Type,
    /// `base.F()`: `this`, typed as the parent class; a non-virtual call.
    Base(Expr),
}

impl Recv {
    fn obj_type(&self) -> Option<&Type> {
        match self {
            Recv::Value(e) => Some(&e.ty),
            _ => None,
        }
    }
}

/// The outcome of overload resolution among candidates of one level.
pub(super) enum Pick {
    Best(usize),
    /// Two candidates, neither better (CS0121).
    Ambiguous(usize, usize),
    NoneApplicable,
}

impl Checker<'_> {
    /// Resolves the left side of `.`: a value, or a type/namespace name.
    pub(super) fn target(&mut self, cx: &mut FnCx, e: &ast::Expr) -> Target {
        match &e.kind {
            A::Name(id) => {
                if let Some(v) = self.value_name(cx, id) {
                    return Target::Value(v);
                }
                if let Some(&c) = self.class_ids.get(&id.name) {
                    return Target::Class(c);
                }
                if let Some(&e) = self.enum_ids.get(&id.name) {
                    return Target::Enum(e);
                }
                match id.name.as_str() {
                    "Console" => Target::Console,
                    "Task" => Target::Task,
                    _ => Target::Value(self.expr(cx, e)),
                }
            }
            A::TypeRef(t) => match &t.kind {
                ast::TypeExprKind::Task => Target::Task,
                ast::TypeExprKind::Named(id) if id.name == "Console" => Target::Console,
                _ => Target::Prim(self.resolve_type(t)),
            },
            A::Base => Target::Base(e.span),
            // `System.Console`, `Zoo.Util`, `Outer.Inner`: a type named
            // with its namespace or the classes it is nested in.
            A::Member { .. } => match self.qualified_target(cx, e) {
                Some(target) => target,
                None => Target::Value(self.expr(cx, e)),
            },
            _ => Target::Value(self.expr(cx, e)),
        }
    }

    /// The system library's class for a predefined type's static methods.
    fn system_class_of(&self, ty: &Type) -> Option<ClassId> {
        let name = match ty {
            Type::Char => "Char",
            Type::Int => "Int32",
            Type::Double => "Double",
            Type::String => "String",
            _ => return None,
        };
        self.class_ids
            .get(name)
            .copied()
            .filter(|&c| self.class(c).is_system)
    }

    /// `target.name` used as a value.
    pub(super) fn member(
        &mut self,
        cx: &mut FnCx,
        target: &ast::Expr,
        name: &ast::Ident,
        span: Span,
    ) -> Expr {
        let target = self.target(cx, target);
        self.member_in(cx, target, name, span)
    }

    /// `target.name` used as a value, the target already resolved.
    #[inline(never)]
    pub(super) fn member_in(
        &mut self,
        cx: &mut FnCx,
        target: Target,
        name: &ast::Ident,
        span: Span,
    ) -> Expr {
        let target = match self.property_of(cx, target, name, span) {
            Ok(p) => return self.property_get(cx, p, span),
            Err(target) => target,
        };
        match target {
            Target::Value(v) => self.value_member(cx, v, name, span),
            Target::Class(c) => match self.lookup_member(c, &name.name) {
                Some(Member::Field(f)) if self.field(f).is_static => {
                    self.field_access(cx, None, f, span)
                }
                Some(Member::Field(f)) => {
                    let what = format!("field `{}`", self.field_display(f));
                    self.error(
                        span,
                        format!("an object reference is required for the non-static {what}"),
                        "needs an object",
                    );
                    error_expr(span)
                }
                Some(Member::Methods(_)) => self.method_as_value(&name.name, span),
                // Read as a property by `member_in` before this.
                Some(Member::Property(_)) => error_expr(span),
                None => self.no_class_member(c, name),
            },
            Target::Task if name.name == "CompletedTask" => mk(
                ExprKind::Builtin {
                    builtin: Builtin::TaskCompleted,
                    args: Vec::new(),
                },
                Type::Task,
                span,
            ),
            Target::Console => self.no_member("Console", name),
            Target::Task => self.no_member("Task", name),
            Target::Prim(ty) => self.prim_member(&ty, name, span),
            Target::Enum(e) => self.enum_member(e, name),
            Target::Base(base_span) => {
                let Some(parent) = self.base_class(cx, base_span) else {
                    return error_expr(span);
                };
                match self.lookup_member(parent, &name.name) {
                    Some(Member::Field(f)) => {
                        let this = mk(ExprKind::This, Type::Class(parent), base_span);
                        self.field_access(cx, Some(this), f, span)
                    }
                    Some(Member::Methods(_)) => self.method_as_value(&name.name, span),
                    Some(Member::Property(_)) => error_expr(span),
                    None => self.no_class_member(parent, name),
                }
            }
        }
    }

    fn method_as_value(&mut self, name: &str, span: Span) -> Expr {
        let msg = format!("method `{name}` used as a value; call it with `(…)`");
        self.error(span, msg, "a method");
        error_expr(span)
    }

    /// CS0117 / CS1061.
    fn no_member(&mut self, owner: &str, name: &ast::Ident) -> Expr {
        let msg = format!(
            "`{owner}` does not contain a definition for `{}`",
            name.name
        );
        self.error(name.span, msg, "unknown member");
        error_expr(name.span)
    }

    fn no_class_member(&mut self, class: ClassId, name: &ast::Ident) -> Expr {
        let owner = self.class_name(class).to_owned();
        self.no_member(&owner, name)
    }

    /// `int.MaxValue` and friends, folded to constants.
    fn prim_member(&mut self, ty: &Type, name: &ast::Ident, span: Span) -> Expr {
        let c = match (ty, name.name.as_str()) {
            (Type::Int, "MaxValue") => Const::Int(i32::MAX),
            (Type::Int, "MinValue") => Const::Int(i32::MIN),
            (Type::Long, "MaxValue") => Const::Long(i64::MAX),
            (Type::Long, "MinValue") => Const::Long(i64::MIN),
            (Type::Char, "MaxValue") => Const::Char(u16::MAX),
            (Type::Char, "MinValue") => Const::Char(0),
            (Type::String, "Empty") => Const::Str(String::new()),
            (Type::Double, "NaN") => Const::double(f64::NAN),
            (Type::Double, "PositiveInfinity") => Const::double(f64::INFINITY),
            (Type::Double, "NegativeInfinity") => Const::double(f64::NEG_INFINITY),
            (Type::Double, "MaxValue") => Const::double(f64::MAX),
            (Type::Double, "MinValue") => Const::double(f64::MIN),
            // .NET's Epsilon is the smallest positive double (not C's DBL_EPSILON).
            (Type::Double, "Epsilon") => Const::double(f64::from_bits(1)),
            (Type::Error, _) => return error_expr(span),
            _ => return self.no_member(&self.ty(ty), name),
        };
        mk(ExprKind::Const(c), ty.clone(), span)
    }

    /// `base` needs an instance context and a parent class.
    fn base_class(&mut self, cx: &FnCx, span: Span) -> Option<ClassId> {
        match cx.class {
            Some(c) if !cx.is_static => match self.class(c).parent {
                Some(p) => Some(p),
                None => {
                    let msg = format!("`{}` has no base class", self.class_name(c));
                    self.error(span, msg, "no base class");
                    None
                }
            },
            _ => {
                self.error(
                    span,
                    "keyword `base` is not available in a static context",
                    "no `base` here",
                );
                None
            }
        }
    }

    /// `value.name`: a field, or a built-in property of strings, arrays, tasks.
    fn value_member(&mut self, cx: &FnCx, v: Expr, name: &ast::Ident, span: Span) -> Expr {
        let builtin = |b: Builtin, ty: Type, v: Expr| {
            mk(
                ExprKind::Builtin {
                    builtin: b,
                    args: vec![v],
                },
                ty,
                span,
            )
        };
        match (&v.ty, name.name.as_str()) {
            (Type::Error, _) => error_expr(span),
            (Type::String, "Length") => builtin(Builtin::StringLength, Type::Int, v),
            (Type::Array(_), "Length") => mk(ExprKind::ArrayLength(Box::new(v)), Type::Int, span),
            (Type::Task | Type::TaskOf(_), "IsCompleted") => {
                builtin(Builtin::TaskIsCompleted, Type::Bool, v)
            }
            (Type::TaskOf(t), "Result") => {
                let t = (**t).clone();
                builtin(Builtin::TaskResult, t, v)
            }
            (Type::Class(c), _) => match self.lookup_member(*c, &name.name) {
                Some(Member::Field(f)) if self.field(f).is_static => {
                    let msg = format!(
                        "member `{}` cannot be accessed with an instance reference; qualify it with a type name instead",
                        self.field_display(f)
                    );
                    self.error(span, msg, "static member");
                    error_expr(span)
                }
                Some(Member::Field(f)) => self.field_access(cx, Some(v), f, span),
                Some(Member::Methods(_)) => self.method_as_value(&name.name, span),
                Some(Member::Property(_)) => error_expr(span),
                None => self.no_member(&self.ty(&v.ty), name),
            },
            (ty, _) => {
                let owner = self.ty(ty);
                self.no_member(&owner, name)
            }
        }
    }

    /// Types the arguments of a call.
    fn args(&mut self, cx: &mut FnCx, args: &[ast::Expr]) -> Vec<Expr> {
        args.iter().map(|a| self.expr(cx, a)).collect()
    }

    /// Types a call's arguments, then keeps their names (if any is named)
    /// for the overload resolution that comes next: after the arguments,
    /// so that calls inside them do not take the names.
    pub(super) fn call_args(&mut self, cx: &mut FnCx, args: &[ast::Expr]) -> Vec<Expr> {
        let typed = self.args(cx, args);
        self.arg_names = arg_names(args);
        typed
    }

    /// After a call is resolved: each `out var n` it passes takes the type
    /// of its parameter. A call that failed leaves the variables its `out`
    /// arguments declare typed as errors, so that their uses report nothing
    /// more.
    pub(super) fn type_out_vars(
        &mut self,
        cx: &mut FnCx,
        args: &[ast::Expr],
        mut call: Expr,
    ) -> Expr {
        if call.ty == Type::Error && matches!(call.kind, ExprKind::Error) {
            for arg in args {
                let A::OutVar { name, .. } = &arg.kind else {
                    continue;
                };
                if let Lookup::Found(super::scope::LocalRef::Var(l)) = cx.lookup(&name.name) {
                    cx.locals[l.0 as usize].ty = Type::Error;
                }
            }
            return call;
        }
        if cx.out_vars.is_empty() {
            return call;
        }
        let (method, args, receiver_first) = match &mut call.kind {
            ExprKind::CallStatic { method, args } => (*method, args, false),
            ExprKind::CallDirect { method, args, .. }
            | ExprKind::CallVirtual { method, args, .. } => {
                // A system string method's receiver is its first parameter.
                (*method, args, self.method(*method).is_extension)
            }
            _ => return call,
        };
        let params = &self.out.methods[method.0 as usize].param_types;
        let skip = usize::from(receiver_first);
        for (arg, ty) in args.iter_mut().zip(params.iter().skip(skip)) {
            let ExprKind::AddressOf { place, .. } = &arg.kind else {
                continue;
            };
            let Place::Local(local) = **place else {
                continue;
            };
            if let Some(k) = cx.out_vars.iter().position(|&l| l == local) {
                cx.out_vars.remove(k);
                cx.locals[local.0 as usize].ty = ty.clone();
                arg.ty = ty.clone();
            }
        }
        call
    }

    /// Reports `ref` and `out` arguments given to what takes no variable
    /// (`Console.WriteLine(ref x)`, a constructor, a built-in).
    pub(super) fn by_ref_args_refused(&mut self, args: &[Expr]) -> bool {
        let mut refused = false;
        for a in args {
            if let ExprKind::AddressOf { mode, .. } = &a.kind {
                let msg = format!(
                    "this argument may not be passed with the `{}` keyword",
                    mode.word()
                );
                self.error(a.span, msg, "not a `ref` or `out` parameter");
                refused = true;
            }
        }
        refused
    }

    /// `callee(args)`, or `callee<types>(args)` (`types` is empty without
    /// explicit type arguments).
    pub(super) fn call_with(
        &mut self,
        cx: &mut FnCx,
        callee: &ast::Expr,
        args: &[ast::Expr],
        types: Vec<Type>,
        span: Span,
    ) -> Expr {
        let call = self.call_resolved(cx, callee, args, types, span);
        if self.arg_names.take().is_some() && call.ty != Type::Error {
            let msg = "named arguments in a call of this built-in are not supported by Flux#";
            self.error(
                callee.span,
                msg,
                "write the arguments in order, without names",
            );
            return error_expr(span);
        }
        if self.explicit_type_args.take().is_some() && call.ty != Type::Error {
            let name = match &callee.kind {
                A::Name(id) | A::Member { name: id, .. } => id.name.as_str(),
                _ => "",
            };
            let msg = format!("the non-generic method `{name}` cannot be used with type arguments");
            self.error(callee.span, msg, "not generic");
            return error_expr(span);
        }
        call
    }

    fn call_resolved(
        &mut self,
        cx: &mut FnCx,
        callee: &ast::Expr,
        args: &[ast::Expr],
        types: Vec<Type>,
        span: Span,
    ) -> Expr {
        let explicit = (!types.is_empty()).then_some(types);
        match &callee.kind {
            A::Name(id) => self.call_name(cx, id, args, explicit, span),
            A::NullMember { target, name } => self.null_member(cx, target, name, Some(args), span),
            A::Member { target, .. } if super::null_conditional::in_null_chain(target) => {
                self.after_null_member(span)
            }
            A::Member { target, name } => {
                let target = self.target(cx, target);
                let typed_args = self.call_args(cx, args);
                self.explicit_type_args = explicit;
                let call = self.call_member(cx, target, name, typed_args, span);
                self.type_out_vars(cx, args, call)
            }
            _ => {
                let callee = self.expr(cx, callee);
                let _ = self.args(cx, args);
                if callee.ty != Type::Error {
                    self.error(callee.span, "method name expected", "not a method");
                }
                error_expr(span)
            }
        }
    }

    /// `F(args)`: a method of this class (or its bases), a top-level
    /// function, or FluxSharp's `print`.
    fn call_name(
        &mut self,
        cx: &mut FnCx,
        id: &ast::Ident,
        args: &[ast::Expr],
        explicit: Option<Vec<Type>>,
        span: Span,
    ) -> Expr {
        let call = self.call_name_resolved(cx, id, args, explicit, span);
        self.type_out_vars(cx, args, call)
    }

    fn call_name_resolved(
        &mut self,
        cx: &mut FnCx,
        id: &ast::Ident,
        args: &[ast::Expr],
        explicit: Option<Vec<Type>>,
        span: Span,
    ) -> Expr {
        if !matches!(cx.lookup(&id.name), Lookup::NotFound) {
            let _ = self.args(cx, args);
            // A variable of a type already reported (a delegate type, say)
            // may well be callable: nothing more to say about it.
            let reported = match cx.lookup(&id.name) {
                Lookup::Found(super::scope::LocalRef::Var(l)) => {
                    cx.locals[l.0 as usize].ty == Type::Error
                }
                _ => false,
            };
            if !reported {
                let msg = format!("`{}` is a variable but is used like a method", id.name);
                self.error(id.span, msg, "not a method");
            }
            return error_expr(span);
        }
        let args = self.call_args(cx, args);
        self.explicit_type_args = explicit;
        let member = cx.class.and_then(|c| self.lookup_member(c, &id.name));
        let generic_here = cx
            .class
            .filter(|&c| member.is_none() && self.has_generic_method(Some(c), &id.name));
        if let Some(class) = generic_here {
            let this = (!cx.is_static).then(|| mk(ExprKind::This, Type::Class(class), id.span));
            return self.call_method(cx, class, id, Recv::Implicit(this), args, span);
        }
        let instance;
        let generic = match member {
            Some(_) => GenericCall::NotGeneric, // the class's member wins
            None => self.generic_call(None, id, &args, span),
        };
        let id = match generic {
            GenericCall::NotGeneric => id,
            GenericCall::Instance(inst) => {
                instance = inst;
                &instance
            }
            GenericCall::Unavailable => return error_expr(span),
        };
        match member {
            Some(Member::Methods(_)) => {
                let class = cx.class.expect("found in the class");
                let this = (!cx.is_static).then(|| mk(ExprKind::This, Type::Class(class), id.span));
                self.call_method(cx, class, id, Recv::Implicit(this), args, span)
            }
            Some(Member::Field(f)) => {
                let msg = format!(
                    "`{}` is a field but is used like a method",
                    self.field_display(f)
                );
                self.error(id.span, msg, "not a method");
                error_expr(span)
            }
            Some(Member::Property(_)) => {
                let msg = format!(
                    "non-invocable member `{}` cannot be used like a method",
                    id.name
                );
                self.error(id.span, msg, "a property");
                error_expr(span)
            }
            None => {
                if let Some(list) = self.functions.get(&id.name).cloned() {
                    let mut args = args;
                    let Some(m) = self.resolve_call(&[list], &mut args, &id.name, id.span) else {
                        return error_expr(span);
                    };
                    return self.finish_call(cx, m, Recv::Implicit(None), args, span, id.span);
                }
                if id.name == "print" {
                    return self.print(Builtin::WriteLine, "print", args, span);
                }
                let msg = format!("cannot find `{}` in this scope", id.name);
                self.error(id.span, msg, "not found");
                error_expr(span)
            }
        }
    }

    pub(super) fn call_member(
        &mut self,
        cx: &mut FnCx,
        target: Target,
        name: &ast::Ident,
        args: Vec<Expr>,
        span: Span,
    ) -> Expr {
        // `x.ToString()` with no ToString of the class's own: the text C#
        // prints for x (object.ToString() of a class: its name).
        if let Target::Value(v) = &target {
            let own = match &v.ty {
                Type::Class(c) => self.lookup_member(*c, &name.name).is_some(),
                _ => false,
            };
            if name.name == "ToString" && args.is_empty() && !own && v.ty != Type::Error {
                let Target::Value(v) = target else {
                    unreachable!("matched above")
                };
                let v = self.printable(v);
                return self.concat(vec![v], span);
            }
        }
        if matches!(target, Target::Console) && !self.console_names_taken(&name.name, args.len()) {
            return error_expr(span);
        }
        if let Target::Value(v) = &target {
            if let Some(owner) = self.generic_extension_owner(&v.ty, &name.name) {
                // `list.Sort()` by `static void Sort<T>(this List<T> list)`:
                // the receiver is the first argument type inference sees.
                let all: Vec<Expr> = std::iter::once(v.clone())
                    .chain(args.iter().cloned())
                    .collect();
                match self.generic_call(Some(owner), name, &all, span) {
                    GenericCall::Instance(instance) => {
                        let Target::Value(v) = target else {
                            unreachable!("matched above")
                        };
                        return self.call_extension(cx, v, &instance, args, span);
                    }
                    GenericCall::Unavailable => return error_expr(span),
                    GenericCall::NotGeneric => {}
                }
            }
        }
        if let Target::Value(v) = &target {
            if self.extensions.contains_key(&name.name) && !self.has_own_member(&v.ty, &name.name) {
                let Target::Value(v) = target else {
                    unreachable!("matched above")
                };
                return self.call_extension(cx, v, name, args, span);
            }
        }
        match target {
            Target::Value(v) => match &v.ty {
                Type::Class(c) => {
                    let c = *c;
                    self.call_method(cx, c, name, Recv::Value(v), args, span)
                }
                Type::String if name.name == "length" && args.is_empty() => mk(
                    ExprKind::Builtin {
                        builtin: Builtin::StringLength,
                        args: vec![v],
                    },
                    Type::Int,
                    span,
                ),
                Type::Error => error_expr(span),
                ty => {
                    let owner = self.ty(ty);
                    self.no_member(&owner, name)
                }
            },
            Target::Class(c) => self.call_method(cx, c, name, Recv::Type, args, span),
            // `Console.WriteLine("{0} {1}", a, b)`: string.Format's, printed.
            Target::Console if args.len() >= 2 && args[0].ty == Type::String => {
                let text = self.string_format(cx, args, span);
                self.call_member(cx, Target::Console, name, vec![text], span)
            }
            Target::Console => match name.name.as_str() {
                "WriteLine" => self.print(Builtin::WriteLine, "WriteLine", args, span),
                "Write" => self.print(Builtin::Write, "Write", args, span),
                _ => self.no_member("Console", name),
            },
            Target::Task => self.task_call(name, args, span),
            Target::Prim(Type::String) if name.name == "Format" => {
                self.string_format(cx, args, span)
            }
            Target::Prim(ty) => match self.system_class_of(&ty) {
                // `char.IsDigit(c)`, `int.Parse(s)`, `string.IsNullOrEmpty(s)`:
                // static methods of lib/System.fs's Char, Int32, String.
                Some(class)
                    if self
                        .method_levels(class, &name.name)
                        .iter()
                        .any(|l| !l.is_empty())
                        || self.has_generic_method(Some(class), &name.name) =>
                {
                    self.call_method(cx, class, name, Recv::Type, args, span)
                }
                _ => {
                    let owner = self.ty(&ty);
                    self.no_member(&owner, name)
                }
            },
            Target::Enum(e) => {
                let owner = self.ty(&Type::Enum(e));
                self.no_member(&owner, name)
            }
            Target::Base(base_span) => {
                let Some(parent) = self.base_class(cx, base_span) else {
                    return error_expr(span);
                };
                let this = mk(ExprKind::This, Type::Class(parent), base_span);
                self.call_method(cx, parent, name, Recv::Base(this), args, span)
            }
        }
    }

    /// Whether a value of this type has a member of its own by this name
    /// (which C# prefers to any extension method).
    /// The static class declaring a generic extension method `name`
    /// (`static void Sort<T>(this List<T> list)`), when a value of type `ty`
    /// has no member of that name itself.
    fn generic_extension_owner(&self, ty: &Type, name: &str) -> Option<ClassId> {
        if self.has_own_member(ty, name) {
            return None;
        }
        let g = self.ast.generic_methods.iter().find(|g| {
            g.decl.name.name == name && g.decl.params.first().is_some_and(|p| p.is_this)
        })?;
        self.class_ids.get(g.owner.as_deref()?).copied()
    }

    fn has_own_member(&self, ty: &Type, name: &str) -> bool {
        match ty {
            Type::Class(c) => self.lookup_member(*c, name).is_some(),
            Type::String => name == "length",
            Type::Error => true,
            _ => false,
        }
    }

    /// `v.M(args)` by an extension method `static … M(this T x, …)`: C#
    /// looks them up when the type itself has no member M, among those whose
    /// first parameter the receiver converts to, and calls the chosen one
    /// with the receiver as its first argument. The system library's
    /// extension methods on `string` stand for .NET's instance methods
    /// (`s.Substring(1)`): their call is a direct call on the receiver, which
    /// throws NullReferenceException for a null one, as .NET's does.
    fn call_extension(
        &mut self,
        cx: &FnCx,
        v: Expr,
        name: &ast::Ident,
        args: Vec<Expr>,
        span: Span,
    ) -> Expr {
        let candidates: Vec<MethodId> = self.extensions[&name.name]
            .iter()
            .copied()
            .filter(|&m| {
                let first = &self.method(m).param_types[0];
                self.implicit(&v.ty, first).is_some()
            })
            .collect();
        if candidates.is_empty() {
            let owner = self.ty(&v.ty);
            return self.no_member(&owner, name);
        }
        let receiver_span = v.span;
        let mut all: Vec<Expr> = std::iter::once(v).chain(args).collect();
        if let Some(names) = &mut self.arg_names {
            names.insert(0, None); // the receiver: the first argument
        }
        let Some(m) = self.resolve_call(&[candidates], &mut all, &name.name, name.span) else {
            return error_expr(span);
        };
        let call = self.finish_call(cx, m, Recv::Type, all, span, name.span);
        let instance = self
            .method(m)
            .class
            .is_some_and(|c| self.class(c).is_system);
        match call.kind {
            ExprKind::CallStatic { method, mut args } if instance && args[0].ty == Type::String => {
                let obj = args.remove(0);
                debug_assert_eq!(obj.span, receiver_span);
                let kind = ExprKind::CallDirect {
                    obj: Box::new(obj),
                    method,
                    args,
                };
                mk(kind, call.ty, span)
            }
            _ => call,
        }
    }

    /// `Console.WriteLine(x)`, `Console.Write(x)`, `print(x)`.
    /// Named arguments of `Console.Write` and `Console.WriteLine`, which
    /// Flux# checks itself: .NET's names (`value`; `format`, `arg0`,
    /// `arg1`, `arg2`), each in its own position, are taken and the call
    /// goes on as a positional one. Reports and returns false otherwise.
    fn console_names_taken(&mut self, method: &str, count: usize) -> bool {
        let Some(names) = self.arg_names.take() else {
            return true;
        };
        let params: &[&str] = match count {
            1 => &["value"],
            2..=4 => &["format", "arg0", "arg1", "arg2"],
            _ => &[],
        };
        for (i, name) in names.iter().enumerate() {
            let Some(name) = name else { continue };
            if params.get(i) == Some(&name.name.as_str()) {
                continue;
            }
            let msg = match params.contains(&name.name.as_str()) {
                true => format!(
                    "named arguments of `Console.{method}` must stay in the parameter order in Flux# ({})",
                    params.join(", ")
                ),
                false => format!(
                    "the best overload for `{method}` does not have a parameter named `{}`",
                    name.name
                ),
            };
            self.error(name.span, msg, "named argument");
            return false;
        }
        true
    }

    fn print(&mut self, builtin: Builtin, name: &str, mut args: Vec<Expr>, span: Span) -> Expr {
        if self.by_ref_args_refused(&args) {
            return error_expr(span);
        }
        let ok_arity = args.len() == 1 || (args.is_empty() && builtin == Builtin::WriteLine);
        if !ok_arity {
            let msg = format!(
                "no overload for method `{name}` takes {} arguments",
                args.len()
            );
            self.error(span, msg, "wrong number of arguments");
            return error_expr(span);
        }
        if let Some(a) = args.pop() {
            if a.ty == Type::Error {
                return error_expr(span);
            }
            if a.ty == Type::Null {
                // C#: null fits both WriteLine(string) and WriteLine(char[]).
                let msg = format!(
                    "the call is ambiguous between `Console.{name}(string)` and `Console.{name}(char[])`"
                );
                self.error(a.span, msg, "`null` has no type here");
                return error_expr(span);
            }
            if self.exception_as_text(&a) {
                return error_expr(span);
            }
            let a = self.printable(a);
            args.push(a);
        }
        mk(ExprKind::Builtin { builtin, args }, Type::Void, span)
    }

    /// `Task.Delay`, `Task.Yield`, `Task.WhenAll`, `Task.FromResult`.
    fn task_call(&mut self, name: &ast::Ident, mut args: Vec<Expr>, span: Span) -> Expr {
        if self.by_ref_args_refused(&args) {
            return error_expr(span);
        }
        let (builtin, arity, ty) = match name.name.as_str() {
            "Delay" => (Builtin::TaskDelay, Some(1), Type::Task),
            "Yield" => (Builtin::TaskYield, Some(0), Type::YieldAwaitable),
            "FromResult" => (Builtin::TaskFromResult, Some(1), Type::Error),
            "WhenAll" => (Builtin::TaskWhenAll, None, Type::Task),
            "WhenAny" => (Builtin::TaskWhenAny, None, Type::Task),
            _ => return self.no_member("Task", name),
        };
        if arity.is_some_and(|n| n != args.len()) {
            let msg = format!(
                "no overload for method `{}` takes {} arguments",
                name.name,
                args.len()
            );
            self.error(span, msg, "wrong number of arguments");
            return error_expr(span);
        }
        if args.iter().any(|a| a.ty == Type::Error) {
            return error_expr(span);
        }
        let ty = match builtin {
            Builtin::TaskDelay => {
                args = vec![self.coerce(args.pop().expect("one argument"), &Type::Int)];
                ty
            }
            Builtin::TaskFromResult => {
                let t = args[0].ty.clone();
                if matches!(t, Type::Null | Type::Void) {
                    let msg = "the type arguments for method `Task.FromResult` cannot be inferred from the usage";
                    self.error(args[0].span, msg, "no type");
                    return error_expr(span);
                }
                Type::TaskOf(Box::new(t))
            }
            Builtin::TaskWhenAll | Builtin::TaskWhenAny => {
                return self.when_all(builtin, args, span)
            }
            _ => ty,
        };
        mk(ExprKind::Builtin { builtin, args }, ty, span)
    }

    /// `Task.WhenAll(t1, t2, …)` or `Task.WhenAll(array)`: `Task<T[]>` when
    /// all are `Task<T>` of one T (C#'s generic overload), else `Task`.
    /// `Task.WhenAny` likewise: `Task<Task<T>>`, else `Task<Task>`.
    fn when_all(&mut self, builtin: Builtin, args: Vec<Expr>, span: Span) -> Expr {
        let elems: Vec<Type> = match args.as_slice() {
            [a] if matches!(a.ty, Type::Array(_)) => {
                let Type::Array(e) = &a.ty else {
                    unreachable!()
                };
                vec![(**e).clone()]
            }
            _ => args.iter().map(|a| a.ty.clone()).collect(),
        };
        for (i, t) in elems.iter().enumerate() {
            if !matches!(t, Type::Task | Type::TaskOf(_) | Type::Null) {
                let a = &args[i.min(args.len() - 1)];
                let msg = format!("cannot convert `{}` to `Task`", self.ty(&a.ty));
                self.error(a.span, msg, "expected a task");
                return error_expr(span);
            }
        }
        let same = match elems.first() {
            Some(Type::TaskOf(t)) if elems.iter().all(|e| *e == elems[0]) => Some(t.clone()),
            _ => None,
        };
        let ty = match (builtin, same) {
            (Builtin::TaskWhenAll, Some(t)) => Type::TaskOf(Box::new(Type::Array(t))),
            (Builtin::TaskWhenAll, None) => Type::Task,
            (_, Some(t)) => Type::TaskOf(Box::new(Type::TaskOf(t))),
            (_, None) => Type::TaskOf(Box::new(Type::Task)),
        };
        mk(ExprKind::Builtin { builtin, args }, ty, span)
    }

    /// Whether an ordinary (not generic) method `name` of `class` or its
    /// bases may take `args`: when in doubt (named arguments, a `params`
    /// array) it may, and the ordinary overloads are resolved as before.
    fn ordinary_overload_applies(&self, class: ClassId, name: &str, args: &[Expr]) -> bool {
        if self.arg_names.is_some() {
            return true;
        }
        let mut sigs = Vec::new();
        for &m in self.method_levels(class, name).iter().flatten() {
            let params = &self.methods[m.0 as usize].decl.params[..];
            if params.last().is_some_and(|p| p.is_params) {
                return true;
            }
            sigs.push(candidate_sig(
                params,
                &self.method(m).param_types,
                args.len(),
            ));
        }
        !matches!(self.pick(&sigs, args), Pick::NoneApplicable)
    }

    /// Calls a method named `name` found from `class` upwards.
    pub(super) fn call_method(
        &mut self,
        cx: &FnCx,
        class: ClassId,
        name: &ast::Ident,
        recv: Recv,
        args: Vec<Expr>,
        span: Span,
    ) -> Expr {
        // A generic method when no ordinary one has the name, or none that
        // can take these arguments (C# would weigh both; Flux# tries the
        // ordinary overloads first).
        if self.lookup_member(class, &name.name).is_none()
            || (self.has_generic_method(Some(class), &name.name)
                && !self.ordinary_overload_applies(class, &name.name, &args))
        {
            match self.generic_call(Some(class), name, &args, span) {
                GenericCall::NotGeneric => {}
                GenericCall::Instance(instance) => {
                    return self.call_method(cx, class, &instance, recv, args, span)
                }
                GenericCall::Unavailable => return error_expr(span),
            }
        }
        let all = self.method_levels(class, &name.name);
        if all.is_empty() && self.property_named(class, &name.name).is_some() {
            let msg = format!(
                "non-invocable member `{}` cannot be used like a method",
                name.name
            );
            self.error(name.span, msg, "a property");
            return error_expr(span);
        }
        if all.is_empty() {
            let owner = self.class_name(class).to_string();
            return self.no_member(&owner, name);
        }
        // C# drops inaccessible overloads before choosing; if none is left,
        // choose among all so the access error names the method.
        let through = match &recv {
            Recv::Value(e) => Some(e.ty.clone()),
            _ => None,
        };
        let accessible: Vec<Vec<MethodId>> = all
            .iter()
            .map(|level| {
                let keep = |&&m: &&MethodId| {
                    let access = self.methods[m.0 as usize].access;
                    let owner = self.method(m).class.expect("a class method");
                    self.accessible(cx, owner, access, through.as_ref())
                };
                level.iter().filter(keep).copied().collect::<Vec<_>>()
            })
            .filter(|level| !level.is_empty())
            .collect();
        let levels = if accessible.is_empty() {
            all
        } else {
            accessible
        };
        let mut args = args;
        let Some(m) = self.resolve_call(&levels, &mut args, &name.name, name.span) else {
            return error_expr(span);
        };
        self.finish_call(cx, m, recv, args, span, name.span)
    }

    /// The overloads named `name`, grouped by class, most derived first;
    /// overrides are left out (their virtual declaration stands for them).
    /// Whether `class` or a base declares a method named `name`.
    pub(super) fn has_method(&self, class: ClassId, name: &str) -> bool {
        !self.method_levels(class, name).is_empty()
    }

    fn method_levels(&self, class: ClassId, name: &str) -> Vec<Vec<MethodId>> {
        let mut levels = Vec::new();
        // An interface's methods, then those of the interfaces it extends.
        if self.class(class).is_interface {
            for i in std::iter::once(class).chain(self.extended_interfaces(class)) {
                if let Some(Member::Methods(list)) = self.classes[i.0 as usize].members.get(name) {
                    levels.push(list.clone());
                }
            }
            return levels;
        }
        let mut cur = Some(class);
        while let Some(c) = cur {
            if let Some(Member::Methods(list)) = self.classes[c.0 as usize].members.get(name) {
                let own: Vec<MethodId> = list
                    .iter()
                    .copied()
                    .filter(|&m| {
                        !self.methods[m.0 as usize].is_override || self.opens_to_string(c, m)
                    })
                    .collect();
                if !own.is_empty() {
                    levels.push(own);
                }
            }
            cur = self.class(c).parent;
        }
        levels
    }

    /// The `ToString()` override that opened its hierarchy's slot (no base
    /// class has one): it stands for object's virtual declaration.
    pub(super) fn opens_to_string(&self, class: ClassId, m: MethodId) -> bool {
        let method = self.method(m);
        method.name == "ToString"
            && method.param_types.is_empty()
            && self
                .class(class)
                .parent
                .is_none_or(|p| self.class(p).to_string_slot.is_none())
    }

    /// Converts the arguments, checks static/instance use and access, and
    /// builds the call node for the chosen method.
    fn finish_call(
        &mut self,
        cx: &FnCx,
        m: MethodId,
        recv: Recv,
        args: Vec<Expr>,
        span: Span,
        name_span: Span,
    ) -> Expr {
        let method = self.method(m);
        let params = method.param_types.clone();
        let ret = match method.async_kind {
            crate::typed::AsyncKind::Void => Type::Void,
            _ => method.ret.clone(),
        };
        let (dispatch, class) = (method.dispatch, method.class);
        let decl = self.methods[m.0 as usize].decl;
        let args = self.pack_params(&decl.params, &params, args, span);
        if passes_by_ref(&args) && args.iter().any(crate::lower::spill::contains_await) {
            // The variables' addresses would have to outlive the suspension.
            let msg = "an `await` in the arguments of a call that passes `ref` or `out` is not supported by Flux#";
            self.error(span, msg, "not supported");
            return error_expr(span);
        }
        let mut args: Vec<Expr> = args
            .into_iter()
            .zip(&params)
            .map(|(a, p)| match a.kind {
                // A variable passed by reference has its parameter's type exactly.
                ExprKind::AddressOf { .. } => a,
                _ => self.coerce(a, p),
            })
            .collect();
        self.push_defaults(&decl.params, &params, &mut args, span);
        if let Some(class) = class {
            let access = self.methods[m.0 as usize].access;
            if !self.accessible(cx, class, access, recv.obj_type()) {
                let msg = format!(
                    "`{}` is inaccessible due to its protection level",
                    self.method_sig(m)
                );
                self.error(
                    name_span,
                    msg,
                    format!("{} method", super::decls::access_word(access)),
                );
            }
        }
        let obj = match (dispatch, recv) {
            (Dispatch::Static, Recv::Value(_)) => {
                let msg = format!(
                    "member `{}` cannot be accessed with an instance reference; qualify it with a type name instead",
                    self.method_sig(m)
                );
                self.error(name_span, msg, "static method");
                return error_expr(span);
            }
            (Dispatch::Static, _) => {
                return mk(ExprKind::CallStatic { method: m, args }, ret, span)
            }
            (_, Recv::Implicit(None) | Recv::Type) => {
                let what = format!("method `{}`", self.method_sig(m));
                self.instance_in_static(cx, &what, name_span);
                return error_expr(span);
            }
            (Dispatch::Virtual { slot }, Recv::Base(obj)) => {
                // The implementation the parent class uses for this slot: the
                // parent may override a method that is abstract further up.
                let Type::Class(parent) = obj.ty else {
                    unreachable!("base is a class")
                };
                let target = self.class(parent).vtable.get(slot).copied().unwrap_or(m);
                if self.method(target).is_abstract {
                    let msg = format!(
                        "cannot call an abstract base member `{}`",
                        self.method_sig(target)
                    );
                    self.error(name_span, msg, "abstract");
                    return error_expr(span);
                }
                let kind = ExprKind::CallDirect {
                    obj: Box::new(obj),
                    method: target,
                    args,
                };
                return mk(kind, ret, span);
            }
            (_, Recv::Implicit(Some(obj)) | Recv::Value(obj) | Recv::Base(obj)) => obj,
        };
        let kind = match dispatch {
            Dispatch::Virtual { slot } => ExprKind::CallVirtual {
                obj: Box::new(obj),
                method: m,
                slot,
                interface: None,
                args,
            },
            Dispatch::Interface { slot } => ExprKind::CallVirtual {
                obj: Box::new(obj),
                method: m,
                slot,
                interface: class,
                args,
            },
            _ => ExprKind::CallDirect {
                obj: Box::new(obj),
                method: m,
                args,
            },
        };
        mk(kind, ret, span)
    }

    /// [`Self::resolve_overloads`], or with named arguments (in
    /// `arg_names`) the candidate they fit, with `args` put in its
    /// parameters' order.
    fn resolve_call(
        &mut self,
        levels: &[Vec<MethodId>],
        args: &mut Vec<Expr>,
        name: &str,
        span: Span,
    ) -> Option<MethodId> {
        let Some(names) = self.arg_names.take() else {
            return self.resolve_overloads(levels, args, name, span);
        };
        let mut first_misfit = None;
        for level in levels {
            let candidates: Vec<(usize, &[ast::Param], Vec<Type>)> = level
                .iter()
                .enumerate()
                .map(|(i, &m)| {
                    let params = &self.methods[m.0 as usize].decl.params[..];
                    (i, params, self.method(m).param_types.clone())
                })
                .collect();
            let mut fits = self.named_fits(&candidates, args, &names, span, &mut first_misfit);
            fits.retain(|f| self.modes_fit(level[f.index], &f.ordered));
            self.narrow_named_fits(&mut fits, &candidates);
            match fits.len() {
                0 => continue,
                1 => {
                    let fit = fits.pop().expect("one");
                    return self.take_fit(fit, args, span).map(|i| level[i]);
                }
                _ => {
                    let msg = format!(
                        "the call is ambiguous between `{}` and `{}`",
                        self.method_sig(level[fits[0].index]),
                        self.method_sig(level[fits[1].index])
                    );
                    self.error(span, msg, "ambiguous call");
                    return None;
                }
            }
        }
        match first_misfit {
            Some(misfit) => self.misfit(misfit, &format!("`{name}`"), span),
            None => {
                let msg = format!("no overload of `{name}` takes these named arguments");
                self.error(span, msg, "no overload fits");
            }
        }
        None
    }

    /// Picks the overload to call: the nearest class with an applicable
    /// candidate wins, then C#'s better-function rule; reports failures.
    fn resolve_overloads(
        &mut self,
        levels: &[Vec<MethodId>],
        args: &[Expr],
        name: &str,
        span: Span,
    ) -> Option<MethodId> {
        let by_ref = passes_by_ref(args);
        let has_by_ref_params = levels.iter().flatten().any(|&m| {
            self.method(m)
                .param_modes
                .iter()
                .any(|&p| p != PassMode::Value)
        });
        let filtered: Vec<Vec<MethodId>>;
        let levels = if by_ref || has_by_ref_params {
            filtered = levels
                .iter()
                .map(|level| {
                    let fits = |&&m: &&MethodId| self.modes_fit(m, args);
                    level.iter().filter(fits).copied().collect::<Vec<_>>()
                })
                .filter(|level| !level.is_empty())
                .collect();
            if filtered.is_empty() {
                let first = levels.iter().flatten().next().copied();
                if let Some(m) = first {
                    self.modes_mismatch(m, args, name, span);
                }
                return None;
            }
            &filtered[..]
        } else {
            levels
        };
        for level in levels {
            // A method with optional parameters is a candidate for every
            // count of arguments its defaults can make up.
            let sigs: Vec<Vec<Type>> = level
                .iter()
                .map(|&m| {
                    let decl = self.methods[m.0 as usize].decl;
                    candidate_sig(&decl.params, &self.method(m).param_types, args.len())
                })
                .collect();
            let mut pick = self.pick(&sigs, args);
            if let Pick::NoneApplicable = pick {
                // C# tries a params method in its expanded form only when
                // no method applies in its normal form.
                let expanded: Vec<(usize, Vec<Type>)> = (0..level.len())
                    .filter_map(|i| self.expanded_params(level[i], args.len()).map(|s| (i, s)))
                    .collect();
                let sigs: Vec<Vec<Type>> = expanded.iter().map(|(_, s)| s.clone()).collect();
                pick = match self.pick(&sigs, args) {
                    Pick::Best(k) => Pick::Best(expanded[k].0),
                    Pick::Ambiguous(a, b) => Pick::Ambiguous(expanded[a].0, expanded[b].0),
                    Pick::NoneApplicable => Pick::NoneApplicable,
                };
            }
            if let Pick::Ambiguous(..) = pick {
                // C#'s tie-break: a candidate that needs no default beats
                // one that does.
                let exact: Vec<usize> = (0..level.len())
                    .filter(|&i| self.method(level[i]).param_types.len() == args.len())
                    .collect();
                let exact_sigs: Vec<Vec<Type>> = exact.iter().map(|&i| sigs[i].clone()).collect();
                if let Pick::Best(k) = self.pick(&exact_sigs, args) {
                    pick = Pick::Best(exact[k]);
                }
            }
            match pick {
                Pick::Best(i) => return Some(level[i]),
                Pick::Ambiguous(i, j) => {
                    let msg = format!(
                        "the call is ambiguous between `{}` and `{}`",
                        self.method_sig(level[i]),
                        self.method_sig(level[j])
                    );
                    self.error(span, msg, "ambiguous call");
                    return None;
                }
                Pick::NoneApplicable => {}
            }
        }
        // A params method's expanded form for this many arguments too, so
        // the report names the argument that does not convert.
        let all: Vec<Vec<Type>> = levels
            .iter()
            .flatten()
            .map(|&m| {
                self.expanded_params(m, args.len())
                    .unwrap_or_else(|| self.method(m).param_types.clone())
            })
            .collect();
        self.no_applicable(&all, args, &format!("`{name}`"), span);
        None
    }

    /// Whether each argument is passed as its parameter wants: `ref` and
    /// `out` where the parameter says so, of exactly its type, and by value
    /// elsewhere (C# requires the keyword at the call, CS1620).
    fn modes_fit(&self, m: MethodId, args: &[Expr]) -> bool {
        let method = self.method(m);
        args.iter().enumerate().all(|(i, a)| {
            let mode = method.param_modes.get(i).copied().unwrap_or_default();
            match &a.kind {
                ExprKind::AddressOf { mode: given, .. } => {
                    *given == mode
                        && (a.ty == Type::Error || method.param_types.get(i) == Some(&a.ty))
                }
                ExprKind::Error => true, // reported already: fits anything
                _ => mode == PassMode::Value,
            }
        })
    }

    /// CS1620 / CS1615 / CS1503 for the first argument that does not fit.
    fn modes_mismatch(&mut self, m: MethodId, args: &[Expr], name: &str, span: Span) {
        let method = self.method(m);
        for (i, a) in args.iter().enumerate() {
            let mode = method.param_modes.get(i).copied().unwrap_or_default();
            let ty = method.param_types.get(i).cloned().unwrap_or(Type::Error);
            let msg = match &a.kind {
                ExprKind::Error => continue, // reported already
                ExprKind::AddressOf { mode: given, .. }
                    if *given != mode && mode == PassMode::Value =>
                {
                    format!(
                        "argument {} may not be passed with the `{}` keyword",
                        i + 1,
                        given.word()
                    )
                }
                ExprKind::AddressOf { mode: given, .. } if *given != mode => format!(
                    "argument {} must be passed with the `{}` keyword, not `{}`",
                    i + 1,
                    mode.word(),
                    given.word()
                ),
                ExprKind::AddressOf { mode: given, .. } if a.ty != ty && a.ty != Type::Error => {
                    format!(
                        "argument {}: cannot convert from `{} {}` to `{} {}`",
                        i + 1,
                        given.word(),
                        self.ty(&a.ty),
                        given.word(),
                        self.ty(&ty)
                    )
                }
                ExprKind::AddressOf { .. } => continue,
                _ if mode != PassMode::Value => {
                    format!(
                        "argument {} must be passed with the `{}` keyword",
                        i + 1,
                        mode.word()
                    )
                }
                _ => continue,
            };
            self.error(a.span, msg, format!("in the call of `{name}`"));
            return;
        }
        let msg = format!(
            "no overload for method `{name}` takes {} arguments",
            args.len()
        );
        self.error(span, msg, "wrong arguments");
    }

    /// The optional parameters a call did not give: their defaults, as C#
    /// passes them.
    fn push_defaults(
        &mut self,
        params: &[ast::Param],
        types: &[Type],
        args: &mut Vec<Expr>,
        span: Span,
    ) {
        for (param, ty) in params.iter().zip(types).skip(args.len()) {
            let value = param
                .default
                .as_ref()
                .and_then(super::decls::default_value)
                .map_or_else(
                    || error_expr(span),
                    |(c, t)| mk(ExprKind::Const(c), t, span),
                );
            args.push(self.coerce(value, ty));
        }
    }

    /// `m`'s parameter types for `n` arguments in its expanded form (see
    /// [`expanded_form`]).
    fn expanded_params(&self, m: MethodId, n: usize) -> Option<Vec<Type>> {
        let decl = self.methods[m.0 as usize].decl;
        expanded_form(&decl.params, &self.method(m).param_types, n)
    }

    /// `args` for parameters `params` (typed `types`): in the expanded form
    /// of a params method, the trailing ones packed into a new array, as C#
    /// does.
    fn pack_params(
        &mut self,
        params: &[ast::Param],
        types: &[Type],
        mut args: Vec<Expr>,
        span: Span,
    ) -> Vec<Expr> {
        let (Some(last), Some(Type::Array(elem))) = (params.last(), types.last()) else {
            return args;
        };
        let fixed = types.len() - 1;
        let normal = args.len() == fixed + 1
            && self
                .implicit(&args[fixed].ty, &Type::Array(elem.clone()))
                .is_some();
        if !last.is_params || normal || args.len() < fixed {
            return args;
        }
        let items: Vec<Expr> = args
            .split_off(fixed)
            .into_iter()
            .map(|a| self.coerce(a, elem))
            .collect();
        let at = items.first().map_or(span, |e| e.span);
        let array = Type::Array(elem.clone());
        args.push(mk(
            ExprKind::ArrayLit {
                elem: (**elem).clone(),
                items,
            },
            array,
            at,
        ));
        args
    }

    /// Reports why no overload applies: arity, or the argument that does not
    /// convert when only one candidate has the right arity.
    fn no_applicable(&mut self, sigs: &[Vec<Type>], args: &[Expr], what: &str, span: Span) {
        let same_arity: Vec<&Vec<Type>> = sigs.iter().filter(|s| s.len() == args.len()).collect();
        match same_arity.as_slice() {
            [] => {
                let n = args.len();
                let plural = if n == 1 { "" } else { "s" };
                self.error(
                    span,
                    format!("{what} does not take {n} argument{plural}"),
                    "wrong number of arguments",
                );
            }
            [one] => {
                for (a, p) in args.iter().zip(one.iter()) {
                    if self.implicit(&a.ty, p).is_none() {
                        self.conversion_error(a, p);
                    }
                }
            }
            _ => {
                let types: Vec<String> = args
                    .iter()
                    .map(|a| format!("`{}`", self.ty(&a.ty)))
                    .collect();
                let msg = format!(
                    "no overload of {what} matches the argument types ({})",
                    types.join(", ")
                );
                self.error(span, msg, "no matching overload");
            }
        }
    }

    /// C# overload resolution among signatures: applicable ones, then the
    /// one better than all others in every argument's conversion.
    pub(super) fn pick(&self, sigs: &[Vec<Type>], args: &[Expr]) -> Pick {
        let applicable: Vec<usize> = (0..sigs.len())
            .filter(|&i| {
                // A last parameter of a reported type (a `params` array)
                // takes any number of arguments: nothing more is reported.
                let rest = sigs[i].last() == Some(&Type::Error) && args.len() + 1 >= sigs[i].len();
                (sigs[i].len() == args.len() || rest)
                    && args
                        .iter()
                        .zip(&sigs[i])
                        .all(|(a, p)| self.implicit(&a.ty, p).is_some())
            })
            .collect();
        let Some(&first) = applicable.first() else {
            return Pick::NoneApplicable;
        };
        if args.iter().any(|a| a.ty == Type::Error) {
            return Pick::Best(first);
        }
        for &i in &applicable {
            if applicable
                .iter()
                .all(|&j| j == i || self.better(&sigs[i], &sigs[j], args))
            {
                return Pick::Best(i);
            }
        }
        Pick::Ambiguous(applicable[0], applicable[1])
    }

    /// True if signature `a` is better than `b` for these arguments.
    fn better(&self, a: &[Type], b: &[Type], args: &[Expr]) -> bool {
        let mut strictly = false;
        for ((pa, pb), arg) in a.iter().zip(b).zip(args) {
            match self.better_conversion(&arg.ty, pa, pb) {
                std::cmp::Ordering::Less => strictly = true,
                std::cmp::Ordering::Greater => return false,
                std::cmp::Ordering::Equal => {}
            }
        }
        strictly
    }

    /// `Less` if converting `arg` to `p1` is better than to `p2`.
    fn better_conversion(&self, arg: &Type, p1: &Type, p2: &Type) -> std::cmp::Ordering {
        use std::cmp::Ordering::*;
        if p1 == p2 {
            return Equal;
        }
        if arg == p1 {
            return Less;
        }
        if arg == p2 {
            return Greater;
        }
        match (
            self.implicit(p1, p2).is_some(),
            self.implicit(p2, p1).is_some(),
        ) {
            (true, false) => Less,
            (false, true) => Greater,
            _ => Equal,
        }
    }

    /// `new C(args)`.
    pub(super) fn new_object(
        &mut self,
        cx: &mut FnCx,
        class: &ast::TypeExpr,
        args: &[ast::Expr],
        span: Span,
    ) -> Expr {
        let args = self.call_args(cx, args);
        if self.by_ref_args_refused(&args) {
            self.arg_names = None;
            return error_expr(span);
        }
        let class = match &class.kind {
            ast::TypeExprKind::Named(name) => name,
            // `new string(chars)`: C#'s String constructors, lib/System.fs's
            // String.Ctor overloads (a string is never made by a `new` of
            // its own: its length decides its size).
            ast::TypeExprKind::String => {
                let ctor = ast::Ident {
                    name: "Ctor".into(),
                    span: class.span,
                };
                return self.call_member(cx, Target::Prim(Type::String), &ctor, args, span);
            }
            // Reported already (an unknown generic, a constraint not met).
            ast::TypeExprKind::Error | ast::TypeExprKind::Generic(_) => return error_expr(span),
            _ => {
                let msg = format!(
                    "`new {}()` is not supported by Flux#",
                    ast::dump::type_name(class)
                );
                self.error(class.span, msg, "not a class");
                return error_expr(span);
            }
        };
        let Some(&c) = self.class_ids.get(&class.name) else {
            let msg = format!("cannot find type `{}` in this scope", class.name);
            self.error(class.span, msg, "not found");
            return error_expr(span);
        };
        if self.classes[c.0 as usize].is_static {
            let msg = format!(
                "cannot create an instance of the static class `{}`",
                class.name
            );
            self.error(span, msg, "static class");
            return error_expr(span);
        }
        if self.class(c).is_abstract {
            let (kind, label) = match self.class(c).is_interface {
                true => ("abstract type or interface", "an interface"),
                false => ("abstract type", "abstract class"),
            };
            let msg = format!("cannot create an instance of the {kind} `{}`", class.name);
            self.error(span, msg, label);
            return error_expr(span);
        }
        let resolved = self.resolve_ctor(cx, c, args, class.span, false);
        self.arg_names = None; // not taken when the class was not found
        let Some((ctor, args)) = resolved else {
            return error_expr(span);
        };
        mk(
            ExprKind::New {
                class: c,
                ctor,
                args,
            },
            Type::Class(c),
            span,
        )
    }

    /// Picks a constructor of `class` for `args` and converts them.
    /// `chained` for `: base(…)` (protected constructors allowed).
    pub(super) fn resolve_ctor(
        &mut self,
        cx: &FnCx,
        class: ClassId,
        args: Vec<Expr>,
        span: Span,
        chained: bool,
    ) -> Option<(CtorId, Vec<Expr>)> {
        let ctors = self.class(class).ctors.clone();
        let name = self.class_name(class).to_string();
        let mut args = args;
        if let Some(names) = self.arg_names.take() {
            let candidates: Vec<(usize, &[ast::Param], Vec<Type>)> = ctors
                .iter()
                .enumerate()
                .map(|(i, &c)| {
                    let params = self.ctors[c.0 as usize]
                        .decl
                        .map_or(&[][..], |d| &d.params[..]);
                    (i, params, self.ctor(c).param_types.clone())
                })
                .collect();
            let mut first_misfit = None;
            let mut fits = self.named_fits(&candidates, &args, &names, span, &mut first_misfit);
            self.narrow_named_fits(&mut fits, &candidates);
            let what = format!("the constructor of `{name}`");
            match (fits.len(), first_misfit) {
                (1, _) => {
                    let fit = fits.pop().expect("one");
                    self.take_fit(fit, &mut args, span)?;
                }
                (0, Some(misfit)) => {
                    self.misfit(misfit, &what, span);
                    return None;
                }
                _ => {
                    let msg = format!("no constructor of `{name}` takes these named arguments");
                    self.error(span, msg, "no constructor fits");
                    return None;
                }
            }
        }
        let param_lists: Vec<&[ast::Param]> = ctors
            .iter()
            .map(|c| {
                self.ctors[c.0 as usize]
                    .decl
                    .map_or(&[][..], |d| &d.params[..])
            })
            .collect();
        let full: Vec<Vec<Type>> = ctors
            .iter()
            .map(|&c| self.ctor(c).param_types.clone())
            .collect();
        // A constructor with optional parameters is a candidate for every
        // count of arguments its defaults can make up.
        let sigs: Vec<Vec<Type>> = (0..ctors.len())
            .map(|i| candidate_sig(param_lists[i], &full[i], args.len()))
            .collect();
        let mut pick = self.pick(&sigs, &args);
        if let Pick::NoneApplicable = pick {
            let expanded: Vec<(usize, Vec<Type>)> = (0..ctors.len())
                .filter_map(|i| expanded_form(param_lists[i], &full[i], args.len()).map(|s| (i, s)))
                .collect();
            let forms: Vec<Vec<Type>> = expanded.iter().map(|(_, s)| s.clone()).collect();
            if let Pick::Best(k) = self.pick(&forms, &args) {
                pick = Pick::Best(expanded[k].0);
            }
        }
        let i = match pick {
            Pick::Best(i) => i,
            Pick::Ambiguous(..) => {
                self.error(
                    span,
                    format!("the call to a constructor of `{name}` is ambiguous"),
                    "ambiguous call",
                );
                return None;
            }
            Pick::NoneApplicable => {
                let n = args.len();
                if sigs.iter().all(|s| s.len() != n) {
                    let plural = if n == 1 { "" } else { "s" };
                    let msg = format!(
                        "`{name}` does not contain a constructor that takes {n} argument{plural}"
                    );
                    self.error(span, msg, "wrong number of arguments");
                } else {
                    self.no_applicable(&sigs, &args, &format!("the constructor of `{name}`"), span);
                }
                return None;
            }
        };
        let ctor = ctors[i];
        let access = self.ctors[ctor.0 as usize].access;
        let ok = match access {
            ast::Access::Public => true,
            ast::Access::Private => cx.class == Some(class),
            ast::Access::Protected => cx.class == Some(class) || (chained && cx.class.is_some()),
        };
        if !ok {
            let params: Vec<String> = full[i].iter().map(|t| self.ty(t)).collect();
            let msg = format!(
                "`{name}.{name}({})` is inaccessible due to its protection level",
                params.join(", ")
            );
            self.error(
                span,
                msg,
                format!("{} constructor", super::decls::access_word(access)),
            );
        }
        let args = self.pack_params(param_lists[i], &full[i], args, span);
        let mut args: Vec<Expr> = args
            .into_iter()
            .zip(&full[i])
            .map(|(a, p)| self.coerce(a, p))
            .collect();
        self.push_defaults(param_lists[i], &full[i], &mut args, span);
        Some((ctor, args))
    }
}

/// The parameter types for `n` arguments in the expanded form of a method
/// whose last parameter is `params T[]`: the others, then `n - others` T's.
fn expanded_form(params: &[ast::Param], types: &[Type], n: usize) -> Option<Vec<Type>> {
    let (Some(last), Some(Type::Array(elem))) = (params.last(), types.last()) else {
        return None;
    };
    let fixed = types.len() - 1;
    if !last.is_params || n < fixed {
        return None;
    }
    let mut sig = types[..fixed].to_vec();
    sig.extend(std::iter::repeat_n((**elem).clone(), n - fixed));
    Some(sig)
}

/// The parameter types a call with `n` arguments must match: all of them,
/// or the first `n` when the rest have defaults.
fn candidate_sig(params: &[ast::Param], types: &[Type], n: usize) -> Vec<Type> {
    match params.get(n..) {
        Some(rest) if rest.iter().all(|p| p.default.is_some()) => types[..n].to_vec(),
        _ => types.to_vec(),
    }
}

/// The names of a call's arguments, when any is named (`name: value`).
fn arg_names(args: &[ast::Expr]) -> Option<Vec<Option<ast::Ident>>> {
    let names: Vec<Option<ast::Ident>> = args
        .iter()
        .map(|a| match &a.kind {
            A::NamedArg { name, .. } => Some(name.clone()),
            _ => None,
        })
        .collect();
    names.iter().any(Option::is_some).then_some(names)
}

/// Whether a call passes any argument by reference (`ref x`, `out x`).
fn passes_by_ref(args: &[Expr]) -> bool {
    args.iter()
        .any(|a| matches!(a.kind, ExprKind::AddressOf { .. }))
}
