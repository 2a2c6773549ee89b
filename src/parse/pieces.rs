//! Parsing a file one piece at a time, so that the parser's memory is
//! bounded by the largest member rather than by the whole file.
//!
//! In: a file's text and a [`Builder`]. Out: the file's entries, or `None`
//! when a piece does not parse — the caller then parses the whole file
//! again, which gives the syntax error with pest's full detail (only failing
//! files pay for that). pest keeps every token of a parse in one queue until
//! its pairs are dropped (about 35 bytes per source byte); parsed in pieces,
//! each piece is built into the syntax tree and its queue freed before the
//! next one is parsed.
//!
//! The pieces are the grammar's `piece_*` rules: at the top level (and in a
//! namespace) a namespace or class opening, a closing brace, or any other
//! top-level item whole; in a class body, a nested class opening, the
//! closing brace, or a member whole.

use super::build::{Builder, Entry, OpenClass};
use super::grammar::{FluxParser, Rule};
use crate::source::FileId;
use pest::Parser;

/// What is open around the next piece (a handful at a time: the size of
/// a class being built does not matter).
#[allow(clippy::large_enum_variant)]
enum Open {
    Namespace,
    Class(OpenClass),
}

/// Builds the entries of `text` (the whole file) piece by piece.
pub fn parse(builder: &mut Builder, file: FileId, text: &str) -> Option<Vec<Entry>> {
    let mut entries = Vec::new();
    let mut open: Vec<Open> = Vec::new();
    let mut pos = if text.starts_with('\u{FEFF}') { 3 } else { 0 };
    loop {
        let rule = match open.last() {
            None => Rule::piece_top,
            Some(Open::Namespace) => Rule::piece_namespace,
            Some(Open::Class(_)) => Rule::piece_member,
        };
        let piece = FluxParser::parse(rule, &text[pos..]).ok()?.next()?;
        builder.set_base(pos);
        let end = pos + piece.as_span().end();
        // A lone `;` is a piece with nothing in it.
        if let Some(pair) = piece.into_inner().next() {
            match pair.as_rule() {
                Rule::EOI => {
                    builder.finish(&mut entries);
                    return Some(entries);
                }
                Rule::namespace_open => {
                    builder.namespace_open(&pair);
                    open.push(Open::Namespace);
                }
                Rule::namespace_close => {
                    builder.namespace_close();
                    open.pop();
                }
                Rule::class_open => open.push(Open::Class(builder.class_open(pair))),
                Rule::class_close => {
                    let Some(Open::Class(class)) = open.pop() else {
                        unreachable!("grammar: class_close only inside a class")
                    };
                    let items = class.close(builder.end(&pair), file);
                    match open.last_mut() {
                        Some(Open::Class(outer)) => outer.nest(items),
                        _ => entries.extend(items.map(Entry::Item)),
                    }
                }
                _ => match open.last_mut() {
                    Some(Open::Class(class)) => builder.member(pair, class),
                    _ => builder.top_item(pair, &mut entries),
                },
            }
        }
        pos = end;
    }
}
