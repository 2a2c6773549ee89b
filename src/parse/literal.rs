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

/// The UTF-16 code units of a regular string or char literal body (without
/// quotes), with escapes decoded, each with the offset of the text it came
/// from. `offset` is where `body` starts inside the token. Units, not
/// characters: C#'s `'\uD83D'` is one char, half of a surrogate pair.
fn unescape_units(body: &str, offset: usize) -> Result<Vec<(u16, usize)>, LiteralError> {
    let mut out = Vec::with_capacity(body.len());
    let mut chars = body.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        let at = offset + i;
        if c != '\\' {
            let mut buf = [0u16; 2];
            out.extend(c.encode_utf16(&mut buf).iter().map(|&u| (u, at)));
            continue;
        }
        let Some((_, e)) = chars.next() else {
            return Err(err(at, 1, "unfinished escape sequence"));
        };
        let simple = match e {
            'n' => Some('\n'),
            't' => Some('\t'),
            'r' => Some('\r'),
            '0' => Some('\0'),
            'a' => Some('\u{7}'),
            'b' => Some('\u{8}'),
            'f' => Some('\u{c}'),
            'v' => Some('\u{b}'),
            'e' => Some('\u{1b}'),
            '\\' | '\'' | '"' => Some(e),
            _ => None,
        };
        if let Some(ch) = simple {
            out.push((ch as u16, at));
            continue;
        }
        // `\uXXXX` (exactly four digits), `\xH..HHHH` (one to four),
        // `\UXXXXXXXX` (eight, a whole code point).
        let (min, max, what) = match e {
            'u' => (4, 4, "`\\u` must be followed by four hex digits"),
            'x' => (1, 4, "`\\x` must be followed by one to four hex digits"),
            'U' => (8, 8, "`\\U` must be followed by eight hex digits"),
            other => {
                let len = 1 + other.len_utf8();
                return Err(err(at, len, format!("unknown escape sequence `\\{other}`")));
            }
        };
        let mut value = 0u32;
        let mut digits = 0;
        while digits < max {
            match chars.peek().and_then(|&(_, d)| d.to_digit(16)) {
                Some(d) => {
                    value = value * 16 + d;
                    digits += 1;
                    chars.next();
                }
                None => break,
            }
        }
        if digits < min {
            return Err(err(at, 2, what));
        }
        if e != 'U' {
            out.push((value as u16, at));
            continue;
        }
        let Some(ch) = char::from_u32(value) else {
            return Err(err(
                at,
                2 + digits,
                "unrecognized escape sequence: not a Unicode character",
            ));
        };
        let mut buf = [0u16; 2];
        out.extend(ch.encode_utf16(&mut buf).iter().map(|&u| (u, at)));
    }
    Ok(out)
}

/// The text of a string literal body: its code units as UTF-8. A surrogate
/// pair written as two escapes (`"\uD83D\uDE00"`) is one character; a lone
/// half cannot be written as UTF-8, so it is reported.
fn unescape(body: &str, offset: usize) -> Result<String, LiteralError> {
    let units = unescape_units(body, offset)?;
    let mut text = String::with_capacity(units.len());
    let decoded = char::decode_utf16(units.iter().map(|&(u, _)| u));
    let mut index = 0;
    for ch in decoded {
        match ch {
            Ok(ch) => {
                index += ch.len_utf16();
                text.push(ch);
            }
            Err(_) => {
                let at = units[index].1;
                return Err(err(
                    at,
                    6,
                    "a lone surrogate (half of a UTF-16 pair) in a string literal is not supported by Flux#",
                ));
            }
        }
    }
    Ok(text)
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
    let units = unescape_units(&token[1..token.len() - 1], 1)?;
    match units[..] {
        [(unit, _)] => Ok(unit),
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

    #[test]
    fn utf16_escapes() {
        assert_eq!(char(r"'\uD83D'"), Ok(0xD83D));
        assert_eq!(char(r"'\x41'"), Ok(0x41));
        assert_eq!(char(r"'\x0041'"), Ok(0x41));
        assert_eq!(string(r#""\uD83D\uDE00""#).unwrap(), "\u{1F600}");
        assert_eq!(string(r#""\U0001F600!""#).unwrap(), "\u{1F600}!");
        assert_eq!(string(r#""\x41g""#).unwrap(), "Ag");
        let lone = string(r#""ab\uD83D""#).unwrap_err();
        assert_eq!(lone.offset, 3);
        assert!(lone.message.contains("lone surrogate"));
        assert!(
            char(r"'\U0001F600'").is_err(),
            "two units do not fit in a char"
        );
    }
}
