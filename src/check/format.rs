//! Composite formatting: interpolation holes with an alignment and a format
//! string (`$"{x,5:D4}"`), `string.Format(format, args…)` and
//! `Console.WriteLine(format, args…)`.
//!
//! In: the typed holes (or the arguments) and the constant format text. Out:
//! a concatenation of pieces, each piece a value as C# prints it, formatted
//! by lib/System.fs's `Int32.ToString` (`{n:X8}` is `n.ToString("X8")`)
//! and padded by `String.PadLeft` / `PadRight`, so the x86 pane shows the
//! calls .NET's formatter makes. A format string is read here, at
//! compile time: Flux# needs it to be a constant (a deliberate difference,
//! see docs/flux-sharp.md), and a malformed one is reported where C# would
//! throw FormatException when it runs.

use super::call::Target;
use super::expr::{error_expr, mk};
use super::scope::FnCx;
use super::Checker;
use crate::ast::{self, HoleFormat};
use crate::source::Span;
use crate::typed::{Const, Expr, ExprKind, Type};

/// One piece of a composite format string.
#[derive(Debug, PartialEq)]
enum Piece {
    Text(String),
    /// `{index,align:format}`
    Item(usize, HoleFormat),
}

impl Checker<'_> {
    /// `$"…{x,5:D4}…"`: one hole, formatted, as a string.
    pub(super) fn formatted(
        &mut self,
        cx: &mut FnCx,
        value: Expr,
        format: &HoleFormat,
        span: Span,
    ) -> Expr {
        // A double's format goes to its own ToString(format), before the
        // value becomes its default text.
        let value = match (&format.format, &value.ty) {
            (Some(_), Type::Double) => value,
            _ => self.printable(value),
        };
        if value.ty == Type::Error || *format == HoleFormat::default() {
            return value;
        }
        let text = match (&format.format, &value.ty) {
            (Some(spec), Type::Int | Type::Long) => {
                let Some(spec) = self.standard_format(spec, span) else {
                    return error_expr(span);
                };
                let spec = mk(ExprKind::Const(Const::Str(spec)), Type::String, span);
                self.call_system(cx, "Int32", "ToString", vec![value, spec], span)
            }
            (Some(spec), Type::Double) => {
                let Some(spec) = self.double_format(spec, span) else {
                    return error_expr(span);
                };
                let spec = mk(ExprKind::Const(Const::Str(spec)), Type::String, span);
                self.call_system_method("Double", "ToString", vec![value, spec])
            }
            (Some(spec), Type::Enum(_)) if !matches!(spec.as_str(), "G" | "g" | "") => {
                let msg = format!("the format `{spec}` of an enum value is not supported by Flux#");
                self.error(span, msg, "not supported");
                return error_expr(span);
            }
            // Strings, chars, bools, enums (G) and objects ignore a format
            // string, as .NET does for a type that is not IFormattable.
            _ => self.concat(vec![value], span),
        };
        match format.align {
            None => text,
            Some(width) => {
                // "" + text: a null string pads as the empty one, as in C#.
                let empty = mk(
                    ExprKind::Const(Const::Str(String::new())),
                    Type::String,
                    span,
                );
                let text = self.concat(vec![empty, text], span);
                let method = if width >= 0 { "PadLeft" } else { "PadRight" };
                let width = mk(
                    ExprKind::Const(Const::Int(width.saturating_abs())),
                    Type::Int,
                    span,
                );
                self.call_system(cx, "String", method, vec![text, width], span)
            }
        }
    }

    /// `string.Format(format, args…)`: the format must be a constant; each
    /// item is formatted as an interpolation hole would be.
    pub(super) fn string_format(&mut self, cx: &mut FnCx, mut args: Vec<Expr>, span: Span) -> Expr {
        if self.by_ref_args_refused(&args) || args.iter().any(|a| a.ty == Type::Error) {
            return error_expr(span);
        }
        if args.is_empty() {
            self.error(
                span,
                "no overload for method `Format` takes 0 arguments",
                "no format",
            );
            return error_expr(span);
        }
        let format = args.remove(0);
        let ExprKind::Const(Const::Str(text)) = &format.kind else {
            let msg = "`string.Format` with a format that is not a constant string is not supported by Flux#";
            self.error(format.span, msg, "not a constant");
            return error_expr(span);
        };
        let pieces = match parse_composite(text) {
            Ok(pieces) => pieces,
            Err(message) => {
                self.error(format.span, message, "C# throws FormatException here");
                return error_expr(span);
            }
        };
        let used: Vec<usize> = pieces
            .iter()
            .filter_map(|p| match p {
                Piece::Item(i, _) => Some(*i),
                Piece::Text(_) => None,
            })
            .collect();
        if let Some(&missing) = used.iter().find(|&&i| i >= args.len()) {
            let msg = format!(
                "the format item {{{missing}}} has no argument (index (zero based) must be greater than or equal to zero and less than the size of the argument list)"
            );
            self.error(format.span, msg, "C# throws FormatException here");
            return error_expr(span);
        }
        // C# evaluates the arguments once each, in order, before formatting;
        // formatting them where the items stand keeps that only when each is
        // used once, in order, or has nothing to run.
        let in_order = used.len() == args.len() && used.iter().enumerate().all(|(k, &i)| k == i);
        if !in_order && !args.iter().all(is_plain) {
            let msg = "`string.Format` whose items use arguments out of order, twice or not at all is supported by Flux# only when those are constants or local variables";
            self.error(format.span, msg, "not supported");
            return error_expr(span);
        }
        // C# evaluates every argument before it formats any: an object's
        // ToString() (which may do anything) runs after the later arguments.
        let object_before_call = args.iter().enumerate().any(|(i, a)| {
            matches!(a.ty, Type::Class(_)) && args[i + 1..].iter().any(|b| !is_plain(b))
        });
        if object_before_call {
            let msg = "`string.Format` with an object before an argument that calls code is not supported by Flux# (C# formats the object only after evaluating every argument)";
            self.error(format.span, msg, "not supported");
            return error_expr(span);
        }
        let mut parts = Vec::new();
        for piece in pieces {
            match piece {
                Piece::Text(t) => {
                    parts.push(mk(ExprKind::Const(Const::Str(t)), Type::String, span))
                }
                Piece::Item(i, format) => {
                    let value = args[i].clone();
                    parts.push(self.formatted(cx, value, &format, span));
                }
            }
        }
        if parts.is_empty() {
            return mk(
                ExprKind::Const(Const::Str(String::new())),
                Type::String,
                span,
            );
        }
        let empty = mk(
            ExprKind::Const(Const::Str(String::new())),
            Type::String,
            span,
        );
        parts.insert(0, empty);
        self.concat(parts, span)
    }

    /// The standard numeric format string Number formats with, for a
    /// format written in a hole; custom formats made only of zeros
    /// (`0000`, as `D4`) and `#,##0` (as `N0`) are rewritten to one.
    fn standard_format(&mut self, spec: &str, span: Span) -> Option<String> {
        if !spec.is_empty() && spec.chars().all(|c| c == '0') {
            return Some(format!("D{}", spec.len()));
        }
        if spec == "#,##0" || spec == "#,0" {
            return Some("N0".into());
        }
        let mut chars = spec.chars();
        let kind = chars.next().unwrap_or('G');
        let digits = chars.as_str();
        let precision_ok = digits.len() <= 2 && digits.chars().all(|c| c.is_ascii_digit());
        match kind.to_ascii_uppercase() {
            'D' | 'X' | 'N' | 'F' | 'G' | 'E' if precision_ok => Some(spec.to_string()),
            'C' | 'P' | 'R' | '#' | '0' | '.' => {
                let msg = format!("the format `{spec}` is not supported by Flux#");
                self.error(span, msg, "not supported");
                None
            }
            // Number throws FormatException for the rest, as .NET does.
            _ => Some(spec.to_string()),
        }
    }

    /// A double's format string as lib/Double.fs reads it: the standard
    /// formats, and the custom `00.00` and `#,##0.00`.
    fn double_format(&mut self, spec: &str, span: Span) -> Option<String> {
        let zeros = |s: &str| !s.is_empty() && s.chars().all(|c| c == '0');
        let (whole, fraction) = spec.split_once('.').unwrap_or((spec, "0"));
        let whole_ok = zeros(whole) || matches!(whole, "#,##0" | "#,0");
        if whole_ok && zeros(fraction) {
            // lib/Double.fs formats these custom patterns itself.
            return Some(spec.to_string());
        }
        let kind = spec.chars().next().unwrap_or('G').to_ascii_uppercase();
        if matches!(kind, 'C' | 'P' | '#' | '0' | '.') {
            let msg = format!("the format `{spec}` of a double is not supported by Flux#");
            self.error(span, msg, "not supported");
            return None;
        }
        // D, X and the rest throw FormatException when they run, as in .NET.
        Some(spec.to_string())
    }

    /// A call of a system library method `Class.name(args)`.
    fn call_system(
        &mut self,
        cx: &mut FnCx,
        class: &str,
        name: &str,
        args: Vec<Expr>,
        span: Span,
    ) -> Expr {
        let ident = ast::Ident {
            name: name.into(),
            span,
        };
        let target = match self.class_ids.get(class) {
            Some(&c) if self.class(c).is_system => Target::Class(c),
            _ => return error_expr(span),
        };
        self.call_member(cx, target, &ident, args, span)
    }
}

/// A value that formatting it twice, or late, cannot change: a constant or
/// a local.
fn is_plain(e: &Expr) -> bool {
    matches!(e.kind, ExprKind::Const(_) | ExprKind::Local(_))
}

/// Reads a composite format string (`"{0,5:D3} and {{{1}}}"`) as .NET's
/// String.Format reads it; the error is .NET's FormatException message.
fn parse_composite(text: &str) -> Result<Vec<Piece>, String> {
    const BAD: &str = "input string was not in a correct format";
    let mut pieces = Vec::new();
    let mut literal = String::new();
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '{' if chars.peek() == Some(&'{') => {
                chars.next();
                literal.push('{');
            }
            '}' if chars.peek() == Some(&'}') => {
                chars.next();
                literal.push('}');
            }
            '}' => return Err(BAD.into()),
            '{' => {
                let mut item = String::new();
                loop {
                    match chars.next() {
                        Some('}') => break,
                        Some(c) => item.push(c),
                        None => return Err(BAD.into()),
                    }
                }
                if !literal.is_empty() {
                    pieces.push(Piece::Text(std::mem::take(&mut literal)));
                }
                pieces.push(format_item(&item).ok_or(BAD)?);
            }
            c => literal.push(c),
        }
    }
    if !literal.is_empty() {
        pieces.push(Piece::Text(literal));
    }
    Ok(pieces)
}

/// `index[,alignment][:format]` inside the braces of a format item.
fn format_item(item: &str) -> Option<Piece> {
    let (head, format) = match item.split_once(':') {
        Some((head, format)) => (head, Some(format.to_string())),
        None => (item, None),
    };
    let (index, align) = match head.split_once(',') {
        Some((index, align)) => (index, Some(align.trim().parse::<i32>().ok()?)),
        None => (head, None),
    };
    let index = index.trim();
    if index.is_empty() || !index.chars().all(|c| c.is_ascii_digit()) {
        return None;
    }
    Some(Piece::Item(
        index.parse().ok()?,
        HoleFormat { align, format },
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn composite_format_strings_read_as_dotnet_reads_them() {
        let item = |i, align, format: Option<&str>| {
            Piece::Item(
                i,
                HoleFormat {
                    align,
                    format: format.map(String::from),
                },
            )
        };
        assert_eq!(
            parse_composite("{0} and {1,4} and {0:D3} {{x}}").unwrap(),
            vec![
                item(0, None, None),
                Piece::Text(" and ".into()),
                item(1, Some(4), None),
                Piece::Text(" and ".into()),
                item(0, None, Some("D3")),
                Piece::Text(" {x}".into()),
            ]
        );
        assert_eq!(
            parse_composite("{0,-5:X}").unwrap(),
            vec![item(0, Some(-5), Some("X"))]
        );
        for bad in ["{0", "x}", "{}", "{a}", "{0,x}"] {
            assert!(parse_composite(bad).is_err(), "{bad}");
        }
    }
}
