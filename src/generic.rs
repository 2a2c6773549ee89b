//! Generic classes by monomorphisation: one ordinary class per type arguments.
//!
//! In: the parsed program (its files and the system library), where
//! `class List<T>` is a template and `List<int>` a [`TypeExprKind::Generic`].
//! Out: the same program in which every template used is copied once per
//! distinct type arguments, as a class named as C# writes the type
//! (`List<int>`, `Dictionary<string, int>`) with each type parameter replaced
//! by its argument; every use names its instance, and the templates are
//! gone. The checker and everything after it see ordinary classes, so the
//! x86 pane shows `List~int~.Add` and `List~string~.Add` as two functions,
//! which is what monomorphisation is.
//!
//! The constraints (`where T : class`, `where T : Animal`, `where T : new()`)
//! are checked here, at each use, as C# checks them. A template's body is
//! checked in each instance (with the arguments in place), not once with
//! its parameters abstract as C# does: see docs/flux-sharp.md.

use crate::ast::dotnet_name;
use crate::ast::walk;
use crate::ast::*;
use crate::diag::Diagnostic;
use crate::source::Span;
use std::collections::{HashMap, HashSet, VecDeque};

/// How deep instances may make instances (`A<T>` using `A<A<T>>` never ends).
const MAX_DEPTH: usize = 8;

/// .NET's generic types that Flux# does not have: named so in the error.
const UNSUPPORTED: &[&str] = &[
    "HashSet",
    "LinkedList",
    "SortedDictionary",
    "SortedList",
    "SortedSet",
    "IEnumerable",
    "IEnumerator",
    "ICollection",
    "IList",
    "IDictionary",
    "IEquatable",
    "Func",
    "Action",
    "Predicate",
    "Comparison",
    "Nullable",
    "Tuple",
    "ValueTuple",
    "Lazy",
    "Span",
];

/// Whether `name` is one of .NET's delegate types (`Func`, `Action`,
/// `Predicate`, `Comparison`): Flux# has no delegates or lambdas, and says so.
pub fn is_delegate_type(name: &str) -> bool {
    matches!(name, "Func" | "Action" | "Predicate" | "Comparison")
}

/// Replaces generic classes by their instances (see the module doc) and
/// takes the generic methods out into `program.generic_methods`. The state
/// is kept for [`Generics::add_methods`].
pub fn instantiate(program: &mut Program) -> (Generics, Vec<Diagnostic>) {
    let mut g = Generics::new(program);
    let mut items = std::mem::take(&mut program.items);
    for item in &mut items {
        g.resolve_item(item, &[], 0);
    }
    items.retain(|item| !matches!(item, Item::Function(m) if !m.type_params.is_empty()));
    g.make_pending(&mut items);
    program.items = items;
    program.generic_methods.append(&mut g.methods);
    let diagnostics = std::mem::take(&mut g.diagnostics);
    (g, diagnostics)
}

/// A generic method instance the checker needs: the template (an index
/// into `Program::generic_methods`), the type arguments it inferred, and
/// the call that needs it (where a constraint it breaks is reported).
#[derive(Debug, Clone, PartialEq)]
pub struct MethodRequest {
    pub template: usize,
    pub args: Vec<TypeExpr>,
    pub call: Span,
}

/// How C# writes an instance: `List<int>`, `Max<string>`.
pub fn instance_name(name: &str, args: &[TypeExpr]) -> String {
    let parts: Vec<String> = args.iter().map(dump::type_name).collect();
    format!("{name}<{}>", parts.join(", "))
}

struct Template {
    decl: ClassDecl,
    in_system: bool,
}

/// What the constraints and run-time names need to know of a non-generic class.
struct ClassFacts {
    base: Option<String>,
    interfaces: Vec<String>,
    is_interface: bool,
    is_abstract: bool,
    /// A public constructor without parameters (or no constructor at all).
    default_ctor: bool,
    runtime_name: String,
}

/// An instance to make: the template, its arguments, how deep in the chain.
struct Pending {
    name: String,
    template: String,
    args: Vec<TypeExpr>,
    depth: usize,
}

/// The templates and instances made so far.
pub struct Generics {
    templates: HashMap<String, Template>,
    /// Generic methods found, not yet moved to the program.
    methods: Vec<GenericMethod>,
    /// Method instances made, as (template, instance name).
    method_instances: HashSet<(usize, String)>,
    classes: HashMap<String, ClassFacts>,
    enums: HashSet<String>,
    /// Instance name → its run-time name, for every instance asked for.
    instances: HashMap<String, String>,
    queue: VecDeque<Pending>,
    diagnostics: Vec<Diagnostic>,
}

impl Generics {
    fn new(program: &mut Program) -> Self {
        let mut g = Generics {
            templates: HashMap::new(),
            methods: Vec::new(),
            method_instances: HashSet::new(),
            classes: HashMap::new(),
            enums: HashSet::new(),
            instances: HashMap::new(),
            queue: VecDeque::new(),
            diagnostics: Vec::new(),
        };
        let system = program.system_files.clone();
        let items = std::mem::take(&mut program.items);
        for item in items {
            match item {
                Item::Class(decl) if !decl.type_params.is_empty() => {
                    let in_system = system.contains(&decl.span.file);
                    g.add_template(decl, in_system);
                }
                Item::Class(decl) => {
                    let in_system = system.contains(&decl.span.file);
                    g.classes
                        .insert(decl.name.name.clone(), facts(&decl, in_system));
                    program.items.push(Item::Class(decl));
                }
                Item::Enum(e) => {
                    g.enums.insert(e.name.name.clone());
                    program.items.push(Item::Enum(e));
                }
                item => program.items.push(item),
            }
        }
        g
    }

    /// A program's own template hides the system library's of the same name
    /// (a lesson's own `Stack<T>`), as a type of the program's namespace does.
    fn add_template(&mut self, mut decl: ClassDecl, in_system: bool) {
        let name = decl.name.name.clone();
        if let Some(base) = &decl.base {
            if decl.type_params.iter().any(|p| p.name.name == base.name) {
                let msg = format!(
                    "cannot derive from `{}` because it is a type parameter",
                    base.name
                );
                self.error(base.span, msg, "a type parameter");
                decl.base = None;
            }
        }
        match self.templates.get(&name) {
            Some(old) if old.in_system && !in_system => {}
            Some(old) if !old.in_system && in_system => return,
            Some(_) => {
                let msg = format!("the type `{}` is already defined", template_title(&decl));
                self.error(decl.name.span, msg, "defined again here");
                return;
            }
            None => {}
        }
        self.templates.insert(name, Template { decl, in_system });
    }

    fn error(&mut self, span: Span, message: impl Into<String>, label: impl Into<String>) {
        self.diagnostics
            .push(Diagnostic::error(span, message.into()).with_label(label.into()));
    }

    fn resolve_item(&mut self, item: &mut Item, subst: &[(String, TypeExpr)], depth: usize) {
        match item {
            Item::Class(decl) => self.resolve_class(decl, subst, depth),
            Item::Function(m) if !m.type_params.is_empty() => {
                self.add_generic_method(None, m.clone(), subst)
            }
            Item::Function(m) => walk::method(m, &mut |t| self.resolve(t, subst, depth)),
            Item::Enum(_) => {}
        }
    }

    fn resolve_class(&mut self, decl: &mut ClassDecl, subst: &[(String, TypeExpr)], depth: usize) {
        // Generic methods are templates: their types are resolved in each
        // instance (with their own arguments too), not here.
        let (generic, members): (Vec<Member>, Vec<Member>) = std::mem::take(&mut decl.members)
            .into_iter()
            .partition(|m| matches!(m, Member::Method(m) if !m.type_params.is_empty()));
        decl.members = members;
        for member in generic {
            if let Member::Method(m) = member {
                self.add_generic_method(Some(decl.name.name.clone()), m, subst);
            }
        }
        self.resolve_base(decl, subst, depth);
        walk::class(decl, &mut |t| self.resolve(t, subst, depth));
    }

    /// A generic method template of `owner`; virtual ones are reported
    /// (one instance per call cannot be a vtable slot).
    fn add_generic_method(
        &mut self,
        owner: Option<String>,
        decl: MethodDecl,
        subst: &[(String, TypeExpr)],
    ) {
        let m = &decl.modifiers;
        if let Some(span) = m.is_virtual.or(m.is_abstract).or(m.is_override) {
            self.error(
                span,
                "a virtual generic method is not supported by Flux#",
                "not supported",
            );
            return;
        }
        self.methods.push(GenericMethod {
            owner,
            decl,
            owner_subst: subst.to_vec(),
            refused: Vec::new(),
            made: Vec::new(),
        });
    }

    /// Makes every class instance asked for, and those they ask for.
    fn make_pending(&mut self, items: &mut Vec<Item>) {
        while let Some(pending) = self.queue.pop_front() {
            let class = self.make_instance(pending);
            items.push(Item::Class(class));
        }
    }

    /// Adds the generic method instances the checker asked for to their
    /// classes (or as top-level functions), resolved with the method's
    /// type arguments and its owner's; with the class instances they need.
    pub fn add_methods(
        &mut self,
        program: &mut Program,
        requests: Vec<MethodRequest>,
    ) -> Vec<Diagnostic> {
        for request in requests {
            let template = &program.generic_methods[request.template];
            let name = instance_name(&template.decl.name.name, &request.args);
            if !self
                .method_instances
                .insert((request.template, name.clone()))
            {
                continue;
            }
            let title = format!("method `{}`", method_title(&template.decl));
            let params = template.decl.type_params.clone();
            let mut bounds_subst = template.owner_subst.clone();
            bounds_subst.extend(
                params
                    .iter()
                    .map(|p| p.name.name.clone())
                    .zip(request.args.clone()),
            );
            let mut satisfied = true;
            for (param, arg) in params.iter().zip(&request.args) {
                let mut at = arg.clone();
                at.span = request.call;
                satisfied &= self.check_constraints(param, &at, &title, &bounds_subst);
            }
            if !satisfied {
                // Not made, and not asked for again: the checker skips it.
                program.generic_methods[request.template].refused.push(name);
                continue;
            }
            program.generic_methods[request.template]
                .made
                .push(name.clone());
            let template = &program.generic_methods[request.template];
            let mut subst = template.owner_subst.clone();
            subst.extend(params.iter().map(|p| p.name.name.clone()).zip(request.args));
            let mut decl = template.decl.clone();
            let owner = template.owner.clone();
            decl.type_params.clear();
            decl.name.name = name;
            walk::method(&mut decl, &mut |t| self.resolve(t, &subst, 0));
            match owner {
                None => program.items.push(Item::Function(decl)),
                Some(owner) => {
                    let class = program.items.iter_mut().find_map(|item| match item {
                        Item::Class(c) if c.name.name == owner => Some(c),
                        _ => None,
                    });
                    if let Some(class) = class {
                        class.members.push(Member::Method(decl));
                    }
                }
            }
        }
        let mut items = std::mem::take(&mut program.items);
        self.make_pending(&mut items);
        program.items = items;
        program.generic_methods.append(&mut self.methods);
        std::mem::take(&mut self.diagnostics)
    }

    /// `class IntBox : Box<int>` derives from the instance `Box<int>`;
    /// `class Person : IComparable<Person>` implements the instance
    /// `IComparable<Person>`.
    fn resolve_base(&mut self, decl: &mut ClassDecl, subst: &[(String, TypeExpr)], depth: usize) {
        if let Some(base) = &mut decl.base {
            let args = std::mem::take(&mut decl.base_args);
            if !args.is_empty() && !self.name_instance(base, args, subst, depth) {
                decl.base = None;
            }
        }
        let all_args = std::mem::take(&mut decl.interface_args);
        let interfaces = std::mem::take(&mut decl.interfaces);
        let mut all_args = all_args.into_iter();
        for mut interface in interfaces {
            let args = all_args.next().unwrap_or_default();
            if args.is_empty() || self.name_instance(&mut interface, args, subst, depth) {
                decl.interfaces.push(interface);
            }
        }
    }

    /// Names `name` as its instance for `args` (resolved with `subst`);
    /// false when there is none (reported).
    fn name_instance(
        &mut self,
        name: &mut Ident,
        mut args: Vec<TypeExpr>,
        subst: &[(String, TypeExpr)],
        depth: usize,
    ) -> bool {
        for arg in &mut args {
            self.resolve(arg, subst, depth);
        }
        match self.instance(name, args, depth) {
            Some(instance) => {
                name.name = instance;
                true
            }
            None => false,
        }
    }

    /// Replaces type parameters by their arguments and instances by their names.
    fn resolve(&mut self, t: &mut TypeExpr, subst: &[(String, TypeExpr)], depth: usize) {
        match &mut t.kind {
            TypeExprKind::Named(id) => {
                if let Some((_, arg)) = subst.iter().find(|(p, _)| *p == id.name) {
                    t.kind = arg.kind.clone();
                } else if self.templates.contains_key(&id.name)
                    && !self.classes.contains_key(&id.name)
                {
                    self.arity_error(&id.name, id.span, "type arguments missing".into());
                    t.kind = TypeExprKind::Error;
                }
            }
            TypeExprKind::Array(inner) | TypeExprKind::TaskOf(inner) => {
                self.resolve(inner, subst, depth)
            }
            TypeExprKind::Generic(generic) => {
                let name = generic.name.clone();
                let mut args = std::mem::take(&mut generic.args);
                for arg in &mut args {
                    self.resolve(arg, subst, depth);
                }
                t.kind = if args.iter().any(|a| a.kind == TypeExprKind::Error) {
                    TypeExprKind::Error
                } else {
                    match self.instance(&name, args, depth) {
                        Some(instance) => TypeExprKind::Named(Ident {
                            name: instance,
                            span: name.span,
                        }),
                        None => TypeExprKind::Error,
                    }
                };
            }
            _ => {}
        }
    }

    /// The name of the instance of `template` for `args`, queued to be made
    /// the first time; `None` (reported) when there is no such template.
    fn instance(&mut self, template: &Ident, args: Vec<TypeExpr>, depth: usize) -> Option<String> {
        let Some(t) = self.templates.get(&template.name) else {
            self.no_template(template, args.len());
            return None;
        };
        if t.decl.type_params.len() != args.len() {
            self.arity_error(
                &template.name,
                template.span,
                format!("{} given", args.len()),
            );
            return None;
        }
        let params = t.decl.type_params.clone();
        let title = format!("type `{}`", template_title(&t.decl));
        let mut satisfied = true;
        if t.in_system && template.name == "Dictionary" {
            satisfied = self.check_key_type(&args[0]);
        }
        let bounds_subst: Vec<(String, TypeExpr)> = params
            .iter()
            .map(|p| p.name.name.clone())
            .zip(args.clone())
            .collect();
        for (param, arg) in params.iter().zip(&args) {
            satisfied &= self.check_constraints(param, arg, &title, &bounds_subst);
        }
        if !satisfied {
            // Not made: its body would only report the same mistake again.
            return None;
        }
        let name = instance_name(&template.name, &args);
        if self.instances.contains_key(&name) {
            return Some(name);
        }
        if depth >= MAX_DEPTH {
            let msg = format!(
                "generic types nest too deeply: `{name}` makes an instance of an instance {MAX_DEPTH} times"
            );
            self.error(
                template.span,
                msg,
                "an instance that makes ever larger ones",
            );
            return None;
        }
        let runtime = self.instance_runtime_name(&template.name, &args);
        self.instances.insert(name.clone(), runtime);
        // What constraints ask of it, known as soon as it is named (it is
        // made later, from the queue): `Pair<int> : IComparable<Pair<int>>`.
        let t = &self.templates[&template.name];
        let mut named = t.decl.clone();
        for arg in named
            .base_args
            .iter_mut()
            .chain(named.interface_args.iter_mut().flatten())
        {
            *arg = substituted(arg, &bounds_subst);
        }
        let instance_facts = facts(&named, t.in_system);
        self.classes.insert(name.clone(), instance_facts);
        self.queue.push_back(Pending {
            name: name.clone(),
            template: template.name.clone(),
            args,
            depth: depth + 1,
        });
        Some(name)
    }

    /// CS0305: template `name` used with another number of type arguments.
    fn arity_error(&mut self, name: &str, span: Span, label: String) {
        let decl = &self.templates[name].decl;
        let arity = decl.type_params.len();
        let msg = format!(
            "using the generic type `{}` requires {arity} type argument{}",
            template_title(decl),
            plural(arity)
        );
        self.error(span, msg, label);
    }

    fn no_template(&mut self, name: &Ident, arity: usize) {
        let (msg, label) = if self.classes.contains_key(&name.name) {
            (
                format!(
                    "the non-generic type `{}` cannot be used with type arguments",
                    name.name
                ),
                "not generic",
            )
        } else if UNSUPPORTED.contains(&name.name.as_str()) {
            let params = vec!["…"; arity].join(", ");
            let kind = match is_delegate_type(&name.name) {
                true => "the delegate type",
                false => "the generic type",
            };
            (
                format!("{kind} `{}<{params}>` is not supported by Flux#", name.name),
                "not supported",
            )
        } else {
            (
                format!("cannot find the generic type `{}` in this scope", name.name),
                "not found",
            )
        };
        self.error(name.span, msg, label);
    }

    /// C#'s CS0452, CS0453, CS0310 and CS0311, at the argument; whether
    /// `arg` satisfies them all. A bound may name the type parameters
    /// (`where T : IComparable<T>`): `subst` gives their arguments.
    fn check_constraints(
        &mut self,
        param: &TypeParam,
        arg: &TypeExpr,
        title: &str,
        subst: &[(String, TypeExpr)],
    ) -> bool {
        let mut satisfied = true;
        let arg_name = dump::type_name(arg);
        let is_value = self.is_value_type(arg);
        for constraint in &param.constraints {
            let resolved;
            let constraint = match constraint {
                // By name only: making the instance here would check its
                // constraints again (`where T : Base<T>` never ends).
                Constraint::Type(bound) if matches!(bound.kind, TypeExprKind::Generic(_)) => {
                    let name = Ident {
                        name: dump::type_name(&substituted(bound, subst)),
                        span: bound.span,
                    };
                    resolved = Constraint::Type(TypeExpr {
                        kind: TypeExprKind::Named(name),
                        span: bound.span,
                    });
                    &resolved
                }
                other => other,
            };
            let problem = match constraint {
                Constraint::Class(_) if is_value => Some(format!(
                    "the type `{arg_name}` must be a reference type in order to use it as parameter `{}` in the generic {title}",
                    param.name.name
                )),
                Constraint::Struct(_) if !is_value => Some(format!(
                    "the type `{arg_name}` must be a non-nullable value type in order to use it as parameter `{}` in the generic {title}",
                    param.name.name
                )),
                Constraint::New(_) if !is_value && !self.has_default_ctor(arg) => Some(format!(
                    "`{arg_name}` must be a non-abstract type with a public parameterless constructor in order to use it as parameter `{}` in the generic {title}",
                    param.name.name
                )),
                Constraint::Type(bound) if !self.converts_to(arg, bound) => Some(format!(
                    "the type `{arg_name}` cannot be used as type parameter `{}` in the generic {title}: there is no conversion from `{arg_name}` to `{}`",
                    param.name.name,
                    dump::type_name(bound)
                )),
                _ => None,
            };
            if let Some(msg) = problem {
                self.error(arg.span, msg, "does not satisfy the constraint");
                satisfied = false;
            }
        }
        satisfied
    }

    /// lib/Collections.fs hashes the keys a Dictionary can have in Flux#
    /// (`KeyHash.Of`): others are reported here, at the type argument, not
    /// as a missing overload inside the library.
    fn check_key_type(&mut self, key: &TypeExpr) -> bool {
        use TypeExprKind as K;
        if matches!(key.kind, K::Int | K::Long | K::Char | K::Bool | K::String) {
            return true;
        }
        let msg = format!(
            "a `Dictionary` with keys of type `{}` is not supported by Flux# (its keys are int, long, char, bool or string)",
            dump::type_name(key)
        );
        self.error(key.span, msg, "not supported as a key");
        false
    }

    fn is_value_type(&self, t: &TypeExpr) -> bool {
        match &t.kind {
            TypeExprKind::Int
            | TypeExprKind::Long
            | TypeExprKind::Double
            | TypeExprKind::Bool
            | TypeExprKind::Char => true,
            TypeExprKind::Named(n) => self.enums.contains(&n.name),
            _ => false,
        }
    }

    fn has_default_ctor(&self, t: &TypeExpr) -> bool {
        match &t.kind {
            TypeExprKind::Named(n) => self
                .classes
                .get(&n.name)
                .is_some_and(|c| c.default_ctor && !c.is_abstract && !c.is_interface),
            _ => false,
        }
    }

    /// Whether `arg` is `bound` or derives from it or implements it.
    fn converts_to(&self, arg: &TypeExpr, bound: &TypeExpr) -> bool {
        let (TypeExprKind::Named(a), TypeExprKind::Named(b)) = (&arg.kind, &bound.kind) else {
            return arg.kind == bound.kind;
        };
        let mut seen = HashSet::new();
        let mut todo = vec![a.name.clone()];
        while let Some(c) = todo.pop() {
            if c == b.name {
                return true;
            }
            if !seen.insert(c.clone()) {
                continue;
            }
            if let Some(facts) = self.classes.get(&c) {
                todo.extend(facts.base.iter().cloned());
                todo.extend(facts.interfaces.iter().cloned());
            }
        }
        false
    }

    /// ``System.Collections.Generic.List`1[System.Int32]``, as .NET prints it.
    fn instance_runtime_name(&self, template: &str, args: &[TypeExpr]) -> String {
        let t = &self.templates[template];
        let name = dotnet_name(
            t.decl.namespace.as_deref(),
            t.decl.outer.as_deref(),
            template,
            t.in_system,
        );
        let args: Vec<String> = args.iter().map(|a| self.runtime_name(a)).collect();
        format!("{name}`{}[{}]", args.len(), args.join(","))
    }

    fn runtime_name(&self, t: &TypeExpr) -> String {
        match &t.kind {
            TypeExprKind::Int => "System.Int32".into(),
            TypeExprKind::Long => "System.Int64".into(),
            TypeExprKind::Double => "System.Double".into(),
            TypeExprKind::Bool => "System.Boolean".into(),
            TypeExprKind::Char => "System.Char".into(),
            TypeExprKind::String => "System.String".into(),
            TypeExprKind::Task => "System.Threading.Tasks.Task".into(),
            TypeExprKind::TaskOf(inner) => {
                format!(
                    "System.Threading.Tasks.Task`1[{}]",
                    self.runtime_name(inner)
                )
            }
            TypeExprKind::Array(inner) => format!("{}[]", self.runtime_name(inner)),
            TypeExprKind::Named(n) => {
                match (self.classes.get(&n.name), self.instances.get(&n.name)) {
                    (Some(c), _) => c.runtime_name.clone(),
                    (None, Some(runtime)) => runtime.clone(),
                    (None, None) => n.name.clone(),
                }
            }
            _ => dump::type_name(t),
        }
    }

    /// The template's copy for `pending.args`, resolved in its turn (which
    /// may queue more instances).
    fn make_instance(&mut self, pending: Pending) -> ClassDecl {
        let template = &self.templates[&pending.template];
        let mut decl = template.decl.clone();
        let subst: Vec<(String, TypeExpr)> = decl
            .type_params
            .iter()
            .map(|p| p.name.name.clone())
            .zip(pending.args)
            .collect();
        decl.generic_origin = Some(GenericType {
            name: decl.name.clone(),
            args: subst.iter().map(|(_, arg)| arg.clone()).collect(),
        });
        decl.type_params.clear();
        decl.runtime_name = Some(self.instances[&pending.name].clone());
        // Constructors are named after their class: `Box(T item)` is the
        // constructor of `Box<int>`.
        for member in &mut decl.members {
            if let Member::Ctor(c) = member {
                if c.name.name == decl.name.name {
                    c.name.name = pending.name.clone();
                }
            }
        }
        decl.name.name = pending.name;
        self.resolve_class(&mut decl, &subst, pending.depth);
        decl
    }
}

/// `t` with the type parameters of `subst` replaced by their arguments,
/// written as before (no instance is made or named).
fn substituted(t: &TypeExpr, subst: &[(String, TypeExpr)]) -> TypeExpr {
    let kind = match &t.kind {
        TypeExprKind::Named(id) => match subst.iter().find(|(p, _)| *p == id.name) {
            Some((_, arg)) => arg.kind.clone(),
            None => t.kind.clone(),
        },
        TypeExprKind::Array(inner) => TypeExprKind::Array(Box::new(substituted(inner, subst))),
        TypeExprKind::TaskOf(inner) => TypeExprKind::TaskOf(Box::new(substituted(inner, subst))),
        TypeExprKind::Generic(g) => TypeExprKind::Generic(Box::new(GenericType {
            name: g.name.clone(),
            args: g.args.iter().map(|a| substituted(a, subst)).collect(),
        })),
        other => other.clone(),
    };
    TypeExpr { kind, span: t.span }
}

/// `Max<T>`: a generic method as C# names it in a constraint's error.
fn method_title(decl: &MethodDecl) -> String {
    generic_title(&decl.name.name, &decl.type_params)
}

/// `List<T>`, `Dictionary<TKey, TValue>`: a template as C# names it.
fn template_title(decl: &ClassDecl) -> String {
    generic_title(&decl.name.name, &decl.type_params)
}

fn generic_title(name: &str, params: &[TypeParam]) -> String {
    let params: Vec<&str> = params.iter().map(|p| p.name.name.as_str()).collect();
    format!("{name}<{}>", params.join(", "))
}

fn plural(n: usize) -> &'static str {
    if n == 1 {
        ""
    } else {
        "s"
    }
}

fn facts(decl: &ClassDecl, in_system: bool) -> ClassFacts {
    let ctors: Vec<&CtorDecl> = decl
        .members
        .iter()
        .filter_map(|m| match m {
            Member::Ctor(c) => Some(c),
            _ => None,
        })
        .collect();
    let default_ctor = ctors.is_empty()
        || ctors.iter().any(|c| {
            c.params.is_empty() && matches!(c.modifiers.access, Some((Access::Public, _)))
        });
    let runtime_name = dotnet_name(
        decl.namespace.as_deref(),
        decl.outer.as_deref(),
        &decl.name.name,
        in_system,
    );
    // `class Student : IComparable<Student>` implements the instance
    // `IComparable<Student>`, by the name `instance` gives it.
    let named = |name: &Ident, args: &[TypeExpr]| match args.is_empty() {
        true => name.name.clone(),
        false => instance_name(&name.name, args),
    };
    let no_args = Vec::new();
    ClassFacts {
        base: decl.base.as_ref().map(|b| named(b, &decl.base_args)),
        interfaces: decl
            .interfaces
            .iter()
            .enumerate()
            .map(|(i, name)| named(name, decl.interface_args.get(i).unwrap_or(&no_args)))
            .collect(),
        is_interface: decl.is_interface,
        is_abstract: decl.modifiers.is_abstract.is_some(),
        default_ctor,
        runtime_name,
    }
}
