//! The x86-64 pane: address, bytes (`x`), the NASM text coloured by the
//! kind the formatter gave each token, the code generator's teaching
//! comment; the CPU's instruction marked, the current source line's block
//! tinted, source lines interleaved (`i`).

use super::{frame, render_rows};
use crate::asm::TokenKind;
use crate::link::MapEntry;
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
    let tokens = colour_insn(entry, theme);
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

/// Colours an instruction by the kind the formatter gave each token:
/// mnemonic, register, number, size/branch keyword, symbol; punctuation
/// stays plain.
pub fn colour_insn(entry: &MapEntry, theme: Theme) -> Vec<Span<'static>> {
    entry
        .token_texts()
        .map(|(kind, text)| {
            let style = match kind {
                TokenKind::Mnemonic => theme.mnemonic(),
                TokenKind::Register => theme.register(),
                TokenKind::Number => theme.number(),
                TokenKind::Keyword => theme.keyword(),
                TokenKind::Symbol => theme.symbol(),
                TokenKind::Punctuation => Style::new(),
            };
            Span::styled(text.to_string(), style)
        })
        .collect()
}
