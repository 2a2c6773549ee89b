//! Interfaces: what a class that lists one must have, and the method
//! tables that calls through one use.
//!
//! In: the declared classes, with their members and vtables. Out: for every
//! class, [`typed::Class::itables`]: for each interface it implements (its
//! own and its base classes'), the method that runs for each of the
//! interface's methods, in the interface's order. A call through an
//! interface (`Dispatch::Interface { slot }`) loads the object's vtable,
//! the class's table of interface tables stored just before it, the table
//! of that interface, and calls entry `slot` (src/codegen/expr.rs): four
//! loads where C#'s runtime uses a dispatch stub, each one visible in the
//! x86 pane.

use super::{Checker, Member};
use crate::ast;
use crate::typed::{ClassId, Dispatch, MethodId};

impl Checker<'_> {
    /// An interface holds abstract methods and properties only.
    pub(super) fn interface_members(&mut self, decl: &ast::ClassDecl) {
        for member in &decl.members {
            let (span, what) = match member {
                ast::Member::Field(f) => (f.span, "interfaces cannot contain fields"),
                ast::Member::Ctor(c) => (c.name.span, "interfaces cannot contain constructors"),
                ast::Member::Method(m) if m.body.is_some() => (
                    m.name.span,
                    "default interface methods (a body in an interface) are not supported by Flux#",
                ),
                _ => continue,
            };
            self.error(span, what, "in an interface");
        }
    }

    /// Whether `class` (or a base class) implements `interface`, itself or
    /// through an interface that extends it (also for an interface `class`).
    pub(super) fn implements(&self, class: ClassId, interface: ClassId) -> bool {
        self.all_interfaces(class).contains(&interface)
    }

    /// The interfaces `interface` extends, and those they extend, once each
    /// (a cycle, reported by `check_interface_cycles`, ends the walk).
    fn extended(&self, interface: ClassId, out: &mut Vec<ClassId>) {
        for &base in &self.class(interface).interfaces {
            if !out.contains(&base) {
                out.push(base);
                self.extended(base, out);
            }
        }
    }

    /// The interfaces `interface` extends, directly or not.
    pub(super) fn extended_interfaces(&self, interface: ClassId) -> Vec<ClassId> {
        let mut out = Vec::new();
        self.extended(interface, &mut out);
        out
    }

    /// CS0529: an interface that extends itself, through others or not.
    pub(super) fn check_interface_cycles(&mut self) {
        for i in 0..self.out.classes.len() {
            let id = ClassId(i as u32);
            if !self.class(id).is_interface {
                continue;
            }
            let mut reached = Vec::new();
            self.extended(id, &mut reached);
            if reached.contains(&id) {
                let msg = format!(
                    "inherited interface `{}` causes a cycle in the interface hierarchy",
                    self.class_name(id)
                );
                self.error(self.class(id).span, msg, "extends itself");
                self.out.classes[i].interfaces.clear();
            }
        }
    }

    /// A member `name` of an interface or of one it extends.
    pub(super) fn interface_member(&self, interface: ClassId, name: &str) -> Option<Member> {
        let mut all = vec![interface];
        self.extended(interface, &mut all);
        all.iter()
            .find_map(|i| self.classes[i.0 as usize].members.get(name).cloned())
    }

    /// Every class's method tables for its interfaces (CS0535 / CS0737 /
    /// CS0738 where a member is missing, not public, or returns another type).
    pub(super) fn build_itables(&mut self) {
        for i in 0..self.out.classes.len() {
            let class = ClassId(i as u32);
            if self.class(class).is_interface {
                continue;
            }
            let mut itables = Vec::new();
            for interface in self.all_interfaces(class) {
                let methods = self.class(interface).methods.clone();
                let table = methods
                    .iter()
                    .filter_map(|&m| self.implementation(class, m))
                    .collect::<Vec<_>>();
                if table.len() == methods.len() {
                    itables.push((interface, table));
                }
            }
            self.out.classes[i].itables = itables;
        }
    }

    /// The interfaces of a class and of its base classes, bases' first, each
    /// followed by those it extends.
    fn all_interfaces(&self, class: ClassId) -> Vec<ClassId> {
        let mut chain = Vec::new();
        let mut cur = Some(class);
        while let Some(c) = cur {
            chain.push(c);
            cur = self.class(c).parent;
        }
        let mut out: Vec<ClassId> = Vec::new();
        for c in chain.into_iter().rev() {
            for &interface in &self.class(c).interfaces {
                if !out.contains(&interface) {
                    out.push(interface);
                    self.extended(interface, &mut out);
                }
            }
        }
        out
    }

    /// The method of `class` that implements the interface method `wanted`.
    fn implementation(&mut self, class: ClassId, wanted: MethodId) -> Option<MethodId> {
        let (name, ret) = {
            let m = self.method(wanted);
            (m.name.clone(), m.ret.clone())
        };
        let mut cur = Some(class);
        let mut found = None;
        while let (Some(c), None) = (cur, found) {
            if let Some(Member::Methods(list)) = self.classes[c.0 as usize].members.get(&name) {
                found = list.iter().copied().find(|&m| {
                    self.method(m).dispatch != Dispatch::Static && self.same_params(m, wanted)
                });
            }
            cur = self.class(c).parent;
        }
        let member = self.method_sig(wanted);
        let span = self.class(class).span;
        let Some(found) = found else {
            let msg = format!(
                "`{}` does not implement interface member `{member}`",
                self.class_name(class)
            );
            self.error(span, msg, "missing a member");
            return None;
        };
        if self.methods[found.0 as usize].access != ast::Access::Public {
            let msg = format!(
                "`{}` does not implement interface member `{member}`: `{}` is not public",
                self.class_name(class),
                self.method_sig(found)
            );
            self.error(self.method(found).span, msg, "not public");
            return None;
        }
        if self.method(found).ret != ret {
            let msg = format!(
                "`{}` does not implement interface member `{member}`: `{}` does not return `{}`",
                self.class_name(class),
                self.method_sig(found),
                self.ty(&ret)
            );
            self.error(self.method(found).span, msg, "another return type");
            return None;
        }
        // A virtual implementation runs as the class's own override does.
        Some(match self.method(found).dispatch {
            Dispatch::Virtual { slot } => {
                self.class(class).vtable.get(slot).copied().unwrap_or(found)
            }
            _ => found,
        })
    }
}
