//! Decoding of literal tokens: integers, characters and strings with escapes.
//!
//! In: the exact text of a literal token as the grammar matched it. Out: its
//! value, or an error message with the byte offset (relative to the token)
//! where the problem is, so the caller can point at the bad escape.

/// A decoding failure: what is wrong and where, relative to the token start.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LiteralError {
    pub offset: usize,
    pub len: usize,
    pub message: String,
}

fn err(offset: usize, len: usize, message: impl Into<String>) -> LiteralError {
    LiteralError {
        offset,
        len,
        message: message.into(),
    }
}

/// Value and `L` suffix of `123`, `0x1F`, `0b101`, `1_000L`.
pub fn integer(token: &str) -> Result<(u64, bool), LiteralError> {
    let long_suffix = token.ends_with(['L', 'l']);
    let body = token.trim_end_matches(['L', 'l']);
    let (digits, radix) = match body.get(..2) {
        Some("0x" | "0X") => (&body[2..], 16),
        Some("0b" | "0B") => (&body[2..], 2),
        _ => (body, 10),
    };
    let digits: String = digits.chars().filter(|&c| c != '_').collect();
    let too_large = || err(0, token.len(), "integer literal is too large");
    if digits.is_empty() {
        return Err(err(0, token.len(), "integer literal has no digits"));
    }
    let value = u64::from_str_radix(&digits, radix).map_err(|_| too_large())?;
    Ok((value, long_suffix))
}

/// The value of a `double` literal (`1.5`, `.5`, `1e-3`, `2d`, `1_000.5`):
/// the nearest double, as C# rounds it. The `f` and `m` suffixes (`float`,
/// `decimal`) are not Flux#'s.
pub fn double(token: &str) -> Result<f64, LiteralError> {
    let suffix = token
        .chars()
        .last()
        .filter(|c| c.is_ascii_alphabetic() && !matches!(c, 'e' | 'E'));
    match suffix {
        Some('f' | 'F') => {
            return Err(err(
                0,
                token.len(),
                "`float` literals are not supported by Flux# (write a `double`: drop the `f`)",
            ));
        }
        Some('m' | 'M') => {
            return Err(err(
                0,
                token.len(),
                "`decimal` literals are not supported by Flux# (write a `double`: drop the `m`)",
            ));
        }
        _ => {}
    }
    let body: String = token
        .trim_end_matches(['d', 'D'])
        .chars()
        .filter(|&c| c != '_')
        .collect();
    match body.parse::<f64>() {
        Ok(v) if v.is_finite() => Ok(v),
        // C#: CS0594, "Floating-point constant is outside the range of type 'double'".
        _ => Err(err(
            0,
            token.len(),
            "floating-point constant is outside the range of type `double`",
        )),
    }
}

/// The characters of a regular string or char literal body (without quotes),
/// with escapes decoded. `offset` is where `body` starts inside the token.
fn unescape(body: &str, offset: usize) -> Result<String, LiteralError> {
    let mut out = String::with_capacity(body.len());
    let mut chars = body.char_indices();
    while let Some((i, c)) = chars.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        let Some((_, e)) = chars.next() else {
            return Err(err(offset + i, 1, "unfinished escape sequence"));
        };
        let decoded = match e {
            'n' => '\n',
            't' => '\t',
            'r' => '\r',
            '0' => '\0',
            'a' => '\u{7}',
            'b' => '\u{8}',
            'f' => '\u{c}',
            'v' => '\u{b}',
            '\\' => '\\',
            '\'' => '\'',
            '"' => '"',
            'u' => {
                let hex = body
                    .get(i + 2..i + 6)
                    .filter(|h| h.chars().all(|c| c.is_ascii_hexdigit()));
                let code = hex
                    .and_then(|h| u32::from_str_radix(h, 16).ok())
                    .and_then(char::from_u32);
                let Some(ch) = code else {
                    return Err(err(
                        offset + i,
                        2,
                        "`\\u` must be followed by four hex digits",
                    ));
                };
                for _ in 0..4 {
                    chars.next();
                }
                ch
            }
            other => {
                let len = 1 + other.len_utf8();
                return Err(err(
                    offset + i,
                    len,
                    format!("unknown escape sequence `\\{other}`"),
                ));
            }
        };
        out.push(decoded);
    }
    Ok(out)
}

/// `"a\tb"` → `a<tab>b`.
pub fn string(token: &str) -> Result<String, LiteralError> {
    unescape(&token[1..token.len() - 1], 1)
}

/// `@"C:\dir ""quoted"""` → `C:\dir "quoted"`.
pub fn verbatim_string(token: &str) -> String {
    token[2..token.len() - 1].replace("\"\"", "\"")
}

/// A piece of text between holes of `$"…"`: escapes plus `{{` and `}}`.
/// `offset` is where the piece starts relative to the interpolated token.
pub fn interpolated_text(piece: &str, offset: usize) -> Result<String, LiteralError> {
    Ok(unescape(piece, offset)?
        .replace("{{", "{")
        .replace("}}", "}"))
}

/// `'a'`, `'\n'`, `'\u0041'` → one UTF-16 code unit.
pub fn char(token: &str) -> Result<u16, LiteralError> {
    let text = unescape(&token[1..token.len() - 1], 1)?;
    let mut units = text.encode_utf16();
    match (units.next(), units.next()) {
        (Some(unit), None) => Ok(unit),
        _ => Err(err(
            0,
            token.len(),
            "character literal does not fit in a `char`",
        )),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn integers() {
        assert_eq!(integer("42"), Ok((42, false)));
        assert_eq!(integer("42L"), Ok((42, true)));
        assert_eq!(integer("0xFF"), Ok((255, false)));
        assert_eq!(integer("0b1_01"), Ok((5, false)));
        assert_eq!(integer("1_000"), Ok((1000, false)));
        assert!(integer("99999999999999999999").is_err());
    }

    #[test]
    fn escapes() {
        assert_eq!(string(r#""a\tb\\\"\0""#).unwrap(), "a\tb\\\"\0");
        assert_eq!(string(r#""\u0041""#).unwrap(), "A");
        assert_eq!(string(r#""x\q""#).unwrap_err().offset, 2);
        assert_eq!(char(r"'\n'"), Ok(10));
        assert_eq!(char(r"'\''"), Ok(39));
        assert_eq!(verbatim_string(r#"@"a""b\n""#), "a\"b\\n");
        assert_eq!(interpolated_text("{{x}}", 2).unwrap(), "{x}");
    }
}
