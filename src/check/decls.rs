//! Declarations: classes, bases, members, layout, vtables, consts, entry point.

use super::{Checker, ClassInfo, ConstState, CtorInfo, FieldInfo, Member, MethodInfo};
use crate::ast::{self, Access, Item, Modifiers, PassMode};
use crate::source::Span;
use crate::typed::{
    self, AsyncKind, Body, ClassId, CtorChain, CtorId, Dispatch, Entry, FieldId, MethodId, Type,
};
use std::collections::{HashMap, HashSet};

/// Which modifiers a kind of declaration accepts.
#[derive(Clone, Copy)]
enum DeclKind {
    Class,
    NestedClass,
    Field,
    Method,
    Ctor,
    Function,
}

impl<'a> Checker<'a> {
    pub(super) fn declare_all(&mut self) {
        self.declare_classes();
        self.declare_enums();
        self.exception = self
            .out
            .classes
            .iter()
            .find(|c| c.is_system && c.name == "Exception")
            .map(|c| c.id);
        self.resolve_bases();
        self.check_interface_cycles();
        for i in 0..self.order.len() {
            let id = self.order[i];
            self.declare_members(id);
            self.build_vtable(id);
        }
        // Classes in a base cycle were left out of `order`; give them members
        // anyway so their bodies check without "cannot find" cascades.
        for i in 0..self.classes.len() {
            if !self.classes[i].resolved {
                let id = ClassId(i as u32);
                self.declare_members(id);
                self.build_vtable(id);
            }
        }
        self.build_itables();
        self.declare_functions();
        self.eval_consts();
        self.find_entry();
    }

    /// Reports modifiers a declaration kind does not accept (CS0106).
    fn check_modifiers(&mut self, m: &Modifiers, kind: DeclKind) {
        use DeclKind::*;
        let list = [
            ("static", m.is_static, !matches!(kind, Ctor)),
            ("virtual", m.is_virtual, matches!(kind, Method)),
            ("override", m.is_override, matches!(kind, Method)),
            (
                "abstract",
                m.is_abstract,
                matches!(kind, Method | Class | NestedClass),
            ),
            ("async", m.is_async, matches!(kind, Method | Function)),
            ("const", m.is_const, matches!(kind, Field)),
            (
                "sealed",
                m.is_sealed,
                matches!(kind, Method | Class | NestedClass),
            ),
            ("readonly", m.is_readonly, matches!(kind, Field)),
            ("extern", m.is_extern, matches!(kind, Method)),
        ];
        for (name, span, ok) in list {
            if let (Some(span), false) = (span, ok) {
                self.error(
                    span,
                    format!("the modifier `{name}` is not valid for this item"),
                    "not allowed here",
                );
            }
        }
        // A nested class may be private or protected (its `outer` is set and
        // it comes here as a `NestedClass`).
        if let (Class, Some((a @ (Access::Private | Access::Protected), span))) = (kind, m.access) {
            let word = if a == Access::Private {
                "private"
            } else {
                "protected"
            };
            let msg = format!("a top-level class cannot be declared `{word}`");
            self.error(span, msg, "only public or internal");
        }
    }

    fn declare_classes(&mut self) {
        for item in &self.ast.items {
            let Item::Class(decl) = item else { continue };
            let kind = match decl.outer {
                Some(_) => DeclKind::NestedClass,
                None => DeclKind::Class,
            };
            self.check_modifiers(&decl.modifiers, kind);
            let id = ClassId(self.classes.len() as u32);
            let is_system = self.ast.is_system(decl.span.file);
            if let (true, Some(&user)) = (is_system, self.class_ids.get(&decl.name.name)) {
                // The program's own classes come first: point at the program's.
                let msg = format!(
                    "the type `{}` is already defined in namespace System (flux-viz's lib/System.fs)",
                    decl.name.name
                );
                let span = self.out.classes[user.0 as usize].span;
                self.error(span, msg, "choose another name");
            } else if self.class_ids.contains_key(&decl.name.name)
                || is_builtin_type_name(&decl.name.name)
            {
                let msg = format!("the type `{}` is already defined", decl.name.name);
                self.error(decl.name.span, msg, "defined again here");
            } else {
                self.class_ids.insert(decl.name.name.clone(), id);
            }
            let is_static = decl.modifiers.is_static.is_some();
            self.classes.push(ClassInfo {
                decl,
                members: HashMap::new(),
                is_sealed: decl.modifiers.is_sealed.is_some(),
                is_static,
                resolved: false,
            });
            self.out.classes.push(typed::Class {
                id,
                name: decl.name.name.clone(),
                namespace: decl.namespace.clone(),
                outer: decl.outer.clone(),
                is_interface: decl.is_interface,
                interfaces: Vec::new(),
                itables: Vec::new(),
                to_string_slot: None,
                span: decl.name.span,
                parent: None,
                is_abstract: decl.modifiers.is_abstract.is_some() || is_static || decl.is_interface,
                is_system,
                generic_runtime_name: decl.runtime_name.clone(),
                instance_fields: Vec::new(),
                static_fields: Vec::new(),
                vtable: Vec::new(),
                methods: Vec::new(),
                ctors: Vec::new(),
                field_inits: Vec::new(),
            });
        }
    }

    /// Resolves each `class B : A`, reports cycles (cutting them) and orders
    /// the classes parents first.
    fn resolve_bases(&mut self) {
        for i in 0..self.classes.len() {
            let decl = self.classes[i].decl;
            self.resolve_interfaces(i);
            let Some(base) = &decl.base else { continue };
            if self.names_interface(base) || decl.is_interface {
                continue;
            }
            let Some(&parent) = self.class_ids.get(&base.name) else {
                let msg = format!("cannot find type `{}` in this scope", base.name);
                self.error(base.span, msg, "not found");
                continue;
            };
            let info = &self.classes[parent.0 as usize];
            if info.is_sealed || info.is_static {
                let kind = if info.is_static { "static" } else { "sealed" };
                let msg = format!(
                    "`{}` cannot derive from {kind} type `{}`",
                    decl.name.name, base.name
                );
                self.error(base.span, msg, format!("`{}` is {kind}", base.name));
            }
            self.out.classes[i].parent = Some(parent);
        }
        // Walk each chain up; states: 0 new, 1 on the current path, 2 done.
        let mut state = vec![0u8; self.classes.len()];
        for start in 0..self.classes.len() {
            let mut path: Vec<usize> = Vec::new();
            let mut cur = Some(start);
            while let Some(c) = cur {
                match state[c] {
                    2 => break,
                    1 => {
                        // Cut the edge that closes the cycle, so the last class
                        // on the path becomes a root and the order stays valid.
                        let last: usize = *path.last().expect("a cycle has a path");
                        let decl = self.classes[last].decl;
                        let msg = format!(
                            "circular base type dependency involving `{}`",
                            decl.name.name
                        );
                        let span = decl.base.as_ref().map_or(decl.name.span, |b| b.span);
                        self.error(span, msg, "this base leads back to the class");
                        self.out.classes[last].parent = None;
                        break;
                    }
                    _ => {
                        state[c] = 1;
                        path.push(c);
                        cur = self.out.classes[c].parent.map(|p| p.0 as usize);
                    }
                }
            }
            for &c in path.iter().rev() {
                state[c] = 2;
                self.classes[c].resolved = true;
                self.order.push(ClassId(c as u32));
            }
        }
    }

    fn names_interface(&self, name: &ast::Ident) -> bool {
        self.class_ids
            .get(&name.name)
            .is_some_and(|c| self.class(*c).is_interface)
    }

    /// The interfaces after `:` (the first type too, when it is one).
    fn resolve_interfaces(&mut self, i: usize) {
        let decl = self.classes[i].decl;
        let first: Vec<&ast::Ident> = decl
            .base
            .iter()
            .filter(|b| self.names_interface(b) || decl.is_interface)
            .collect();
        let mut found = Vec::new();
        for name in first.into_iter().chain(&decl.interfaces) {
            match self.class_ids.get(&name.name) {
                Some(&id) if self.class(id).is_interface => {
                    if found.contains(&id) {
                        let msg =
                            format!("`{}` is already listed in the interface list", name.name);
                        self.error(name.span, msg, "listed twice");
                    }
                    found.push(id);
                }
                Some(_) => {
                    let msg = format!("type `{}` in interface list is not an interface", name.name);
                    self.error(name.span, msg, "a class");
                }
                None => {
                    let msg = format!("cannot find type `{}` in this scope", name.name);
                    self.error(name.span, msg, "not found");
                }
            }
        }
        self.out.classes[i].interfaces = found;
    }

    fn declare_members(&mut self, id: ClassId) {
        let info = &self.classes[id.0 as usize];
        if !info.members.is_empty() || !self.class(id).ctors.is_empty() {
            return;
        }
        let decl = info.decl;
        let inherited = self
            .class(id)
            .parent
            .map_or_else(Vec::new, |p| self.class(p).instance_fields.clone());
        self.out.classes[id.0 as usize].instance_fields = inherited;
        for member in &decl.members {
            match member {
                ast::Member::Field(f) => self.declare_field(id, f),
                ast::Member::Method(m) => {
                    self.check_modifiers(&m.modifiers, DeclKind::Method);
                    self.declare_method(Some(id), m);
                }
                ast::Member::Ctor(c) => self.declare_ctor(id, Some(c)),
                ast::Member::Property(p) => {
                    let index = self.props.len();
                    self.props.push(super::PropInfo { decl: p, class: id });
                    self.add_member_name(id, &p.name, Member::Property(index));
                }
            }
        }
        if decl.is_interface {
            self.interface_members(decl);
        } else if self.class(id).ctors.is_empty() {
            self.declare_ctor(id, None);
        }
    }

    /// Adds a member name to a class, reporting a clash with another member.
    fn add_member_name(&mut self, class: ClassId, name: &ast::Ident, member: Member) -> bool {
        let info = &mut self.classes[class.0 as usize];
        if name.name == info.decl.name.name {
            let msg = format!(
                "`{}`: member names cannot be the same as their enclosing type",
                name.name
            );
            self.error(name.span, msg, "same name as the class");
            return false;
        }
        let info = &mut self.classes[class.0 as usize];
        match (info.members.get_mut(&name.name), member) {
            (None, member) => {
                info.members.insert(name.name.clone(), member);
                true
            }
            (Some(Member::Methods(list)), Member::Methods(new)) => {
                list.extend(new);
                true
            }
            _ => {
                let msg = format!(
                    "the type `{}` already contains a definition for `{}`",
                    self.class_name(class),
                    name.name
                );
                self.error(name.span, msg, "defined again here");
                false
            }
        }
    }

    fn declare_field(&mut self, class: ClassId, f: &'a ast::FieldDecl) {
        self.check_modifiers(&f.modifiers, DeclKind::Field);
        let m = &f.modifiers;
        let is_const = m.is_const.is_some();
        if let (Some(span), true) = (m.is_static, is_const) {
            self.error(
                span,
                "a constant cannot be marked `static` (it already is)",
                "remove `static`",
            );
        }
        let is_static = m.is_static.is_some() || is_const;
        if !is_static && self.classes[class.0 as usize].is_static {
            self.error(
                f.span,
                "cannot declare instance members in a static class",
                "not static",
            );
        }
        let ty = self.resolve_value_type(&f.ty);
        let access = m.access.map_or(Access::Private, |(a, _)| a);
        for var in &f.vars {
            let id = FieldId(self.out.fields.len() as u32);
            let index = if is_static {
                0
            } else {
                self.class(class).instance_fields.len()
            };
            self.out.fields.push(typed::Field {
                id,
                class,
                name: var.name.name.clone(),
                ty: ty.clone(),
                is_static,
                constant: None,
                index,
                span: var.name.span,
            });
            self.fields.push(FieldInfo {
                var,
                access,
                is_readonly: m.is_readonly.is_some(),
            });
            if !self.add_member_name(class, &var.name, Member::Field(id)) {
                continue;
            }
            let c = &mut self.out.classes[class.0 as usize];
            if is_const {
                self.consts.insert(id, ConstState::Pending);
                if var.init.is_none() {
                    self.error(
                        var.name.span,
                        "a `const` field requires a value to be provided",
                        "no value",
                    );
                }
            } else if is_static {
                c.static_fields.push(id);
            } else {
                c.instance_fields.push(id);
            }
        }
    }

    /// Parameter types, reporting duplicate names (CS0100).
    fn param_types(&mut self, params: &[ast::Param]) -> Vec<Type> {
        let mut seen = HashSet::new();
        let mut types = Vec::new();
        for p in params {
            if !seen.insert(p.name.name.as_str()) {
                let msg = format!("the parameter name `{}` is a duplicate", p.name.name);
                self.error(p.name.span, msg, "declared twice");
            }
            types.push(self.resolve_value_type(&p.ty));
        }
        types
    }

    /// C#'s rules for optional parameters: a constant of the parameter's
    /// type (CS1736, CS1750), and only required ones before (CS1737).
    fn check_defaults(&mut self, params: &[ast::Param], types: &[Type]) {
        let mut optional_seen = false;
        for (i, (param, ty)) in params.iter().zip(types).enumerate() {
            if param.is_params {
                self.check_params_array(param, ty, i + 1 == params.len());
                continue;
            }
            let Some(default) = &param.default else {
                if optional_seen {
                    self.error(
                        param.span,
                        "optional parameters must appear after all required parameters",
                        "required after an optional one",
                    );
                }
                continue;
            };
            optional_seen = true;
            match default_value(default) {
                None => {
                    let msg = format!(
                        "default parameter value for `{}` must be a compile-time constant",
                        param.name.name
                    );
                    self.error(default.span, msg, "not a constant");
                }
                Some((_, from)) if self.implicit(&from, ty).is_none() => {
                    let msg = format!(
                        "a value of type `{}` cannot be used as a default parameter because there are no standard conversions to type `{}`",
                        self.ty(&from),
                        self.ty(ty)
                    );
                    self.error(default.span, msg, "wrong type");
                }
                Some(_) => {}
            }
        }
    }

    /// C#'s rules for `params T[] xs`: the last parameter (CS0231), an
    /// array (CS0225), without a default (CS1751).
    fn check_params_array(&mut self, param: &ast::Param, ty: &Type, last: bool) {
        if !last {
            self.error(
                param.span,
                "a params parameter must be the last parameter in a parameter list",
                "not the last",
            );
        } else if !matches!(ty, Type::Array(_) | Type::Error) {
            self.error(
                param.ty.span,
                "the params parameter must have a single-dimensional array type",
                "not an array",
            );
        } else if let Some(default) = &param.default {
            self.error(
                default.span,
                "cannot specify a default value for a parameter array",
                "a default",
            );
        }
    }

    /// Declares a method (`class: Some`) or a top-level function (`None`).
    fn declare_method(&mut self, class: Option<ClassId>, m: &'a ast::MethodDecl) -> MethodId {
        let id = MethodId(self.out.methods.len() as u32);
        let mods = &m.modifiers;
        let ret = self.resolve_type(&m.ret);
        let async_kind = self.async_kind(m, &ret);
        let param_types = self.param_types(&m.params);
        self.check_defaults(&m.params, &param_types);
        let is_static = class.is_none() || mods.is_static.is_some();
        let is_abstract = mods.is_abstract.is_some();
        self.out.methods.push(typed::Method {
            id,
            class,
            name: m.name.name.clone(),
            span: m.name.span,
            dispatch: if is_static {
                Dispatch::Static
            } else {
                Dispatch::Direct
            },
            is_abstract,
            async_kind,
            ret,
            param_types,
            param_modes: m.params.iter().map(|p| p.mode).collect(),
            body: None,
            runtime: None,
            is_extension: false,
        });
        let default_access = if class.is_some() {
            Access::Private
        } else {
            Access::Public
        };
        let access = mods.access.map_or(default_access, |(a, _)| a);
        self.methods.push(MethodInfo {
            decl: m,
            access,
            is_static,
            is_override: mods.is_override.is_some(),
        });
        self.check_method_shape(id);
        self.check_by_ref_params(id);
        self.declare_extern(id);
        self.declare_extension(id);
        if let Some(class) = class {
            if self.add_member_name(class, &m.name, Member::Methods(vec![id])) {
                self.check_unique_signature(class, id);
            }
            self.out.classes[class.0 as usize].methods.push(id);
        }
        id
    }

    fn async_kind(&mut self, m: &ast::MethodDecl, ret: &Type) -> AsyncKind {
        if m.modifiers.is_async.is_none() {
            return AsyncKind::NotAsync;
        }
        match ret {
            Type::Void => AsyncKind::Void,
            Type::Task => AsyncKind::Task,
            Type::TaskOf(t) => AsyncKind::TaskOf((**t).clone()),
            Type::Error => AsyncKind::Task,
            other => {
                let msg = "the return type of an async method must be `void`, `Task` or `Task<T>`";
                self.error(m.ret.span, msg, "not a task type");
                // Check the body as if it returned Task<T>: no second error.
                AsyncKind::TaskOf(other.clone())
            }
        }
    }

    /// The C# rules on modifier combinations of one method.
    fn check_method_shape(&mut self, id: MethodId) {
        let info = &self.methods[id.0 as usize];
        let (m, access, is_static) = (info.decl, info.access, info.is_static);
        let mods = &m.modifiers;
        let sig = self.method_sig(id);
        let class = self.method(id).class;
        let virtualish = [mods.is_virtual, mods.is_override, mods.is_abstract];
        if let (true, Some(span)) = (is_static, virtualish.iter().flatten().next()) {
            let msg = format!(
                "a static member `{sig}` cannot be marked `virtual`, `override` or `abstract`"
            );
            self.error(*span, msg, "static");
        }
        if let (Some(_), Some(span)) = (mods.is_override, mods.is_virtual) {
            self.error(
                span,
                format!("`{sig}`: a member marked `override` cannot be marked `virtual`"),
                "remove",
            );
        }
        if let (Some(_), Some(span)) = (mods.is_abstract, mods.is_virtual) {
            self.error(
                span,
                format!("`{sig}`: an `abstract` member cannot be marked `virtual`"),
                "remove",
            );
        }
        if let (Some(span), None) = (mods.is_sealed, mods.is_override) {
            self.error(
                span,
                format!("`{sig}` cannot be sealed because it is not an override"),
                "not an override",
            );
        }
        if access == Access::Private && virtualish.iter().any(Option::is_some) {
            let msg = format!("`{sig}`: virtual or abstract members cannot be private");
            self.error(m.name.span, msg, "private");
        }
        match (mods.is_abstract, &m.body) {
            (Some(_), Some(body)) => {
                let msg = format!("`{sig}` cannot declare a body because it is marked abstract");
                self.error(body.span, msg, "remove the body");
            }
            (Some(span), None) if mods.is_async.is_some() => {
                self.error(
                    span,
                    "the `async` modifier can only be used in methods that have a body",
                    "abstract",
                );
            }
            (None, None) if mods.is_extern.is_none() => {
                let msg = format!("`{sig}` must declare a body because it is not marked abstract");
                self.error(m.name.span, msg, "no body");
            }
            _ => {}
        }
        if let (Some(span), Some(class)) = (mods.is_abstract, class) {
            if !self.class(class).is_abstract {
                let msg = format!(
                    "`{sig}` is abstract but it is contained in non-abstract type `{}`",
                    self.class_name(class)
                );
                self.error(span, msg, "class is not abstract");
            }
        }
        if let Some(class) = class {
            if !is_static && self.classes[class.0 as usize].is_static {
                self.error(
                    m.name.span,
                    "cannot declare instance members in a static class",
                    "not static",
                );
            }
        }
    }

    /// `ref` and `out` parameters: not in an async method (CS1988), whose
    /// frame outlives the caller's variables, nor with `params` or `this`.
    fn check_by_ref_params(&mut self, id: MethodId) {
        let decl = self.methods[id.0 as usize].decl;
        let is_async = decl.modifiers.is_async.is_some();
        for p in decl.params.iter().filter(|p| p.mode != PassMode::Value) {
            let word = p.mode.word();
            if is_async {
                let msg = "async methods cannot have ref, in or out parameters";
                self.error(p.span, msg, format!("a `{word}` parameter"));
            } else if p.is_params || p.is_this {
                let msg = format!("a `{word}` parameter cannot also be `params` or `this`");
                self.error(p.span, msg, "one modifier only");
            } else if p.default.is_some() {
                let msg = format!("a `{word}` parameter cannot have a default value");
                self.error(p.span, msg, "a default");
            }
        }
    }

    /// `static extern` in the system library: a method the runtime
    /// implements (`codegen::runtime::EXTERN_METHODS`). A program's own
    /// `extern` would need a native library Flux# cannot link.
    fn declare_extern(&mut self, id: MethodId) {
        let decl = self.methods[id.0 as usize].decl;
        let Some(span) = decl.modifiers.is_extern else {
            return;
        };
        if !self.ast.is_system(span.file) {
            self.error(
                span,
                "`extern` methods are not supported by Flux#",
                "not supported",
            );
            return;
        }
        let class = self.method(id).class.map_or("", |c| self.class_name(c));
        let routine = crate::codegen::runtime::extern_routine(class, &decl.name.name);
        match (routine, &decl.body, self.methods[id.0 as usize].is_static) {
            (Some(routine), None, true) => self.out.methods[id.0 as usize].runtime = Some(routine),
            _ => self.error(
                decl.name.span,
                "an `extern` method must be static, have no body and be listed in EXTERN_METHODS",
                "no runtime routine",
            ),
        }
    }

    /// `this T x` on a method's first parameter: an extension method, which
    /// C# allows only as a static method of a static, non-generic class
    /// (CS1100, CS1105, CS1106).
    fn declare_extension(&mut self, id: MethodId) {
        let decl = self.methods[id.0 as usize].decl;
        let Some(at) = decl.params.iter().position(|p| p.is_this) else {
            return;
        };
        let span = decl.params[at].span;
        let class = self.method(id).class;
        let in_static_class = class.is_some_and(|c| {
            let info = &self.classes[c.0 as usize];
            info.is_static && info.decl.generic_origin.is_none()
        });
        if at != 0 {
            let msg = format!(
                "method `{}` has a parameter modifier `this` which is not on the first parameter",
                decl.name.name
            );
            self.error(span, msg, "not the first parameter");
        } else if !self.methods[id.0 as usize].is_static {
            // In a static class, "cannot declare instance members" said it.
            if !in_static_class {
                self.error(
                    decl.name.span,
                    "an extension method must be static",
                    "not static",
                );
            }
        } else if !in_static_class {
            self.error(
                decl.name.span,
                "an extension method must be defined in a non-generic static class",
                "not in a static class",
            );
        } else {
            self.out.methods[id.0 as usize].is_extension = true;
            let name = decl.name.name.clone();
            self.extensions.entry(name).or_default().push(id);
        }
    }

    /// CS0111: two overloads with the same parameter types.
    fn check_unique_signature(&mut self, class: ClassId, id: MethodId) {
        let name = &self.method(id).name;
        let Some(Member::Methods(list)) = self.classes[class.0 as usize].members.get(name) else {
            return;
        };
        let types = &self.method(id).param_types;
        if let Some(&other) = list
            .iter()
            .find(|&&other| other != id && self.method(other).param_types == *types)
        {
            // Overloads told apart only by `ref`/`out` would share a label.
            let msg = if self.same_params(other, id) {
                format!(
                    "type `{}` already defines a member called `{}` with the same parameter types",
                    self.class_name(class),
                    name
                )
            } else {
                format!("overloads of `{name}` that differ only in `ref` or `out` are not supported by Flux#")
            };
            let span = self.method(id).span;
            self.error(span, msg, "defined again here");
        }
    }

    fn declare_ctor(&mut self, class: ClassId, decl: Option<&'a ast::CtorDecl>) {
        let id = CtorId(self.out.ctors.len() as u32);
        let class_span = self.class(class).span;
        let (param_types, access, span) = match decl {
            Some(c) => {
                self.check_modifiers(&c.modifiers, DeclKind::Ctor);
                for p in c.params.iter().filter(|p| p.mode != PassMode::Value) {
                    let msg =
                        "`ref` and `out` parameters of constructors are not supported by Flux#";
                    self.error(p.span, msg, "not supported");
                }
                if c.name.name != self.class_name(class) {
                    self.error(
                        c.name.span,
                        "method must have a return type",
                        "constructor of another name",
                    );
                }
                if self.classes[class.0 as usize].is_static {
                    self.error(
                        c.name.span,
                        "static classes cannot have instance constructors",
                        "constructor",
                    );
                }
                let access = c.modifiers.access.map_or(Access::Private, |(a, _)| a);
                let types = self.param_types(&c.params);
                self.check_defaults(&c.params, &types);
                (types, access, c.name.span)
            }
            None => (Vec::new(), Access::Public, class_span),
        };
        let duplicate = self
            .class(class)
            .ctors
            .iter()
            .any(|&o| self.ctor(o).param_types == param_types);
        if duplicate {
            let msg = format!(
                "type `{}` already defines a constructor with the same parameter types",
                self.class_name(class)
            );
            self.error(span, msg, "defined again here");
        }
        self.out.ctors.push(typed::Ctor {
            id,
            class,
            span,
            param_types,
            implicit: decl.is_none(),
            chain: CtorChain::Base {
                ctor: None,
                args: Vec::new(),
            },
            body: Body::default(),
        });
        self.ctors.push(CtorInfo { decl, access });
        self.out.classes[class.0 as usize].ctors.push(id);
    }

    /// Assigns vtable slots (parents are done first) and checks overrides and
    /// abstract members.
    fn build_vtable(&mut self, class: ClassId) {
        if self.class(class).is_interface {
            for (slot, &m) in self.class(class).methods.clone().iter().enumerate() {
                self.out.methods[m.0 as usize].dispatch = Dispatch::Interface { slot };
            }
            return;
        }
        if !self.class(class).vtable.is_empty() {
            return;
        }
        let parent = self.class(class).parent;
        let mut vtable = parent.map_or_else(Vec::new, |p| self.class(p).vtable.clone());
        for i in 0..self.class(class).methods.len() {
            let id = self.class(class).methods[i];
            let info = &self.methods[id.0 as usize];
            if info.is_static {
                continue;
            }
            let (is_override, mods) = (info.is_override, &info.decl.modifiers);
            let introduces = is_override && self.introduces_to_string(class, id);
            let dispatch = if introduces {
                // `object.ToString()`: Flux# classes have no common base, so
                // the first override in a hierarchy opens its vtable slot.
                vtable.push(id);
                Dispatch::Virtual {
                    slot: vtable.len() - 1,
                }
            } else if is_override {
                match self.find_overridden(class, id) {
                    Some(slot) => {
                        vtable[slot] = id;
                        Dispatch::Virtual { slot }
                    }
                    None => Dispatch::Direct,
                }
            } else if mods.is_virtual.is_some() || mods.is_abstract.is_some() {
                vtable.push(id);
                Dispatch::Virtual {
                    slot: vtable.len() - 1,
                }
            } else {
                Dispatch::Direct
            };
            self.out.methods[id.0 as usize].dispatch = dispatch;
        }
        if !self.class(class).is_abstract {
            // Abstract methods of this very class were reported as misplaced.
            let missing: Vec<MethodId> = vtable
                .iter()
                .copied()
                .filter(|&m| self.method(m).is_abstract && self.method(m).class != Some(class))
                .collect();
            for m in missing {
                let msg = format!(
                    "`{}` does not implement inherited abstract member `{}`",
                    self.class_name(class),
                    self.method_sig(m)
                );
                let span = self.class(class).span;
                self.error(span, msg, "missing an override");
            }
        }
        let to_string = vtable.iter().position(|&m| {
            let m = self.method(m);
            m.name == "ToString" && m.param_types.is_empty()
        });
        self.out.classes[class.0 as usize].to_string_slot = to_string;
        self.out.classes[class.0 as usize].vtable = vtable;
    }

    /// `public override string ToString()` where no base class has one.
    fn introduces_to_string(&mut self, class: ClassId, id: MethodId) -> bool {
        if !self.opens_to_string(class, id) {
            return false;
        }
        let m = self.method(id).clone();
        let sig = self.method_sig(id);
        if m.ret != Type::String && m.ret != Type::Error {
            let msg = format!("`{sig}`: return type must be `string` to match overridden member `object.ToString()`");
            self.error(m.span, msg, "different return type");
        }
        if self.methods[id.0 as usize].access != Access::Public {
            let msg = format!("`{sig}`: cannot change access modifiers when overriding `public` inherited member `object.ToString()`");
            self.error(m.span, msg, "different access");
        }
        true
    }

    /// Finds the slot an `override` method takes over, or reports why none.
    fn find_overridden(&mut self, class: ClassId, id: MethodId) -> Option<usize> {
        let sig = self.method_sig(id);
        let name = self.method(id).name.clone();
        let span = self.method(id).span;
        let mut cur = self.class(class).parent;
        let mut found = None;
        while let Some(c) = cur {
            if let Some(Member::Methods(list)) = self.classes[c.0 as usize].members.get(&name) {
                found = list.iter().copied().find(|&o| self.same_params(o, id));
                if found.is_some() {
                    break;
                }
            }
            cur = self.class(c).parent;
        }
        let Some(base) = found else {
            self.error(
                span,
                format!("`{sig}`: no suitable method found to override"),
                "nothing to override",
            );
            return None;
        };
        let base_sig = self.method_sig(base);
        let Dispatch::Virtual { slot } = self.method(base).dispatch else {
            let msg = format!(
                "`{sig}`: cannot override inherited member `{base_sig}` because it is not marked virtual, abstract, or override"
            );
            self.error(span, msg, "not virtual in the base class");
            return None;
        };
        if self.methods[base.0 as usize]
            .decl
            .modifiers
            .is_sealed
            .is_some()
        {
            let msg = format!(
                "`{sig}`: cannot override inherited member `{base_sig}` because it is sealed"
            );
            self.error(span, msg, "sealed in the base class");
        }
        let (ret, base_ret) = (self.method(id).ret.clone(), self.method(base).ret.clone());
        if ret != base_ret && ret != Type::Error && base_ret != Type::Error {
            let msg = format!(
                "`{sig}`: return type must be `{}` to match overridden member `{base_sig}`",
                self.ty(&base_ret)
            );
            let ret_span = self.methods[id.0 as usize].decl.ret.span;
            self.error(ret_span, msg, "different return type");
        }
        let (access, base_access) = (
            self.methods[id.0 as usize].access,
            self.methods[base.0 as usize].access,
        );
        if access != base_access {
            let msg = format!(
                "`{sig}`: cannot change access modifiers when overriding `{}` inherited member `{base_sig}`",
                access_word(base_access)
            );
            self.error(span, msg, "different access");
        }
        Some(slot)
    }

    fn declare_functions(&mut self) {
        for item in &self.ast.items {
            let Item::Function(m) = item else { continue };
            self.check_modifiers(&m.modifiers, DeclKind::Function);
            let id = self.declare_method(None, m);
            let list = self.functions.entry(m.name.name.clone()).or_default();
            list.push(id);
            let list = list.clone();
            let types = &self.method(id).param_types;
            if list
                .iter()
                .any(|&o| o != id && self.method(o).param_types == *types)
            {
                let msg = format!(
                    "a function called `{}` with the same parameter types is already defined",
                    m.name.name
                );
                self.error(m.name.span, msg, "defined again here");
            }
        }
    }

    fn eval_consts(&mut self) {
        let mut ids: Vec<FieldId> = self.consts.keys().copied().collect();
        ids.sort();
        for id in ids {
            self.const_value(id);
        }
    }

    /// Finds the entry point: static `Main` (void or async Task, no params or
    /// `string[]`), else FluxSharp's `class Main { void main() }`.
    fn find_entry(&mut self) {
        let mut found = Vec::new();
        for m in &self.out.methods {
            let is_static = m.dispatch == Dispatch::Static;
            let shape_ok = matches!(
                (&m.async_kind, &m.ret),
                (AsyncKind::NotAsync, Type::Void) | (AsyncKind::Task, Type::Task)
            );
            let takes_args = m.param_types == [Type::Array(Box::new(Type::String))];
            if m.name == "Main" && is_static && shape_ok && (m.param_types.is_empty() || takes_args)
            {
                found.push((m.id, takes_args));
            }
        }
        match found.as_slice() {
            [(method, takes_args)] => {
                self.out.entry = Some(Entry::Static {
                    method: *method,
                    takes_args: *takes_args,
                });
            }
            [] => match self.main_class_entry() {
                Some(entry) => self.out.entry = Some(entry),
                None => {
                    let span = self.ast.items.first().map_or(Span::default(), item_span);
                    let msg = "program does not contain a static `Main` method suitable for an entry point";
                    self.error(
                        span,
                        msg,
                        "no `static void Main()` or `static async Task Main()`",
                    );
                }
            },
            many => {
                for &(m, _) in many {
                    let span = self.method(m).span;
                    self.error(
                        span,
                        "program has more than one entry point defined",
                        "one of several `Main`s",
                    );
                }
            }
        }
    }

    fn main_class_entry(&self) -> Option<Entry> {
        let &class = self.class_ids.get("Main")?;
        let Some(Member::Methods(list)) = self.classes[class.0 as usize].members.get("main") else {
            return None;
        };
        let method = list.iter().copied().find(|&m| {
            let m = self.method(m);
            m.param_types.is_empty() && m.dispatch != Dispatch::Static && m.ret == Type::Void
        })?;
        let ctor = self
            .class(class)
            .ctors
            .iter()
            .copied()
            .find(|&c| self.ctor(c).param_types.is_empty())?;
        Some(Entry::MainClass {
            class,
            ctor,
            method,
        })
    }
}

fn item_span(item: &Item) -> Span {
    match item {
        Item::Class(c) => c.name.span,
        Item::Function(f) => f.name.span,
        Item::Enum(e) => e.name.span,
    }
}

/// Names C# reserves for the types Flux# knows built in.
pub(super) fn is_builtin_type_name(name: &str) -> bool {
    matches!(name, "Console" | "Task")
}

pub(super) fn access_word(a: Access) -> &'static str {
    match a {
        Access::Public => "public",
        Access::Private => "private",
        Access::Protected => "protected",
    }
}

/// An optional parameter's default as a constant: a literal, or a negated
/// number (what teachers write; C# also allows other constant expressions).
pub(super) fn default_value(e: &ast::Expr) -> Option<(typed::Const, Type)> {
    use typed::Const;
    let int = |v: i64| match i32::try_from(v) {
        Ok(v) => (Const::Int(v), Type::Int),
        Err(_) => (Const::Long(v), Type::Long),
    };
    Some(match &e.kind {
        ast::ExprKind::Int { value, long_suffix } => {
            let v = i64::try_from(*value).ok()?;
            if *long_suffix {
                (Const::Long(v), Type::Long)
            } else {
                int(v)
            }
        }
        ast::ExprKind::Unary {
            op: ast::UnaryOp::Neg,
            operand,
        } => match &operand.kind {
            ast::ExprKind::Int { value, long_suffix } => {
                let v = -i64::try_from(*value).ok()?;
                if *long_suffix {
                    (Const::Long(v), Type::Long)
                } else {
                    int(v)
                }
            }
            ast::ExprKind::Double(v) => (Const::double(-v), Type::Double),
            _ => return None,
        },
        ast::ExprKind::Double(v) => (Const::double(*v), Type::Double),
        ast::ExprKind::Bool(b) => (Const::Bool(*b), Type::Bool),
        ast::ExprKind::Char(c) => (Const::Char(*c), Type::Char),
        ast::ExprKind::Str(s) => (Const::Str(s.clone()), Type::String),
        ast::ExprKind::Null => (Const::Null, Type::Null),
        _ => return None,
    })
}
