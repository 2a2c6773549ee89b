//! A quick lexical pass before pest runs.
//!
//! In: the text of one file. Out: `Ok(())`, or the first problem that would
//! make pest (or a later recursive stage) misbehave or report something
//! unhelpful: brackets nested deeper than the limit (pest and every later stage
//! recurse once per level, so 10,000 levels would overflow the stack), an
//! unterminated block comment, string or interpolated string.
//!
//! It knows just enough of the lexical grammar (comments, string, verbatim,
//! interpolated and char literals) not to count brackets inside them, and it
//! counts the holes of `$"…{…}…"` as nesting, since they recurse too. It
//! scans bytes: every structural character is ASCII, and UTF-8 continuation
//! bytes never look like ASCII.

/// A problem found by the scan, as a byte range and a message.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    pub start: usize,
    pub len: usize,
    pub message: String,
}

fn problem(start: usize, len: usize, message: impl Into<String>) -> Problem {
    Problem {
        start,
        len,
        message: message.into(),
    }
}

/// An open hole of an interpolated string: the bracket depth outside it and
/// where its string started (for the "unterminated" message).
struct Hole {
    depth: usize,
    string_start: usize,
}

/// Where scanning the text part of an interpolated string stopped.
enum InterpStop {
    /// At the closing quote; scanning resumes after it.
    Closed(usize),
    /// At a `{` that opens a hole; code scanning resumes after it.
    Hole(usize),
}

pub fn check(text: &str, max_depth: usize) -> Result<(), Problem> {
    let b = text.as_bytes();
    let mut depth = 0usize;
    let mut holes: Vec<Hole> = Vec::new();
    let mut i = 0;
    let too_deep = |at: usize| {
        problem(
            at,
            1,
            format!("nesting too deep (more than {max_depth} levels)"),
        )
    };
    while i < b.len() {
        let next = b.get(i + 1).copied();
        match (b[i], next) {
            (b'/', Some(b'/')) => i = line_end(b, i),
            (b'/', Some(b'*')) => match find(b, i + 2, b"*/") {
                Some(end) => i = end + 2,
                None => return Err(problem(i, 2, "unterminated block comment")),
            },
            (b'"', _) => i = regular_string_end(b, i)?,
            (b'@', Some(b'"')) => i = verbatim_string_end(b, i)?,
            (b'$', Some(b'"')) => match interp_text(b, i + 2, i)? {
                InterpStop::Closed(end) => i = end,
                InterpStop::Hole(after) => {
                    holes.push(Hole {
                        depth,
                        string_start: i,
                    });
                    depth += 1;
                    if depth > max_depth {
                        return Err(too_deep(after - 1));
                    }
                    i = after;
                }
            },
            (b'\'', _) => i = char_end(b, i),
            (b'(' | b'[' | b'{', _) => {
                depth += 1;
                if depth > max_depth {
                    return Err(too_deep(i));
                }
                i += 1;
            }
            (b'}', _) if holes.last().is_some_and(|h| h.depth + 1 == depth) => {
                let hole = holes.pop().expect("checked by the guard");
                depth -= 1;
                match interp_text(b, i + 1, hole.string_start)? {
                    InterpStop::Closed(end) => i = end,
                    InterpStop::Hole(after) => {
                        holes.push(hole);
                        depth += 1;
                        i = after;
                    }
                }
            }
            (b')' | b']' | b'}', _) => {
                depth = depth.saturating_sub(1);
                i += 1;
            }
            _ => i += 1,
        }
    }
    Ok(())
}

fn line_end(b: &[u8], from: usize) -> usize {
    b[from..]
        .iter()
        .position(|&c| c == b'\n')
        .map_or(b.len(), |p| from + p)
}

fn find(b: &[u8], from: usize, needle: &[u8]) -> Option<usize> {
    b.get(from..)?
        .windows(needle.len())
        .position(|w| w == needle)
        .map(|p| from + p)
}

/// `"…"` on one line, with backslash escapes; returns the offset after it.
fn regular_string_end(b: &[u8], start: usize) -> Result<usize, Problem> {
    let mut i = start + 1;
    while i < b.len() {
        match b[i] {
            b'\\' => i += 2,
            b'"' => return Ok(i + 1),
            b'\n' => break,
            _ => i += 1,
        }
    }
    Err(problem(start, 1, "unterminated string literal"))
}

/// `@"…"` (may span lines, `""` is a quote); returns the offset after it.
fn verbatim_string_end(b: &[u8], start: usize) -> Result<usize, Problem> {
    let mut i = start + 2;
    while i < b.len() {
        match (b[i], b.get(i + 1)) {
            (b'"', Some(b'"')) => i += 2,
            (b'"', _) => return Ok(i + 1),
            _ => i += 1,
        }
    }
    Err(problem(start, 2, "unterminated string literal"))
}

/// The text part of `$"…"` from `from` to the closing quote or the next hole.
fn interp_text(b: &[u8], from: usize, string_start: usize) -> Result<InterpStop, Problem> {
    let mut i = from;
    while i < b.len() {
        match (b[i], b.get(i + 1)) {
            (b'\\', _) | (b'{', Some(b'{')) | (b'}', Some(b'}')) => i += 2,
            (b'{', _) => return Ok(InterpStop::Hole(i + 1)),
            (b'"', _) => return Ok(InterpStop::Closed(i + 1)),
            (b'\n', _) => break,
            _ => i += 1,
        }
    }
    Err(problem(string_start, 2, "unterminated string literal"))
}

/// Skips `'x'`, `'\n'`, `'\u0041'`; a malformed one is left to the grammar.
fn char_end(b: &[u8], start: usize) -> usize {
    let window = &b[start + 1..b.len().min(start + 9)];
    let body_len = if window.first() == Some(&b'\\') { 2 } else { 1 };
    match window.iter().skip(body_len).position(|&c| c == b'\'') {
        Some(p) if !window[..body_len + p].contains(&b'\n') => start + 1 + body_len + p + 1,
        _ => start + 1,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn brackets_in_literals_and_comments_do_not_count() {
        let text = r#"a("((((", '(', @"(((", /* ((( */ $"{x}((( {{ " ) // (((("#;
        assert_eq!(check(text, 2), Ok(()));
    }

    #[test]
    fn deep_nesting_is_reported_at_the_deepest_bracket() {
        let text = "((((x))))";
        assert_eq!(check(text, 3).unwrap_err().start, 3);
    }

    #[test]
    fn holes_nest() {
        assert_eq!(check(r#"$"{ $"{ (x) }" }""#, 3), Ok(()));
        assert!(check(r#"$"{ $"{ (x) }" }""#, 2).is_err());
    }

    #[test]
    fn unterminated_things() {
        assert_eq!(
            check("x /* y", 9).unwrap_err().message,
            "unterminated block comment"
        );
        assert_eq!(
            check("x = \"abc\n", 9).unwrap_err().message,
            "unterminated string literal"
        );
        assert_eq!(check("$\"a{x}b", 9).unwrap_err().start, 0);
    }
}
