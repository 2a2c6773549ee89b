//! The x86-64 pane: address, bytes (`x`), the NASM text coloured by token
//! kind, the code generator's teaching comment; the CPU's instruction marked,
//! the current source line's block tinted, source lines interleaved (`i`).

use super::{frame, render_rows};
use crate::tui::app::{App, PaneId};
use crate::tui::session::{AsmRow, Session};
use crate::tui::text;
use crate::tui::theme::Theme;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;

pub struct AsmPane<'a> {
    pub app: &'a App,
}

impl Widget for &AsmPane<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let app = self.app;
        let Ok(session) = &app.session else {
            return;
        };
        let pc = session.pc_index();
        let title = match pc {
            Some(i) => format!(
                "{} · {}",
                text::TITLE_ASM,
                session.image().map[i].origin.function
            ),
            None => text::TITLE_ASM.to_string(),
        };
        let inner = frame(app, PaneId::Asm, &title, area, buf);
        let cpu_line = pc.and_then(|i| session.insn_line[i]);
        let rows = app.asm_rows(session);
        render_rows(app, PaneId::Asm, inner, buf, rows.len(), |r| {
            match rows[r] {
                AsmRow::Label(s) => (
                    Line::styled(
                        format!("{}:", session.image().symbols[s].name),
                        app.theme.symbol(),
                    ),
                    Style::new(),
                ),
                AsmRow::Source(file, line) => {
                    (source_line(session, file, line, app.theme), Style::new())
                }
                AsmRow::Insn(i) => {
                    let style = if pc == Some(i) {
                        app.theme.current()
                    } else if app.highlight.insns.contains(&i) {
                        app.theme.linked()
                    } else if cpu_line.is_some() && session.insn_line[i] == cpu_line {
                        app.theme.block()
                    } else {
                        Style::new()
                    };
                    (insn_line(app, session, i, pc == Some(i)), style)
                }
            }
        });
    }
}

fn source_line(
    session: &Session,
    file: crate::source::FileId,
    line: usize,
    theme: Theme,
) -> Line<'static> {
    let f = session.machine.program().sources.get(file);
    Line::styled(
        format!("  {}:{line}  {}", f.name, f.line_text(line).trim()),
        theme.comment(),
    )
}

/// `● ▶ 401234  48 89 e5  mov rbp, rsp   ; this function's frame starts here`
fn insn_line(app: &App, session: &Session, i: usize, here: bool) -> Line<'static> {
    let entry = &session.image().map[i];
    let theme = app.theme;
    let bp = session.insn_has_breakpoint(i);
    let mut spans = vec![
        Span::styled(if bp { "●" } else { " " }, theme.breakpoint()),
        Span::raw(if here { "▶" } else { " " }),
        Span::styled(format!("{:x}  ", entry.addr), theme.dim()),
    ];
    if app.show_bytes {
        let bytes: Vec<String> = session
            .image()
            .insn_bytes(entry)
            .iter()
            .map(|b| format!("{b:02x}"))
            .collect();
        spans.push(Span::styled(
            format!("{:<24} ", bytes.join(" ")),
            theme.dim(),
        ));
    }
    let tokens = colour_nasm(&entry.text, theme);
    let width: usize = tokens.iter().map(|s| s.content.chars().count()).sum();
    spans.extend(tokens);
    if !entry.origin.explain.is_empty() {
        spans.push(Span::raw(" ".repeat(30usize.saturating_sub(width) + 1)));
        spans.push(Span::styled(
            format!("; {}", entry.origin.explain),
            theme.comment(),
        ));
    }
    Line::from(spans)
}

/// The text of a row, for search.
pub fn row_text(app: &App, session: &Session, row: usize) -> String {
    match app.asm_rows(session).get(row) {
        Some(AsmRow::Label(s)) => session.image().symbols[*s].name.clone(),
        Some(AsmRow::Source(f, l)) => session
            .machine
            .program()
            .sources
            .get(*f)
            .line_text(*l)
            .to_string(),
        Some(AsmRow::Insn(i)) => {
            let e = &session.image().map[*i];
            format!("{:x} {} ; {}", e.addr, e.text, e.origin.explain)
        }
        None => String::new(),
    }
}

const SIZES: [&str; 7] = ["byte", "word", "dword", "qword", "rel", "ptr", "short"];

/// Colours NASM text by token kind: mnemonic, register, number, size/rel
/// keyword, symbol; punctuation stays plain.
pub fn colour_nasm(text: &str, theme: Theme) -> Vec<Span<'static>> {
    let mut spans = Vec::new();
    let (mnemonic, operands) = text.split_once(char::is_whitespace).unwrap_or((text, ""));
    spans.push(Span::styled(format!("{mnemonic:<7} "), theme.mnemonic()));
    let mut rest = operands.trim_start();
    while !rest.is_empty() {
        let c = rest.chars().next().expect("not empty");
        let len = if is_word_char(c) {
            rest.find(|ch: char| !is_word_char(ch))
                .unwrap_or(rest.len())
        } else {
            c.len_utf8()
        };
        let (token, tail) = rest.split_at(len);
        let style = if !is_word_char(c) {
            Style::new()
        } else if c.is_ascii_digit() {
            theme.number()
        } else if is_register(token) {
            theme.register()
        } else if SIZES.contains(&token) {
            theme.keyword()
        } else {
            theme.symbol()
        };
        spans.push(Span::styled(token.to_string(), style));
        rest = tail;
    }
    spans
}

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || matches!(c, '_' | '.' | '$' | '@')
}

/// General-purpose register names in all widths.
pub fn is_register(token: &str) -> bool {
    const NAMED: [&str; 8] = ["ax", "bx", "cx", "dx", "si", "di", "sp", "bp"];
    let t = token.to_ascii_lowercase();
    let t = t.as_str();
    if t == "rip" || t == "rflags" {
        return true;
    }
    let legacy = t
        .strip_prefix('r')
        .or_else(|| t.strip_prefix('e'))
        .unwrap_or(t);
    if NAMED.contains(&legacy)
        || matches!(
            t,
            "al" | "bl" | "cl" | "dl" | "sil" | "dil" | "spl" | "bpl" | "ah" | "bh" | "ch" | "dh"
        )
    {
        return true;
    }
    t.strip_prefix('r').is_some_and(|n| {
        let digits = n.trim_end_matches(['b', 'w', 'd']);
        digits.parse::<u8>().is_ok_and(|k| (8..=15).contains(&k))
    })
}

/// The register names an instruction mentions (for the explanation line).
pub fn registers_in(text: &str) -> Vec<String> {
    let mut names: Vec<String> = Vec::new();
    for token in text.split(|c: char| !is_word_char(c)).skip(1) {
        if is_register(token) && !names.iter().any(|n| n == token) {
            names.push(token.to_string());
        }
    }
    names
}
