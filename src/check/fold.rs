//! Constant folding, as C# does it: constant expressions are evaluated at
//! compile time in *checked* mode, so `int.MaxValue + 1` is an error and a
//! constant division by zero too; casts of constants must fit.

use crate::typed::{BinOp, Const, Conv, OpKind, UnOp};

/// Why a constant operation cannot be folded.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum FoldError {
    /// CS0220: the operation overflows at compile time in checked mode.
    Overflow,
    /// CS0020: division by constant zero.
    DivideByZero,
}

/// Applies a numeric conversion to a constant; `None` if the value does not
/// fit (only possible for the narrowing casts).
pub(super) fn convert_const(c: &Const, conv: Conv) -> Option<Const> {
    Some(match (conv, c) {
        (Conv::IntToLong, Const::Int(v)) => Const::Long(i64::from(*v)),
        (Conv::CharToInt, Const::Char(v)) => Const::Int(i32::from(*v)),
        (Conv::CharToLong, Const::Char(v)) => Const::Long(i64::from(*v)),
        (Conv::LongToInt, Const::Long(v)) => Const::Int(i32::try_from(*v).ok()?),
        (Conv::IntToChar, Const::Int(v)) => Const::Char(u16::try_from(*v).ok()?),
        (Conv::LongToChar, Const::Long(v)) => Const::Char(u16::try_from(*v).ok()?),
        (Conv::IntToDouble, Const::Int(v)) => Const::double(f64::from(*v)),
        (Conv::LongToDouble, Const::Long(v)) => Const::double(*v as f64),
        (Conv::CharToDouble, Const::Char(v)) => Const::double(f64::from(*v)),
        // A constant cast truncates and must fit (C#'s CS0221 otherwise).
        (Conv::DoubleToInt, Const::Double(bits)) => {
            Const::Int(truncated(*bits, f64::from(i32::MIN), f64::from(i32::MAX))? as i32)
        }
        (Conv::DoubleToLong, Const::Double(bits)) => {
            Const::Long(
                truncated(*bits, -9.223_372_036_854_776e18, 9.223_372_036_854_776e18)? as i64,
            )
        }
        (Conv::DoubleToChar, Const::Double(bits)) => {
            Const::Char(truncated(*bits, 0.0, 65535.0)? as u16)
        }
        _ => return None,
    })
}

/// A double's value truncated toward zero, if that lies in `min..=max`
/// (`max` is excluded when it is 2^63, which no long holds).
fn truncated(bits: u64, min: f64, max: f64) -> Option<f64> {
    let t = f64::from_bits(bits).trunc();
    let fits = t >= min && (t < max || (t == max && max < 9e18));
    fits.then_some(t)
}

/// A constant's value as an i64 (ints and chars widened).
fn wide(c: &Const) -> Option<i64> {
    match c {
        Const::Int(v) => Some(i64::from(*v)),
        Const::Long(v) => Some(*v),
        Const::Char(v) => Some(i64::from(*v)),
        _ => None,
    }
}

/// Folds `op a b` computed in `kind`; `Ok(None)` when not foldable.
pub(super) fn binary(
    op: BinOp,
    kind: OpKind,
    a: &Const,
    b: &Const,
) -> Result<Option<Const>, FoldError> {
    match kind {
        OpKind::Int | OpKind::Long => {
            let (Some(x), Some(y)) = (wide(a), wide(b)) else {
                return Ok(None);
            };
            if kind == OpKind::Int {
                integer::<i32>(op, x as i32, y as i32).map(|r| r.map(|v| v.into_const()))
            } else {
                integer::<i64>(op, x, y).map(|r| r.map(|v| v.into_const()))
            }
        }
        OpKind::Bool => {
            let (Const::Bool(x), Const::Bool(y)) = (a, b) else {
                return Ok(None);
            };
            Ok(Some(Const::Bool(match op {
                BinOp::And => x & y,
                BinOp::Or => x | y,
                BinOp::Xor => x ^ y,
                BinOp::Eq => x == y,
                BinOp::Ne => x != y,
                _ => return Ok(None),
            })))
        }
        OpKind::Double => {
            let (Some(x), Some(y)) = (as_double(a), as_double(b)) else {
                return Ok(None);
            };
            Ok(Some(floating(op, x, y)))
        }
        OpKind::Ref => Ok(None),
    }
}

/// A numeric constant's value as a double (C#'s implicit conversion).
fn as_double(c: &Const) -> Option<f64> {
    match c {
        Const::Double(bits) => Some(f64::from_bits(*bits)),
        other => wide(other).map(|v| v as f64),
    }
}

/// IEEE arithmetic as the SSE2 instructions compute it: no overflow, no
/// error for a division by zero (infinity or NaN), `%` truncated as C#'s.
fn floating(op: BinOp, x: f64, y: f64) -> Const {
    match op {
        BinOp::Add => Const::double(x + y),
        BinOp::Sub => Const::double(x - y),
        BinOp::Mul => Const::double(x * y),
        BinOp::Div => Const::double(x / y),
        BinOp::Rem => Const::double(x % y),
        BinOp::Lt => Const::Bool(x < y),
        BinOp::Le => Const::Bool(x <= y),
        BinOp::Gt => Const::Bool(x > y),
        BinOp::Ge => Const::Bool(x >= y),
        BinOp::Eq => Const::Bool(x == y),
        BinOp::Ne => Const::Bool(x != y),
        BinOp::Shl | BinOp::Shr | BinOp::And | BinOp::Or | BinOp::Xor => {
            unreachable!("the checker has no bitwise operators on double")
        }
    }
}

/// The int and long arithmetic of C# constants.
trait Int: Copy + Ord + Sized {
    fn checked(op: BinOp, a: Self, b: Self) -> Option<Self>;
    fn shift(op: BinOp, a: Self, count: i64) -> Self;
    fn is_zero(self) -> bool;
    fn into_const(self) -> Const;
    fn bool_const(v: bool) -> Const {
        Const::Bool(v)
    }
}

macro_rules! impl_int {
    ($t:ty, $variant:ident, $mask:expr) => {
        impl Int for $t {
            fn checked(op: BinOp, a: Self, b: Self) -> Option<Self> {
                match op {
                    BinOp::Add => a.checked_add(b),
                    BinOp::Sub => a.checked_sub(b),
                    BinOp::Mul => a.checked_mul(b),
                    BinOp::Div => a.checked_div(b),
                    BinOp::Rem => {
                        // C# (and .NET) throw on MinValue % -1; checked_rem agrees.
                        a.checked_rem(b)
                    }
                    BinOp::And => Some(a & b),
                    BinOp::Or => Some(a | b),
                    BinOp::Xor => Some(a ^ b),
                    _ => None,
                }
            }
            fn shift(op: BinOp, a: Self, count: i64) -> Self {
                let n = (count & $mask) as u32;
                if op == BinOp::Shl {
                    a.wrapping_shl(n)
                } else {
                    a.wrapping_shr(n)
                }
            }
            fn is_zero(self) -> bool {
                self == 0
            }
            fn into_const(self) -> Const {
                Const::$variant(self)
            }
        }
    };
}

impl_int!(i32, Int, 31);
impl_int!(i64, Long, 63);

fn integer<T: Int + Into<i64>>(op: BinOp, a: T, b: T) -> Result<Option<ConstOf<T>>, FoldError> {
    let cmp = |r: bool| Ok(Some(ConstOf::Bool(r)));
    match op {
        BinOp::Lt => cmp(a < b),
        BinOp::Le => cmp(a <= b),
        BinOp::Gt => cmp(a > b),
        BinOp::Ge => cmp(a >= b),
        BinOp::Eq => cmp(a == b),
        BinOp::Ne => cmp(a != b),
        BinOp::Shl | BinOp::Shr => Ok(Some(ConstOf::Num(T::shift(op, a, b.into())))),
        BinOp::Div | BinOp::Rem if b.is_zero() => Err(FoldError::DivideByZero),
        _ => T::checked(op, a, b)
            .map(|v| Some(ConstOf::Num(v)))
            .ok_or(FoldError::Overflow),
    }
}

/// A folded integer operation's result: a number of the operand type or a
/// comparison's bool.
enum ConstOf<T> {
    Num(T),
    Bool(bool),
}

impl<T: Int> ConstOf<T> {
    fn into_const(self) -> Const {
        match self {
            ConstOf::Num(v) => v.into_const(),
            ConstOf::Bool(b) => T::bool_const(b),
        }
    }
}

/// Folds a unary operator on a constant (`-int.MinValue` overflows, as in C#).
pub(super) fn unary(op: UnOp, c: &Const) -> Result<Option<Const>, FoldError> {
    Ok(Some(match (op, c) {
        (UnOp::Neg, Const::Int(v)) => Const::Int(v.checked_neg().ok_or(FoldError::Overflow)?),
        (UnOp::Neg, Const::Long(v)) => Const::Long(v.checked_neg().ok_or(FoldError::Overflow)?),
        (UnOp::Neg, Const::Double(bits)) => Const::double(-f64::from_bits(*bits)),
        (UnOp::BitNot, Const::Int(v)) => Const::Int(!v),
        (UnOp::BitNot, Const::Long(v)) => Const::Long(!v),
        (UnOp::Not, Const::Bool(v)) => Const::Bool(!v),
        _ => return Ok(None),
    }))
}
