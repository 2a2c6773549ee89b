//! Types: resolving written types, and C#'s implicit and explicit conversions.

use super::Checker;
use crate::ast::{TypeExpr, TypeExprKind};
use crate::typed::{Conv, Expr, ExprKind, Type};

/// How a value of one type becomes another.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Conversion {
    /// Same representation: identity, reference upcast, null to a reference.
    Free,
    Numeric(Conv),
    /// Checked downcast to a class.
    Downcast,
}

/// The numeric conversion from `from` to `to`, implicit ones included.
fn numeric_conv(from: &Type, to: &Type) -> Option<Conv> {
    Some(match (from, to) {
        (Type::Int, Type::Long) => Conv::IntToLong,
        (Type::Char, Type::Int) => Conv::CharToInt,
        (Type::Char, Type::Long) => Conv::CharToLong,
        (Type::Long, Type::Int) => Conv::LongToInt,
        (Type::Int, Type::Char) => Conv::IntToChar,
        (Type::Long, Type::Char) => Conv::LongToChar,
        (Type::Int, Type::Double) => Conv::IntToDouble,
        (Type::Long, Type::Double) => Conv::LongToDouble,
        (Type::Char, Type::Double) => Conv::CharToDouble,
        (Type::Double, Type::Int) => Conv::DoubleToInt,
        (Type::Double, Type::Long) => Conv::DoubleToLong,
        (Type::Double, Type::Char) => Conv::DoubleToChar,
        _ => return None,
    })
}

/// A type with an error in it (`{error}[]`): it converts to and from
/// anything, so one reported mistake gives one diagnostic.
fn has_error(t: &Type) -> bool {
    match t {
        Type::Error => true,
        Type::Array(inner) | Type::TaskOf(inner) => has_error(inner),
        _ => false,
    }
}

impl Checker<'_> {
    /// Resolves a written type. `void` and `var` are left to the caller to
    /// allow or reject; an unknown class name is reported and gives `Error`.
    pub(super) fn resolve_type(&mut self, t: &TypeExpr) -> Type {
        match &t.kind {
            TypeExprKind::Int => Type::Int,
            TypeExprKind::Long => Type::Long,
            TypeExprKind::Double => Type::Double,
            TypeExprKind::Bool => Type::Bool,
            TypeExprKind::Char => Type::Char,
            TypeExprKind::String => Type::String,
            TypeExprKind::Void => Type::Void,
            // Callers that accept `var` handle it before calling.
            TypeExprKind::Var => {
                self.error(
                    t.span,
                    "`var` is only allowed for local variables with an initializer",
                    "not allowed here",
                );
                Type::Error
            }
            TypeExprKind::Task => Type::Task,
            TypeExprKind::TaskOf(inner) => {
                let inner = self.resolve_value_type(inner);
                Type::TaskOf(Box::new(inner))
            }
            TypeExprKind::Array(inner) => {
                let inner = self.resolve_value_type(inner);
                Type::Array(Box::new(inner))
            }
            // `generic` names every instance before the checker runs.
            TypeExprKind::Error | TypeExprKind::Generic(_) => Type::Error,
            TypeExprKind::Named(name) => match self.class_ids.get(&name.name) {
                Some(&id) => Type::Class(id),
                None if self.enum_ids.contains_key(&name.name) => {
                    Type::Enum(self.enum_ids[&name.name])
                }
                None if crate::generic::is_delegate_type(&name.name) => {
                    // `Action`: a delegate, which Flux# does not have.
                    let msg = format!(
                        "the delegate type `{}` is not supported by Flux#",
                        name.name
                    );
                    self.error(name.span, msg, "not supported");
                    Type::Error
                }
                None => {
                    let msg = format!("cannot find type `{}` in this scope", name.name);
                    self.error(name.span, msg, "not found");
                    Type::Error
                }
            },
        }
    }

    /// A type that values can have: anything but `void`.
    pub(super) fn resolve_value_type(&mut self, t: &TypeExpr) -> Type {
        let ty = self.resolve_type(t);
        if ty == Type::Void {
            self.error(
                t.span,
                "keyword `void` cannot be used in this context",
                "only a return type",
            );
            return Type::Error;
        }
        ty
    }

    /// C#'s implicit conversions between Flux# types.
    pub(super) fn implicit(&self, from: &Type, to: &Type) -> Option<Conversion> {
        if from == to || has_error(from) || has_error(to) {
            return Some(Conversion::Free);
        }
        match (from, to) {
            (Type::Int, Type::Long)
            | (Type::Char, Type::Int)
            | (Type::Char, Type::Long)
            | (Type::Int | Type::Long | Type::Char, Type::Double) => {
                numeric_conv(from, to).map(Conversion::Numeric)
            }
            (Type::Null, t) if t.is_reference() => Some(Conversion::Free),
            // Task<T> derives from Task in .NET.
            (Type::TaskOf(_), Type::Task) => Some(Conversion::Free),
            (Type::Class(a), Type::Class(b)) if self.derives_from(*a, *b) => Some(Conversion::Free),
            (Type::Class(a), Type::Class(b)) if self.implements(*a, *b) => Some(Conversion::Free),
            _ => None,
        }
    }

    /// C#'s explicit (cast) conversions, implicit ones included.
    pub(super) fn explicit(&self, from: &Type, to: &Type) -> Option<Conversion> {
        if let Some(c) = self.implicit(from, to) {
            return Some(c);
        }
        if let Some(conv) = numeric_conv(from, to) {
            return Some(Conversion::Numeric(conv));
        }
        // An enum converts to and from double as the `int` it is.
        match (from, to) {
            (Type::Enum(_), Type::Double) => return Some(Conversion::Numeric(Conv::IntToDouble)),
            (Type::Double, Type::Enum(_)) => return Some(Conversion::Numeric(Conv::DoubleToInt)),
            _ => {}
        }
        // Enums convert to and from the integral types (and each other) as
        // the `int` they are.
        let integral = |t: &Type| t.is_integral() || matches!(t, Type::Enum(_));
        if (matches!(from, Type::Enum(_)) || matches!(to, Type::Enum(_)))
            && integral(from)
            && integral(to)
        {
            let (f, t) = (super::enums::underlying(from), super::enums::underlying(to));
            return match numeric_conv(&f, &t) {
                Some(conv) => Some(Conversion::Numeric(conv)),
                None => Some(Conversion::Free),
            };
        }
        match (from, to) {
            (Type::Class(a), Type::Class(b)) if self.derives_from(*b, *a) => {
                Some(Conversion::Downcast)
            }
            // From an interface to a class: checked at run time, as any
            // downcast, by the class chain of the object's vtable.
            (Type::Class(a), Type::Class(b))
                if self.class(*a).is_interface && !self.class(*b).is_interface =>
            {
                Some(Conversion::Downcast)
            }
            _ => None,
        }
    }

    /// Applies a conversion already known to be valid.
    pub(super) fn apply(&mut self, e: Expr, to: &Type, conv: Conversion) -> Expr {
        match conv {
            Conversion::Free => {
                // The value is unchanged; the expression takes the target
                // type, so consumers see the type the context expects.
                if e.ty == Type::Error || to == &Type::Error {
                    return e;
                }
                Expr {
                    ty: to.clone(),
                    ..e
                }
            }
            Conversion::Numeric(conv) => {
                if let ExprKind::Const(c) = &e.kind {
                    if let Some(folded) = super::fold::convert_const(c, conv) {
                        return Expr {
                            kind: ExprKind::Const(folded),
                            ty: to.clone(),
                            span: e.span,
                        };
                    }
                }
                let span = e.span;
                Expr {
                    kind: ExprKind::Convert {
                        conv,
                        operand: Box::new(e),
                    },
                    ty: to.clone(),
                    span,
                }
            }
            Conversion::Downcast => {
                let Type::Class(class) = to else {
                    unreachable!("downcast to a class")
                };
                let span = e.span;
                Expr {
                    kind: ExprKind::CastClass {
                        operand: Box::new(e),
                        class: *class,
                    },
                    ty: to.clone(),
                    span,
                }
            }
        }
    }

    /// Converts `e` to `to` implicitly, or reports why not (and gives an
    /// `Error` expression so nothing else is reported about it).
    pub(super) fn coerce(&mut self, e: Expr, to: &Type) -> Expr {
        match self.implicit(&e.ty, to) {
            Some(conv) => self.apply(e, to, conv),
            None => {
                self.conversion_error(&e, to);
                Expr {
                    kind: ExprKind::Error,
                    ty: Type::Error,
                    span: e.span,
                }
            }
        }
    }

    /// "cannot convert …" with C#'s hint when a cast would do.
    pub(super) fn conversion_error(&mut self, e: &Expr, to: &Type) {
        let from = &e.ty;
        let msg = if *from == Type::Void {
            format!(
                "cannot convert `void` to `{}`: the expression has no value",
                self.ty(to)
            )
        } else if self.explicit(from, to).is_some() {
            format!(
                "cannot convert `{}` to `{}` implicitly (an explicit cast exists)",
                self.ty(from),
                self.ty(to)
            )
        } else {
            format!("cannot convert `{}` to `{}`", self.ty(from), self.ty(to))
        };
        let label = format!("expected `{}`", self.ty(to));
        self.error(e.span, msg, label);
    }
}
