//! Calls of generic methods: the type arguments inferred from the arguments.
//!
//! In: a call's method name, the class it is looked up in (none for a
//! top-level function) and the typed arguments. Out: the name of the
//! instance the call is to (`Max<int>`), when `generic` has made it; else a
//! [`MethodRequest`] for it (the pipeline makes the instance and checks
//! again), or C#'s CS0411 when nothing can be inferred. Inference is C#'s
//! for the forms Flux# has: a parameter `T`, `T[]`, `Task<T>` or `List<T>`
//! against the argument's type; two candidates for one `T` give the one the
//! other converts to (`Max(1, 2L)` is `Max<long>`); `null` says nothing.

use super::Checker;
use crate::ast::{self, TypeExpr, TypeExprKind};
use crate::generic::{instance_name, MethodRequest};
use crate::source::Span;
use crate::typed::{ClassId, Expr, Type};

/// What a call of a name is, as far as generic methods go.
pub(super) enum GenericCall {
    /// No generic method of this name here: an ordinary call.
    NotGeneric,
    /// The instance to call, which exists.
    Instance(ast::Ident),
    /// Asked for (it is made before the next round), or reported.
    Unavailable,
}

impl Checker<'_> {
    /// Whether `owner` (or the top level) has a generic method `name`.
    pub(super) fn has_generic_method(&self, owner: Option<ClassId>, name: &str) -> bool {
        let owner_name = owner.map(|c| self.class_name(c));
        self.ast
            .generic_methods
            .iter()
            .any(|g| g.owner.as_deref() == owner_name && g.decl.name.name == name)
    }

    /// The generic method instance `name(args)` calls in `owner`.
    pub(super) fn generic_call(
        &mut self,
        owner: Option<ClassId>,
        name: &ast::Ident,
        args: &[Expr],
        span: Span,
    ) -> GenericCall {
        let owner_name = owner.map(|c| self.class_name(c).to_string());
        let templates: Vec<usize> = (0..self.ast.generic_methods.len())
            .filter(|&i| {
                let g = &self.ast.generic_methods[i];
                g.owner == owner_name && g.decl.name.name == name.name
            })
            .collect();
        if templates.is_empty() {
            return GenericCall::NotGeneric;
        }
        // Named arguments (`Pick(second: 2, first: 1)`) are put in each
        // template's parameter order to infer its type arguments; the call
        // of the instance then matches them by name as any call does.
        let names = self.arg_names.take();
        // `Pick<int>(…)`: the type arguments are given, not inferred.
        let inferred = match self.explicit_type_args.take() {
            Some(types) => {
                let arity = |&&t: &&usize| {
                    self.ast.generic_methods[t].decl.type_params.len() == types.len()
                };
                match templates.iter().find(arity) {
                    Some(&t) => Some((t, types)),
                    None => {
                        let decl = &self.ast.generic_methods[templates[0]].decl;
                        let n = decl.type_params.len();
                        let msg = format!(
                            "using the generic method `{}` requires {n} type argument{}",
                            signature(decl),
                            if n == 1 { "" } else { "s" }
                        );
                        self.error(name.span, msg, "wrong number of type arguments");
                        return GenericCall::Unavailable;
                    }
                }
            }
            None => templates.iter().find_map(|&t| {
                let ordered = match &names {
                    Some(names) => {
                        std::borrow::Cow::Owned(self.in_parameter_order(t, args, names)?)
                    }
                    None => std::borrow::Cow::Borrowed(args),
                };
                self.infer(t, &ordered).map(|types| (t, types))
            }),
        };
        let Some((template, types)) = inferred else {
            if let Some(names) = &names {
                if let Some(misfit) = self.names_misfit(&templates, args, names) {
                    self.misfit(misfit, &format!("`{}`", name.name), span);
                    return GenericCall::Unavailable;
                }
            }
            let takes_count = |&t: &usize| {
                let params = &self.ast.generic_methods[t].decl.params;
                let required = params
                    .iter()
                    .filter(|p| p.default.is_none() && !p.is_params)
                    .count();
                let open = params.last().is_some_and(|p| p.is_params);
                args.len() >= required && (open || args.len() <= params.len())
            };
            if !templates.iter().any(takes_count) {
                // CS1501: what is wrong is the count, not the inference.
                let msg = format!(
                    "no overload for method `{}` takes {} arguments",
                    name.name,
                    args.len()
                );
                self.error(span, msg, "wrong arguments");
            } else if args.iter().all(|a| a.ty != Type::Error) {
                let decl = &self.ast.generic_methods[templates[0]].decl;
                let msg = format!(
                    "the type arguments for method `{}` cannot be inferred from the usage",
                    signature(decl)
                );
                self.error(
                    name.span,
                    msg,
                    "write the arguments so each type parameter appears",
                );
            }
            return GenericCall::Unavailable;
        };
        let type_args: Vec<TypeExpr> = types.iter().map(|t| self.type_expr(t, name.span)).collect();
        let instance = instance_name(&name.name, &type_args);
        if self.ast.generic_methods[template]
            .refused
            .contains(&instance)
        {
            return GenericCall::Unavailable;
        }
        if self.ast.generic_methods[template].made.contains(&instance) {
            self.arg_names = names;
            return GenericCall::Instance(ast::Ident {
                name: instance,
                span: name.span,
            });
        }
        if self.last_round {
            let msg = format!(
                "generic methods nest too deeply: `{instance}` is one more instance than Flux# makes"
            );
            self.error(name.span, msg, "an instance that asks for ever larger ones");
        } else {
            let request = MethodRequest {
                template,
                args: type_args,
                call: span,
            };
            if !self.requests.contains(&request) {
                self.requests.push(request);
            }
        }
        GenericCall::Unavailable
    }

    /// Why no template takes these named arguments, when none does: the
    /// first name none of them has (CS1739), or a parameter given twice.
    fn names_misfit(
        &self,
        templates: &[usize],
        args: &[Expr],
        names: &[Option<ast::Ident>],
    ) -> Option<super::named::Misfit> {
        if templates
            .iter()
            .any(|&t| self.in_parameter_order(t, args, names).is_some())
        {
            return None;
        }
        let params = &self.ast.generic_methods[templates[0]].decl.params;
        let named = || names.iter().flatten();
        let unknown = named().find(|n| !params.iter().any(|p| p.name.name == n.name));
        let misfit = match unknown {
            Some(n) => super::named::Misfit::NoSuchName(n.clone()),
            None => super::named::Misfit::Repeated(named().next()?.clone()),
        };
        Some(misfit)
    }

    /// Named arguments in template `t`'s parameter order, up to the first
    /// parameter none of them gives (the later ones have defaults); None
    /// when a name is not one of its parameters or one is given twice.
    fn in_parameter_order(
        &self,
        t: usize,
        args: &[Expr],
        names: &[Option<ast::Ident>],
    ) -> Option<Vec<Expr>> {
        let params = &self.ast.generic_methods[t].decl.params;
        let mut slots: Vec<Option<&Expr>> = vec![None; params.len()];
        for (i, (arg, name)) in args.iter().zip(names).enumerate() {
            let at = match name {
                None => i,
                Some(n) => params.iter().position(|p| p.name.name == n.name)?,
            };
            let slot = slots.get_mut(at)?;
            if slot.replace(arg).is_some() {
                return None;
            }
        }
        Some(slots.into_iter().map_while(|s| s.cloned()).collect())
    }

    /// The type arguments of template `t` for a call with `args`, when each
    /// type parameter is inferred.
    fn infer(&mut self, t: usize, args: &[Expr]) -> Option<Vec<Type>> {
        let g = &self.ast.generic_methods[t];
        let names: Vec<String> = g
            .decl
            .type_params
            .iter()
            .map(|p| p.name.name.clone())
            .collect();
        let mut params: Vec<TypeExpr> = g.decl.params.iter().map(|p| p.ty.clone()).collect();
        let required = g
            .decl
            .params
            .iter()
            .filter(|p| p.default.is_none() && !p.is_params)
            .count();
        let is_params = g.decl.params.last().is_some_and(|p| p.is_params);
        let last_is_array = matches!(
            args.last().map(|a| &a.ty),
            Some(Type::Array(_) | Type::Null)
        );
        if is_params && !(args.len() == params.len() && last_is_array) {
            // The expanded form: each trailing argument is an element.
            let TypeExprKind::Array(elem) = params.pop()?.kind else {
                return None;
            };
            params.extend(std::iter::repeat_n(
                *elem,
                args.len().saturating_sub(params.len()),
            ));
        }
        if args.len() < required || args.len() > params.len() {
            return None;
        }
        let mut bound: Vec<Option<Type>> = vec![None; names.len()];
        for (param, arg) in params.iter().zip(args) {
            if !self.unify(param, &arg.ty, &names, &mut bound) {
                return None;
            }
        }
        bound.into_iter().collect()
    }

    /// Binds the type parameters `names` in `param` from `arg`; false on
    /// two bindings of one parameter that do not convert either way.
    fn unify(
        &mut self,
        param: &TypeExpr,
        arg: &Type,
        names: &[String],
        bound: &mut [Option<Type>],
    ) -> bool {
        match (&param.kind, arg) {
            (_, Type::Error | Type::Null) => true,
            (TypeExprKind::Named(n), _) => {
                let Some(i) = names.iter().position(|p| *p == n.name) else {
                    return true;
                };
                match &bound[i] {
                    None => bound[i] = Some(arg.clone()),
                    Some(b) if b == arg => {}
                    Some(b) => {
                        if self.implicit(b, arg).is_some() {
                            bound[i] = Some(arg.clone());
                        } else if self.implicit(arg, b).is_none() {
                            return false;
                        }
                    }
                }
                true
            }
            (TypeExprKind::Array(p), Type::Array(a))
            | (TypeExprKind::TaskOf(p), Type::TaskOf(a)) => self.unify(p, a, names, bound),
            (TypeExprKind::Generic(g), &Type::Class(c)) => {
                // The class itself or the base it converts to: a List<int>
                // passed as a Sequence<T> makes T int.
                let mut class = Some(c);
                let origin = loop {
                    let Some(k) = class else {
                        return true;
                    };
                    match self.classes[k.0 as usize].decl.generic_origin.as_ref() {
                        Some(o) if o.name.name == g.name.name && o.args.len() == g.args.len() => {
                            break o;
                        }
                        _ => class = self.class(k).parent,
                    }
                };
                let args: Vec<Type> = origin.args.iter().map(|a| self.resolve_type(a)).collect();
                g.args
                    .iter()
                    .zip(&args)
                    .all(|(p, a)| self.unify(p, a, names, bound))
            }
            _ => true,
        }
    }

    /// A type as written, for the instance `generic` makes.
    fn type_expr(&self, t: &Type, span: Span) -> TypeExpr {
        let kind = match t {
            Type::Int => TypeExprKind::Int,
            Type::Long => TypeExprKind::Long,
            Type::Double => TypeExprKind::Double,
            Type::Bool => TypeExprKind::Bool,
            Type::Char => TypeExprKind::Char,
            Type::String => TypeExprKind::String,
            Type::Void => TypeExprKind::Void,
            Type::Task => TypeExprKind::Task,
            Type::TaskOf(inner) => TypeExprKind::TaskOf(Box::new(self.type_expr(inner, span))),
            Type::Array(inner) => TypeExprKind::Array(Box::new(self.type_expr(inner, span))),
            Type::Class(_) | Type::Enum(_) => TypeExprKind::Named(ast::Ident {
                name: self.ty(t),
                span,
            }),
            _ => TypeExprKind::Error,
        };
        TypeExpr { kind, span }
    }
}

/// `Max<T>(T, T)`, as C# names a generic method in CS0411.
fn signature(decl: &ast::MethodDecl) -> String {
    let params: Vec<&str> = decl
        .type_params
        .iter()
        .map(|p| p.name.name.as_str())
        .collect();
    let types: Vec<String> = decl
        .params
        .iter()
        .map(|p| ast::dump::type_name(&p.ty))
        .collect();
    format!(
        "{}<{}>({})",
        decl.name.name,
        params.join(", "),
        types.join(", ")
    )
}
