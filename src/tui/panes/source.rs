//! The source pane: the Flux# file with line numbers, the CPU's line (▶),
//! breakpoints (●), and the lines matching the selection tinted.

use super::{frame, render_rows};
use crate::machine::Breakpoint;
use crate::tui::app::{App, PaneId};
use crate::tui::text;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;

pub struct SourcePane<'a> {
    pub app: &'a App,
}

impl Widget for &SourcePane<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let app = self.app;
        let Ok(session) = &app.session else {
            return;
        };
        let file = session.machine.program().sources.get(app.source_file);
        let cpu_line = session
            .pc_index()
            .and_then(|i| session.insn_line[i])
            .filter(|(f, _)| *f == app.source_file)
            .map(|(_, l)| l);
        // After a failed check the CPU is in the runtime's fail$… routine:
        // the line whose check failed is marked instead.
        let failed = session
            .failure()
            .filter(|_| cpu_line.is_none() && app.source_file == session.main_file)
            .and_then(|e| Some((e.line? as usize, e.exception.clone().unwrap_or_default())));
        let where_cpu = match (cpu_line, &failed) {
            (Some(_), _) => String::new(),
            (None, Some((line, exception))) => format!(" · line {line} threw {exception}"),
            (None, None) => session
                .pc_index()
                .map(|i| format!(" · CPU in {}", session.image().map[i].origin.function))
                .unwrap_or_default(),
        };
        let failed_line = failed.map(|(line, _)| line);
        let title = format!("{}: {}{where_cpu}", text::TITLE_SOURCE, file.name);
        let inner = frame(app, PaneId::Source, &title, area, buf);
        let theme = app.theme;
        let width = digits(file.line_count());
        render_rows(app, PaneId::Source, inner, buf, file.line_count(), |i| {
            let line = i + 1;
            let here = cpu_line == Some(line);
            let bp = session.has_breakpoint(&Breakpoint::Line {
                file: app.source_file,
                line,
            });
            let linked = app.highlight.lines.contains(&(app.source_file, line));
            let threw = failed_line == Some(line);
            let style = match (here, linked, threw) {
                (true, _, _) => theme.current(),
                (_, _, true) => theme.error(),
                (false, true, _) => theme.linked(),
                _ => Style::new(),
            };
            let marker = match (here, threw) {
                (true, _) => "▶ ",
                (_, true) => "✗ ",
                _ => "  ",
            };
            let gutter = vec![
                Span::styled(if bp { "●" } else { " " }, theme.breakpoint()),
                Span::styled(format!("{line:>width$} "), theme.dim()),
                Span::raw(marker),
            ];
            let mut spans = gutter;
            spans.extend(highlight_flux(file.line_text(line), theme));
            (Line::from(spans), style)
        });
    }
}

fn digits(n: usize) -> usize {
    n.max(1).to_string().len()
}

const KEYWORDS: [&str; 24] = [
    "async", "await", "class", "static", "void", "int", "long", "bool", "string", "return", "if",
    "else", "for", "while", "new", "using", "public", "private", "Task", "var", "true", "false",
    "null", "this",
];

/// Simple colouring of a Flux# line: keywords, numbers, strings, comments.
fn highlight_flux(line: &str, theme: crate::tui::theme::Theme) -> Vec<Span<'static>> {
    let text = line.trim_end_matches(['\r', '\n']).replace('\t', "    ");
    if let Some(at) = text.find("//") {
        let (code, comment) = text.split_at(at);
        let mut spans = words(code, theme);
        spans.push(Span::styled(comment.to_string(), theme.comment()));
        return spans;
    }
    words(&text, theme)
}

fn words(code: &str, theme: crate::tui::theme::Theme) -> Vec<Span<'static>> {
    let mut spans = Vec::new();
    let mut rest = code;
    while !rest.is_empty() {
        let c = rest.chars().next().expect("not empty");
        let len = if c == '"' {
            rest[1..].find('"').map_or(rest.len(), |e| e + 2)
        } else if c.is_alphanumeric() || c == '_' {
            rest.find(|ch: char| !(ch.is_alphanumeric() || ch == '_'))
                .unwrap_or(rest.len())
        } else {
            c.len_utf8()
        };
        let (word, tail) = rest.split_at(len);
        let style = if c == '"' || c.is_ascii_digit() {
            theme.number()
        } else if KEYWORDS.contains(&word) {
            theme.keyword()
        } else {
            Style::new()
        };
        spans.push(Span::styled(word.to_string(), style));
        rest = tail;
    }
    spans
}
