//! Local scopes of one body, with C#'s declaration-space rules.
//!
//! C# gives a local the scope of its whole block, so (1) a nested block may not
//! declare a name an enclosing block declares anywhere — before or after —
//! (CS0136), and (2) using a name before its declaration in the same block is
//! an error (CS0841), not a fallback to a field. Each scope therefore knows the
//! names its block declares *later* (`pending`), collected when it is entered.

use crate::source::Span;
use crate::typed::{AsyncKind, ClassId, Const, Local, LocalId, Type};
use std::collections::{HashMap, HashSet};

/// What a local name stands for.
#[derive(Debug, Clone)]
pub(super) enum LocalRef {
    Var(LocalId),
    /// A `const` local: every use is the value.
    Const(Const, Type),
}

#[derive(Default)]
struct Scope {
    names: HashMap<String, LocalRef>,
    pending: HashSet<String>,
}

/// Why a declaration is refused.
pub(super) enum DeclareError {
    /// CS0128: already declared in this very scope.
    Duplicate,
    /// CS0136: an enclosing scope declares it (before or after).
    Shadows,
}

/// Result of looking up a simple name among the locals.
pub(super) enum Lookup {
    Found(LocalRef),
    /// Declared later in an enclosing block (CS0841).
    NotYetDeclared,
    NotFound,
}

/// The context of one body being checked: its class, staticness, async kind,
/// its locals and the open scopes.
pub(super) struct FnCx {
    pub class: Option<ClassId>,
    /// True in static methods, top-level functions, static field initializers.
    pub is_static: bool,
    /// `None` outside any method (field initializers): `await` and `return`
    /// are not possible there.
    pub async_kind: Option<AsyncKind>,
    /// The declared return type (`Task<int>` for `async Task<int>`).
    pub ret: Type,
    /// The method's name, for messages.
    pub name: String,
    /// True in constructors (readonly fields may be assigned there).
    pub in_ctor: bool,
    /// True while checking a field initializer (no `this`, CS0027/CS0236).
    pub in_field_init: bool,
    pub locals: Vec<Local>,
    pub loop_depth: usize,
    /// The hidden locals holding what the enclosing catch clauses caught,
    /// innermost last (for `throw;`); `None` marks a `finally` in between.
    pub catches: Vec<Option<LocalId>>,
    /// Inside a `finally`: the loop depth at its start (control may not
    /// leave it by `break`, `continue` or `return`).
    pub finally_loop_depth: Option<usize>,
    /// The iteration variables of the enclosing `foreach`es (read-only).
    pub foreach_vars: Vec<LocalId>,
    /// `out var n` locals whose type their call has not given yet.
    pub out_vars: Vec<LocalId>,
    /// What a `return new C { … };` runs before it returns (the initializer).
    pub before_return: Vec<crate::typed::Stmt>,
    /// The enclosing `switch`es, innermost last.
    pub switches: Vec<SwitchCx>,
    /// Inside a `finally`: `loop_depth + switches.len()` at its start (a
    /// `break` may not leave it).
    pub finally_breakable: Option<usize>,
    scopes: Vec<Scope>,
}

/// A `switch` being checked: it is lowered to a `for (;;)` that its `break`s
/// leave, so a `continue` of the loop around it becomes `$continue = true;
/// break;` and the `continue` is made after the switch.
pub(super) struct SwitchCx {
    /// `loop_depth` where the switch stands.
    pub loop_depth: usize,
    /// `$continue`, made by the first `continue` inside the switch.
    pub continue_flag: Option<LocalId>,
}

impl FnCx {
    /// The innermost construct a `break` leaves is a `switch`.
    pub fn in_switch(&self) -> bool {
        self.switches
            .last()
            .is_some_and(|s| s.loop_depth == self.loop_depth)
    }

    /// Loops and switches around here (what `break` can leave).
    pub fn breakable(&self) -> usize {
        self.loop_depth + self.switches.len()
    }

    pub fn new(
        class: Option<ClassId>,
        is_static: bool,
        async_kind: Option<AsyncKind>,
        ret: Type,
        name: &str,
    ) -> FnCx {
        FnCx {
            class,
            is_static,
            async_kind,
            ret,
            name: name.to_string(),
            in_ctor: false,
            in_field_init: false,
            locals: Vec::new(),
            loop_depth: 0,
            catches: Vec::new(),
            finally_loop_depth: None,
            foreach_vars: Vec::new(),
            out_vars: Vec::new(),
            before_return: Vec::new(),
            switches: Vec::new(),
            finally_breakable: None,
            scopes: vec![Scope::default()],
        }
    }

    pub fn is_async(&self) -> bool {
        matches!(&self.async_kind, Some(k) if *k != AsyncKind::NotAsync)
    }

    /// Opens a block scope whose block declares `later` (directly, not nested).
    pub fn push<'n>(&mut self, later: impl IntoIterator<Item = &'n str>) {
        let pending = later.into_iter().map(str::to_string).collect();
        self.scopes.push(Scope {
            names: HashMap::new(),
            pending,
        });
    }

    pub fn pop(&mut self) {
        self.scopes.pop();
    }

    /// Declares a local (or parameter) in the innermost scope. The local is
    /// created even when the name is refused, so its initializer still has a
    /// home; the refused name keeps its earlier meaning.
    pub fn declare_var(
        &mut self,
        name: &str,
        ty: Type,
        span: Span,
        is_param: bool,
    ) -> (LocalId, Result<(), DeclareError>) {
        let id = self.push_local(name, ty, span, is_param);
        let free = self.check_free(name);
        // A shadowing local is still bound here, so uses inside this scope
        // refer to it and report nothing more; a duplicate keeps the first.
        if !matches!(free, Err(DeclareError::Duplicate)) {
            self.bind(name, LocalRef::Var(id));
        }
        (id, free)
    }

    /// A local no name refers to (made by the checker itself).
    pub fn hidden_local(&mut self, name: &str, ty: Type, span: Span) -> LocalId {
        self.push_local(name, ty, span, false)
    }

    fn push_local(&mut self, name: &str, ty: Type, span: Span, is_param: bool) -> LocalId {
        let id = LocalId(self.locals.len() as u32);
        self.locals.push(Local {
            id,
            name: name.to_string(),
            ty,
            span,
            is_param,
            pass: crate::typed::PassMode::Value,
        });
        id
    }

    /// Declares a `const` local.
    pub fn declare_const(
        &mut self,
        name: &str,
        value: Const,
        ty: Type,
    ) -> Result<(), DeclareError> {
        let free = self.check_free(name);
        if !matches!(free, Err(DeclareError::Duplicate)) {
            self.bind(name, LocalRef::Const(value, ty));
        }
        free
    }

    fn bind(&mut self, name: &str, r: LocalRef) {
        let scope = self.scopes.last_mut().expect("a scope is always open");
        scope.pending.remove(name);
        scope.names.insert(name.to_string(), r);
    }

    fn check_free(&self, name: &str) -> Result<(), DeclareError> {
        let (inner, outer) = self.scopes.split_last().expect("a scope is always open");
        if inner.names.contains_key(name) {
            return Err(DeclareError::Duplicate);
        }
        if outer
            .iter()
            .any(|s| s.names.contains_key(name) || s.pending.contains(name))
        {
            return Err(DeclareError::Shadows);
        }
        Ok(())
    }

    /// Looks a simple name up among the locals, innermost scope first.
    pub fn lookup(&self, name: &str) -> Lookup {
        for scope in self.scopes.iter().rev() {
            if let Some(r) = scope.names.get(name) {
                return Lookup::Found(r.clone());
            }
            if scope.pending.contains(name) {
                return Lookup::NotYetDeclared;
            }
        }
        Lookup::NotFound
    }
}
