//! Pest's parse errors → one readable [`Diagnostic`].
//!
//! In: a pest error (parsed with error detail on, so it lists the tokens it
//! tried at the furthest position) and the file text. Out: "expected `;`,
//! found `int`", "expected an expression, found `)`", … at that position.
//! Rule names never reach the user: the expected tokens are sorted into a few
//! human categories (statement, member, expression, type, name, a punctuation
//! token) by looking at which marker tokens pest tried there.

use super::build;
use super::grammar::Rule;
use crate::diag::Diagnostic;
use crate::source::{FileId, Span};
use pest::error::{Error, InputLocation};
use std::collections::BTreeSet;

/// The label every syntax error carries (see `parse::is_syntax_error`).
pub const LABEL: &str = "syntax error";

const EXPECTED_NAME: &str = "expected a name";

/// Punctuation worth naming on its own, most helpful first.
const PUNCTUATION: [&str; 6] = ["}", "{", "(", ":", "=>", ">"];

pub fn to_diagnostic(error: &Error<Rule>, text: &str, file: FileId) -> Diagnostic {
    let pos = match error.location {
        InputLocation::Pos(p) => p,
        InputLocation::Span((start, _)) => start,
    };
    let pos = pos.min(text.len());
    let found = found_token(text, pos);
    let message = match error.variant {
        pest::error::ErrorVariant::CustomError { ref message } if message.contains("limit") => {
            // pest's own guard against deep recursion (e.g. thousands of nested `if`s).
            "nesting too deep for the parser".to_string()
        }
        _ => {
            let expected: BTreeSet<String> = error
                .parse_attempts()
                .map(|a| a.expected_tokens().iter().map(|t| t.to_string()).collect())
                .unwrap_or_default();
            let rules: BTreeSet<Rule> = match &error.variant {
                pest::error::ErrorVariant::ParsingError { positives, .. } => {
                    positives.iter().copied().collect()
                }
                _ => BTreeSet::new(),
            };
            let expected = describe_expected(&expected, &rules, found.is_none());
            match found {
                // `int class = 1;`: the grammar's keywords are not names either.
                Some(word) if expected == EXPECTED_NAME && build::is_csharp_keyword(word) => {
                    build::keyword_as_name_message(word)
                }
                _ => format!("{expected}, found {}", describe_found(found)),
            }
        }
    };
    let len = found.map_or(0, str::len);
    Diagnostic::error(Span::new(file, pos, pos + len), message).with_label(LABEL)
}

/// What the parser wanted, in words: from the rules that failed at the
/// position (which tell the context: statement, member, expression, …) and
/// the literal tokens it tried there.
fn describe_expected(expected: &BTreeSet<String>, rules: &BTreeSet<Rule>, at_end: bool) -> String {
    let has = |t: &str| expected.contains(t);
    let rule = |r: Rule| rules.contains(&r);
    if at_end && has("}") {
        return "expected `}`".into();
    }
    for closer in [")", "]"] {
        if has(closer) {
            return format!("expected `{closer}`");
        }
    }
    if rule(Rule::member_decl) {
        return "expected a member declaration or `}`".into();
    }
    if rule(Rule::top_decl) || rule(Rule::EOI) {
        return "expected a class or function declaration".into();
    }
    if rule(Rule::block) || rule(Rule::empty_stmt) {
        return if has("}") {
            "expected a statement or `}`"
        } else {
            "expected a statement"
        }
        .into();
    }
    // After a complete expression: the statement should end here.
    if has(";") || rule(Rule::assign_op) || rule(Rule::lambda_arrow) {
        return "expected `;`".into();
    }
    if rule(Rule::expr) || rule(Rule::array_initializer) {
        return "expected an expression".into();
    }
    if rule(Rule::ty) || rule(Rule::class_type) || rule(Rule::predefined_type) {
        return "expected a type".into();
    }
    if rule(Rule::ident) {
        return EXPECTED_NAME.into();
    }
    if let Some(p) = PUNCTUATION.iter().find(|p| has(p)) {
        return format!("expected `{p}`");
    }
    "unexpected input".into()
}

fn describe_found(found: Option<&str>) -> String {
    match found {
        None => "end of file".into(),
        Some(t) => format!("`{}`", t.escape_debug()),
    }
}

/// The token that starts at `pos`, roughly as a C# lexer would cut it.
fn found_token(text: &str, pos: usize) -> Option<&str> {
    let rest = text.get(pos..)?;
    let first = rest.chars().next()?;
    let len = if first.is_alphanumeric() || first == '_' {
        rest.find(|c: char| !(c.is_alphanumeric() || c == '_'))
            .unwrap_or(rest.len())
    } else {
        const TWO: [&str; 18] = [
            "==", "!=", "<=", ">=", "&&", "||", "++", "--", "+=", "-=", "*=", "/=", "=>", "??",
            "<<", ">>", "%=", "::",
        ];
        if TWO.iter().any(|t| rest.starts_with(t)) {
            2
        } else {
            first.len_utf8()
        }
    };
    Some(&rest[..len])
}
