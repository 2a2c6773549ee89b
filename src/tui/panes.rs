//! The panes: each one a small struct over `&App` that implements
//! `Widget for &Pane`, so drawing reads the state and never changes it.
//! [`Screen`] lays them out; the helpers here draw a bordered, scrolled list
//! of rows where only the visible rows are built.
//!
//! In: an [`App`]. Out: cells in a ratatui `Buffer`; also each pane's row
//! count and row text (for the cursor and `/` search).

pub mod asm;
pub mod bars;
pub mod lists;
pub mod source;
pub mod states;

use super::app::{App, Mode, PaneId};
use super::layout;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Modifier;
use ratatui::style::Style;
use ratatui::text::Line;
use ratatui::widgets::{Block, BorderType, Widget};

/// The whole screen.
pub struct Screen<'a>(pub &'a App);

impl Widget for &Screen<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let app = self.0;
        buf.set_style(area, app.theme.base());
        let areas = layout::compute(area, app.arrange());
        if areas.too_small {
            bars::too_small(app, area, buf);
            return;
        }
        match &app.session {
            Err(diagnostic) => bars::error_screen(app, diagnostic, area, buf),
            Ok(_) => {
                for (pane, rect) in &areas.panes {
                    render_pane(app, *pane, *rect, buf);
                }
                bars::Bars { app, areas: &areas }.render(area, buf);
            }
        }
        match &app.mode {
            Mode::Help => bars::help(app, area, buf),
            Mode::Legend => bars::legend(app, area, buf),
            Mode::Compare(lines) => bars::compare(app, lines, area, buf),
            Mode::Quiz => bars::quiz(app, area, buf),
            _ => {}
        }
    }
}

/// Draws one pane into its rectangle.
pub fn render_pane(app: &App, pane: PaneId, area: Rect, buf: &mut Buffer) {
    match pane {
        PaneId::Source => source::SourcePane { app }.render(area, buf),
        PaneId::States => states::StatesPane { app }.render(area, buf),
        PaneId::Asm => asm::AsmPane { app }.render(area, buf),
        PaneId::Registers => lists::RegistersPane { app }.render(area, buf),
        PaneId::Stack => lists::StackPane { app }.render(area, buf),
        PaneId::Async => lists::AsyncPane { app }.render(area, buf),
        PaneId::Output => lists::OutputPane { app }.render(area, buf),
    }
}

/// How many rows a pane has (for the cursor).
pub fn row_count(app: &App, pane: PaneId) -> usize {
    let Ok(session) = &app.session else {
        return 0;
    };
    match pane {
        PaneId::Source => session
            .machine
            .program()
            .sources
            .get(app.source_file)
            .line_count(),
        PaneId::States => states::rows(app).len(),
        PaneId::Asm => app.asm_rows(session).len(),
        _ => lists::rows(app, pane).len(),
    }
}

/// The plain text of a row (for search).
pub fn row_text(app: &App, pane: PaneId, row: usize) -> String {
    let Ok(session) = &app.session else {
        return String::new();
    };
    match pane {
        PaneId::Source => session
            .machine
            .program()
            .sources
            .get(app.source_file)
            .line_text(row + 1)
            .to_string(),
        PaneId::States => states::rows(app)
            .get(row)
            .map(|r| line_text(&r.line))
            .unwrap_or_default(),
        PaneId::Asm => asm::row_text(app, session, row),
        _ => lists::rows(app, pane)
            .get(row)
            .map(|l| line_text(&l))
            .unwrap_or_default(),
    }
}

fn line_text(line: &Line) -> String {
    line.spans.iter().map(|s| s.content.as_ref()).collect()
}

/// Draws a pane's border and title; returns the inside. The focused pane
/// is unmistakable without colour too: a thick border and its title in
/// reverse video.
pub fn frame(app: &App, pane: PaneId, title: &str, area: Rect, buf: &mut Buffer) -> Rect {
    let focused = app.focus == pane;
    let (border, title_style) = match focused {
        true => (
            BorderType::Thick,
            app.theme.title().add_modifier(Modifier::REVERSED),
        ),
        false => (BorderType::Plain, app.theme.title()),
    };
    let block = Block::bordered()
        .border_type(border)
        .border_style(app.theme.border(focused))
        .title(Line::styled(format!(" {title} "), title_style));
    let block = match app.zoomed {
        true => block.title_bottom(Line::styled(
            " z: all panes · Tab: the next pane ",
            app.theme.key(),
        )),
        false => block,
    };
    let inner = block.inner(area);
    block.render(area, buf);
    inner
}

/// Draws the visible rows `top..top+height` of a pane: `row(i)` builds row
/// `i` and its row style; the focused pane's cursor row is reversed.
pub fn render_rows<'l>(
    app: &App,
    pane: PaneId,
    inner: Rect,
    buf: &mut Buffer,
    count: usize,
    mut row: impl FnMut(usize) -> (Line<'l>, Style),
) {
    let view = app.views[pane.index()];
    for (y, i) in (view.top..count).take(inner.height as usize).enumerate() {
        let (line, style) = row(i);
        let line = from_column(line, view.left);
        let area = Rect::new(inner.x, inner.y + y as u16, inner.width, 1);
        let style = if i == view.cursor && app.focus == pane {
            style.patch(app.theme.cursor())
        } else {
            style
        };
        buf.set_style(area, style);
        line.render(area, buf);
        // A row style with its own text colour (the CPU's line: dark on
        // yellow) wins over the row's syntax colours, which would not be
        // legible on its background.
        if let Some(fg) = style.fg {
            buf.set_style(area, Style::new().fg(fg));
        }
    }
    // Scrolled sideways: the bottom border says so (and how to come back).
    if view.left > 0 && inner.y + inner.height < buf.area.y + buf.area.height {
        let mark = format!(" ◂ from column {} (←) ", view.left + 1);
        let at = Rect::new(
            inner.x + 1,
            inner.y + inner.height,
            inner.width.saturating_sub(2),
            1,
        );
        Line::styled(mark, app.theme.key()).render(at, buf);
    }
}

/// `line` without its first `left` characters (its spans keep their styles).
fn from_column(line: Line<'_>, left: usize) -> Line<'_> {
    if left == 0 {
        return line;
    }
    let mut skip = left;
    let mut spans = Vec::with_capacity(line.spans.len());
    for span in line.spans {
        let count = span.content.chars().count();
        if skip >= count {
            skip -= count;
            continue;
        }
        let rest: String = span.content.chars().skip(skip).collect();
        skip = 0;
        spans.push(ratatui::text::Span::styled(rest, span.style));
    }
    Line::from(spans).style(line.style)
}
