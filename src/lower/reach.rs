//! Which of lib/System.fs's methods and constructors a program uses.
//!
//! In: the lowered functions and the typed program. Out: the functions
//! without the system library's code nobody calls. Every program is checked
//! with the whole library, but its classes' vtables are all a program needs
//! unless it makes exceptions itself (the runtime makes the checks' own
//! without running a constructor), so the x86 pane and the binary hold only
//! the library code that can run. The program's own code is always kept.

use crate::ir::{self, Function, FunctionKind};
use crate::typed::{ClassId, CtorChain, CtorId, ExprKind, MethodId, Program};

/// A function of the program, as calls name it.
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
enum Callee {
    Method(MethodId),
    Ctor(CtorId),
}

fn callee(kind: &FunctionKind) -> Option<Callee> {
    match kind {
        FunctionKind::Method(m) | FunctionKind::AsyncStart(m) | FunctionKind::AsyncResume(m) => {
            Some(Callee::Method(*m))
        }
        FunctionKind::Ctor(c) => Some(Callee::Ctor(*c)),
        FunctionKind::Entry => None,
    }
}

fn is_system(program: &Program, callee: Callee) -> bool {
    let class = match callee {
        Callee::Method(m) => program.methods[m.0 as usize].class,
        Callee::Ctor(c) => Some(program.ctors[c.0 as usize].class),
    };
    class.is_some_and(|c| program.classes[c.0 as usize].is_system)
}

/// What a function calls: the callees in its body, and for a constructor
/// its chained constructor and what its class's field initializers call.
fn calls(program: &Program, function: &Function) -> Vec<Callee> {
    let mut out = Vec::new();
    let mut note = |e: &crate::typed::Expr| match &e.kind {
        ExprKind::New { ctor, .. } => out.push(Callee::Ctor(*ctor)),
        ExprKind::CallStatic { method, .. }
        | ExprKind::CallDirect { method, .. }
        | ExprKind::CallVirtual { method, .. } => out.push(Callee::Method(*method)),
        _ => {}
    };
    ir::walk_exprs(&function.body, &mut note);
    ir::walk_exprs(&initializers(program, function), &mut note);
    if let FunctionKind::Ctor(id) = function.kind {
        let chained = match &program.ctors[id.0 as usize].chain {
            CtorChain::Base { ctor, .. } => *ctor,
            CtorChain::This { ctor, .. } => Some(*ctor),
        };
        out.extend(chained.map(Callee::Ctor));
    }
    out
}

/// What a function runs beyond its body, as statements: a constructor its
/// chained constructor's arguments and its class's field initializers, the
/// entry the static initializers.
fn initializers(program: &Program, function: &Function) -> Vec<ir::Stmt> {
    let exprs: Vec<&crate::typed::Expr> = match function.kind {
        FunctionKind::Ctor(id) => {
            let ctor = &program.ctors[id.0 as usize];
            let args = match &ctor.chain {
                CtorChain::Base { args, .. } | CtorChain::This { args, .. } => args,
            };
            let inits = &program.classes[ctor.class.0 as usize].field_inits;
            args.iter().chain(inits.iter().map(|i| &i.value)).collect()
        }
        FunctionKind::Entry => program.static_inits.iter().map(|i| &i.value).collect(),
        _ => Vec::new(),
    };
    exprs.into_iter().cloned().map(ir::Stmt::Expr).collect()
}

/// Drops the system library's functions no kept function can call; returns,
/// by class, whether its vtable is needed: every class of the program's
/// own, and of the library those the kept code or the runtime names
/// ([`crate::runtime_layout::RUNTIME_CLASSES`]), with their base classes.
pub fn drop_unused_system_code(program: &Program, functions: &mut Vec<Function>) -> Vec<bool> {
    let by_callee: std::collections::HashMap<Callee, Vec<usize>> = functions
        .iter()
        .enumerate()
        .fold(Default::default(), |mut map, (i, f)| {
            if let Some(c) = callee(&f.kind) {
                map.entry(c).or_default().push(i);
            }
            map
        });
    let mut kept = vec![false; functions.len()];
    let mut work: Vec<usize> = (0..functions.len())
        .filter(|&i| callee(&functions[i].kind).is_none_or(|c| !is_system(program, c)))
        .collect();
    // Vtables are emitted for every class: what they point to stays. (The
    // static initializers run from the entry: `calls` counts them as its.)
    let mut roots = Vec::new();
    roots.extend(
        program
            .classes
            .iter()
            .flat_map(|c| c.vtable.iter().map(|&m| Callee::Method(m))),
    );
    roots.extend(program.classes.iter().flat_map(|c| {
        c.itables
            .iter()
            .flat_map(|(_, methods)| methods.iter().map(|&m| Callee::Method(m)))
    }));
    work.extend(
        roots
            .iter()
            .flat_map(|c| by_callee.get(c).into_iter().flatten()),
    );
    while let Some(i) = work.pop() {
        if std::mem::replace(&mut kept[i], true) {
            continue;
        }
        for c in calls(program, &functions[i]) {
            work.extend(
                by_callee
                    .get(&c)
                    .into_iter()
                    .flatten()
                    .filter(|&&j| !kept[j]),
            );
        }
    }
    let mut index = 0;
    functions.retain(|_| {
        index += 1;
        kept[index - 1]
    });
    classes_used(program, functions)
}

/// By field, whether the kept functions (their bodies and what runs
/// before them: field and static initializers) read or write the static
/// field: the system library's other statics are not emitted.
pub fn statics_used(program: &Program, functions: &[Function]) -> Vec<bool> {
    use crate::typed::Place;
    let mut used = vec![false; program.fields.len()];
    for f in functions {
        let mut note = |e: &crate::typed::Expr| {
            let place = match &e.kind {
                ExprKind::Static(field) => Some(*field),
                ExprKind::Assign { target, .. }
                | ExprKind::CompoundAssign { target, .. }
                | ExprKind::IncDec { target, .. } => match target {
                    Place::Static(field) => Some(*field),
                    _ => None,
                },
                ExprKind::AddressOf { place, .. } => match &**place {
                    Place::Static(field) => Some(*field),
                    _ => None,
                },
                _ => None,
            };
            if let Some(field) = place {
                used[field.0 as usize] = true;
            }
        };
        ir::walk_exprs(&f.body, &mut note);
        ir::walk_exprs(&initializers(program, f), &mut note);
    }
    for init in &program.static_inits {
        used[init.field.0 as usize] = true;
    }
    used
}

fn classes_used(program: &Program, functions: &[Function]) -> Vec<bool> {
    let mut named: Vec<ClassId> = program
        .classes
        .iter()
        .filter(|c| {
            !c.is_system || crate::runtime_layout::RUNTIME_CLASSES.contains(&c.name.as_str())
        })
        .map(|c| c.id)
        .collect();
    for f in functions {
        let mut note = |e: &crate::typed::Expr| match &e.kind {
            ExprKind::New { class, .. }
            | ExprKind::Is { class, .. }
            | ExprKind::As { class, .. }
            | ExprKind::CastClass { class, .. } => named.push(*class),
            _ => {}
        };
        ir::walk_exprs(&f.body, &mut note);
        ir::walk_exprs(&initializers(program, f), &mut note);
    }
    let mut used = vec![false; program.classes.len()];
    for class in named {
        let mut at = Some(class);
        while let Some(c) = at.filter(|c| !used[c.0 as usize]) {
            used[c.0 as usize] = true;
            at = program.classes[c.0 as usize].parent;
        }
    }
    used
}
