//! The one-line bars around the panes — title, explanation of the selected
//! instruction, timeline strip, narration / last event, key hints or prompt —
//! and the full-screen states: help overlay, compile error, too small.

use crate::tui::app::{App, Mode, PromptKind, BINDINGS};
use crate::tui::layout::Areas;
use crate::tui::session::Session;
use crate::tui::text;
use ratatui::buffer::Buffer;
use ratatui::layout::{Alignment, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, Paragraph, Widget, Wrap};

/// The bars of the normal screen.
pub struct Bars<'a> {
    pub app: &'a App,
    pub areas: &'a Areas,
}

impl Widget for &Bars<'_> {
    fn render(self, _area: Rect, buf: &mut Buffer) {
        let (app, areas) = (self.app, self.areas);
        let Ok(session) = &app.session else {
            return;
        };
        title(app, session).render(areas.title, buf);
        explain(app, session).render(areas.explain, buf);
        timeline(app, session, areas.timeline.width).render(areas.timeline, buf);
        Paragraph::new(narration(app, session, areas.narration))
            .wrap(Wrap { trim: true })
            .render(areas.narration, buf);
        hints(app).render(areas.hints, buf);
    }
}

fn title(app: &App, session: &Session) -> Line<'static> {
    let m = &session.machine;
    let lesson = session
        .lesson
        .as_ref()
        .and_then(|l| l.title.clone())
        .filter(|_| app.narration)
        .map(|t| format!(" — {t}"))
        .unwrap_or_default();
    let end = match m.ended() {
        Some(_) => " · ended",
        None => "",
    };
    let play = match app.play {
        Some(crate::tui::app::Play::Forward) => " · ▶ playing",
        Some(crate::tui::app::Play::Backward) => " · ◀ playing",
        None => "",
    };
    // The default (C#) says nothing; the teaching schedule is always named.
    let mut schedule = match app.target.schedule {
        crate::pipeline::Schedule::Queued => " · schedule: queued",
        crate::pipeline::Schedule::Csharp => "",
    }
    .to_string();
    if app.target.lowering != crate::pipeline::Lowering::Table {
        schedule.push_str(&format!(" · lowering: {}", app.target.lowering.name()));
    }
    if app.target.model != crate::pipeline::Model::Csharp {
        schedule.push_str(&format!(" · model: {}", app.target.model.name()));
    }
    Line::from(vec![
        Span::styled(
            format!(" flux-viz {}", session.path.display()),
            app.theme.title(),
        ),
        Span::styled(lesson, app.theme.narration()),
        Span::raw(format!(
            "   instruction {} · event {}/{} · t={}ms{schedule}{end}{play}",
            m.icount(),
            session.events_before(),
            session.events.len(),
            m.now()
        )),
    ])
}

/// The selected instruction in plain words, with notes on its registers.
fn explain(app: &App, session: &Session) -> Line<'static> {
    let Some(i) = app.highlight.insn else {
        return Line::raw("");
    };
    let entry = &session.image().map[i];
    let mut spans = vec![
        Span::styled(format!(" {} ", entry.text), app.theme.mnemonic()),
        Span::raw(if entry.origin.explain.is_empty() {
            format!("({})", entry.origin.function)
        } else {
            format!("— {}", entry.origin.explain)
        }),
    ];
    for name in entry.registers() {
        if let Some(note) = text::register_note(name) {
            spans.push(Span::styled(format!(" · {name}: {note}"), app.theme.dim()));
        }
    }
    Line::from(spans)
}

/// One glyph per group of the events `a`/`B` stop at (the `e` filter); the
/// current position reversed. In quiz mode the groups after it are blank:
/// the strip would tell what the question asks.
fn timeline(app: &App, session: &Session, width: u16) -> Line<'static> {
    let label = " events ";
    let cells = (width as usize).saturating_sub(label.len() + 1).max(1);
    let timeline = &session.timeline;
    let now = (session.events).count_before(session.events_before(), session.stops.1);
    let per = timeline.len().div_ceil(cells).max(1);
    let mut spans = vec![Span::styled(label, app.theme.dim())];
    let hide_after = app.quiz.is_some().then_some(now);
    for start in (0..timeline.len()).step_by(per) {
        if hide_after.is_some_and(|now| start > now) {
            spans.push(Span::styled(text::FUTURE_GLYPH, app.theme.dim()));
            continue;
        }
        let shown = timeline.shown(start..start + per);
        let mut style = app.theme.event(shown);
        if (start..start + per).contains(&now) {
            style = style.patch(app.theme.cursor());
        }
        spans.push(Span::styled(text::event_glyph(shown).to_string(), style));
    }
    if now >= timeline.len() {
        spans.push(Span::styled("▏", app.theme.cursor()));
    }
    Line::from(spans)
}

/// The lesson's note for this moment, the last event in plain words and the
/// answer to the last key; where `area` has no room for all three, the
/// answer wins over the event (the timeline and the promises pane show the
/// event too).
fn narration(app: &App, session: &Session, area: Rect) -> Vec<Line<'static>> {
    let theme = app.theme;
    let m = &session.machine;
    let mut lines = Vec::new();
    if app.narration {
        if let Some((option, key)) = session.lesson_elsewhere() {
            lines.push(Line::styled(
                format!(
                    " ✎ This lesson's notes are written for {option}: press {key} to come back to it."
                ),
                theme.narration(),
            ));
        } else if let Some(lesson) = &session.lesson {
            if let Some(n) = session.narration() {
                lines.push(Line::styled(
                    format!(" ✎ {}", n.note.text),
                    theme.narration(),
                ));
            } else if m.icount() == 0 {
                lines.push(Line::styled(
                    format!(" ✎ {}", lesson_intro(lesson)),
                    theme.narration(),
                ));
            }
        }
    }
    let event = session.last_event().map(|e| {
        let at = if e.icount == m.icount() {
            "next"
        } else {
            "last"
        };
        Line::from(vec![
            Span::styled(format!(" {at} {}: ", e.kind.name()), theme.event(e.kind)),
            Span::raw(e.explain.clone()),
        ])
    });
    let message =
        (!app.message.is_empty()).then(|| Line::styled(format!(" {}", app.message), theme.dim()));
    // Rows a line takes once wrapped (at least: words may wrap earlier).
    let rows = |line: &Line| line.width().div_ceil(usize::from(area.width).max(1)).max(1);
    let used: usize = lines.iter().map(rows).sum();
    let room = usize::from(area.height).saturating_sub(used);
    match (event, message) {
        (Some(event), Some(message)) if rows(&event) + rows(&message) > room => lines.push(message),
        (event, message) => lines.extend(event.into_iter().chain(message)),
    }
    lines
}

fn lesson_intro(lesson: &crate::lesson::Lesson) -> String {
    let goals: Vec<&str> = lesson.goals.iter().map(String::as_str).collect();
    match goals.is_empty() {
        true => lesson.intro.join(" "),
        false => format!("Goals: {}", goals.join("; ")),
    }
}

fn hints(app: &App) -> Line<'static> {
    match &app.mode {
        Mode::Prompt { kind, text: typed } => {
            let prompt = match kind {
                PromptKind::Search => text::PROMPT_SEARCH,
                PromptKind::Goto => text::PROMPT_GOTO,
            };
            Line::from(vec![
                Span::styled(prompt, app.theme.key()),
                Span::raw(format!("{typed}█")),
            ])
        }
        _ => {
            let changed = app.session.as_ref().is_ok_and(|s| s.file_changed());
            let fits = |hints: &str| app.area.width as usize > hints.chars().count();
            let hints = [text::HINTS, text::HINTS_MEDIUM]
                .into_iter()
                .find(|h| fits(h))
                .unwrap_or(text::HINTS_SHORT);
            let mut spans = vec![Span::styled(hints, app.theme.key())];
            if changed {
                spans.push(Span::styled(
                    format!("  {}", text::FILE_CHANGED),
                    app.theme.error(),
                ));
            }
            Line::from(spans)
        }
    }
}

/// Bindings the `?` overlay shows on one row, and what the row says.
const HELP_PAIRS: [(&str, &str, &str); 13] = [
    (
        "l",
        "C",
        "what the timeline's letters and the marks mean / the lowerings compared",
    ),
    (
        "r",
        "o",
        "re-read the file and restart / switch the schedule (C# inline, queued)",
    ),
    (
        "L",
        "M",
        "the lowering (table, direct, stackful) / the model (C#'s, Rust's polls)",
    ),
    (
        "H",
        "Q",
        "the heap in the promises pane / predict the next step (a, s ask first)",
    ),
    (
        "x",
        "i",
        "x86-64 pane: instruction bytes / source lines between (objdump -S)",
    ),
    (
        "N",
        "t",
        "narration on/off / the next theme (classic, projector, plain)",
    ),
    ("Tab", "S-Tab", "focus the next / the previous pane"),
    (
        "+",
        "-",
        "the next / previous layout: all panes, one main pane, source + x86-64",
    ),
    (
        "←",
        "→",
        "scroll the focused pane's long lines back / to their ends",
    ),
    (
        "p",
        "P",
        "auto-play forwards / backwards, pausing at notes (again: pause)",
    ),
    ("<", ">", "auto-play slower / faster"),
    (
        "[",
        "]",
        "the previous / the next event-loop iteration (poll)",
    ),
    ("Home", "End", "first line / last line"),
];

/// The width of one column of the `?` overlay.
const HELP_WIDTH: u16 = 87;

/// The `?` overlay: every binding with its description (bindings that do
/// the same, `↑ k` and `↓ j`, on one row).
pub fn help(app: &App, area: Rect, buf: &mut Buffer) {
    let mut rows: Vec<(String, &str)> = Vec::new();
    for b in BINDINGS {
        let description = text::describe(b.action);
        let pair = HELP_PAIRS.iter().find(|(first, second, _)| {
            *second == b.label && rows.last().is_some_and(|r| r.0 == *first)
        });
        match (rows.last_mut(), pair) {
            (Some((label, last)), Some(&(_, _, both))) => {
                label.push(' ');
                label.push_str(b.label);
                *last = both;
            }
            (Some((label, last)), None) if *last == description => {
                label.push(' ');
                label.push_str(b.label);
            }
            _ => rows.push((b.label.to_string(), description)),
        }
    }
    let key_rows = rows.len();
    let mut lines: Vec<Line> = rows
        .into_iter()
        .map(|(label, description)| {
            Line::from(vec![
                Span::styled(format!("{label:>9}  "), app.theme.key()),
                Span::raw(description),
            ])
        })
        .chain([
            Line::raw(""),
            Line::raw("  Mouse: click selects a line and focuses its pane; the wheel scrolls."),
            Line::raw("  Ctrl-C quits too. Esc closes a prompt."),
        ])
        .collect();
    // Too tall for the terminal: two columns where they fit, else the
    // notes after the keys give way to them (a projector's 120×35), and
    // below that the last row says what is left out.
    let room = area.height.saturating_sub(2) as usize;
    let width = match lines.len() > room && area.width >= 2 * HELP_WIDTH + 2 {
        true => {
            lines = two_columns(lines, HELP_WIDTH as usize - 2);
            2 * HELP_WIDTH + 2
        }
        false => HELP_WIDTH.min(area.width),
    };
    let columns = if width > HELP_WIDTH { 2 } else { 1 };
    let key_lines = key_rows.div_ceil(columns);
    if lines.len() > room {
        lines.truncate(key_lines.min(room));
    }
    if key_lines > room && room > 0 {
        lines.truncate(room - 1);
        let more = format!(
            "  … {} more keys: enlarge the terminal to see them",
            (key_lines - (room - 1)) * columns
        );
        lines.push(Line::styled(more, app.theme.key()));
    }
    overlay(app, text::TITLE_HELP, lines, width, area, buf);
}

/// A box of `lines` in the middle of the screen, over the panes.
fn overlay(app: &App, title: &str, lines: Vec<Line<'_>>, width: u16, area: Rect, buf: &mut Buffer) {
    let width = width.min(area.width);
    let height = (lines.len() as u16 + 2).min(area.height);
    let rect = Rect::new(
        area.x + (area.width - width) / 2,
        area.y + (area.height - height) / 2,
        width,
        height,
    );
    Clear.render(rect, buf);
    buf.set_style(rect, app.theme.base());
    Paragraph::new(lines)
        .block(
            Block::bordered()
                .title(title)
                .border_style(app.theme.border(true)),
        )
        .render(rect, buf);
}

/// A predict-the-next-step question: the prompt, the numbered choices, the
/// score. The machine still stands where it was: nothing on screen gives
/// the answer away.
pub fn quiz(app: &App, area: Rect, buf: &mut Buffer) {
    let Some(question) = &app.question else {
        return;
    };
    let theme = app.theme;
    let mut lines = vec![
        Line::styled(question.prompt.clone(), theme.narration()),
        Line::raw(""),
    ];
    for (i, choice) in question.choices.iter().enumerate() {
        lines.push(Line::from(vec![
            Span::styled(format!("  {}  ", i + 1), theme.key()),
            Span::raw(choice.clone()),
        ]));
    }
    let score = app.quiz.unwrap_or_default();
    lines.push(Line::raw(""));
    lines.push(Line::styled(
        format!(
            "{} · score {}/{}",
            text::QUIZ_KEYS,
            score.right,
            score.asked
        ),
        theme.dim(),
    ));
    let width = lines
        .iter()
        .map(|l| l.width() as u16 + 4)
        .max()
        .unwrap_or(40);
    overlay(app, " Predict the next step ", lines, width, area, buf);
}

/// The `l` overlay: what each timeline glyph and each marker means, from
/// the functions that draw them ([`text::event_glyph`], [`App`]'s themes).
pub fn legend(app: &App, area: Rect, buf: &mut Buffer) {
    let theme = app.theme;
    let mut lines = vec![
        Line::styled(text::LEGEND_TIMELINE, theme.key()),
        Line::styled(text::LEGEND_TIMELINE_NOW, theme.key()),
    ];
    let mut glyphs: Vec<(char, Vec<&str>, crate::machine::EventKind)> = Vec::new();
    for kind in crate::machine::EventKind::ALL {
        use crate::machine::EventKind::{Insn, Line as LineKind};
        if matches!(kind, Insn | LineKind) {
            continue; // stepping goals, never in the strip
        }
        let glyph = text::event_glyph(kind);
        match glyphs.iter_mut().find(|(g, _, _)| *g == glyph) {
            Some((_, names, _)) => names.push(kind.name()),
            None => glyphs.push((glyph, vec![kind.name()], kind)),
        }
    }
    for chunk in glyphs.chunks(3) {
        let mut row = vec![Span::raw("  ")];
        for (glyph, names, kind) in chunk {
            row.push(Span::styled(glyph.to_string(), theme.event(*kind)));
            row.push(Span::raw(format!(" {:<26}", names.join("/"))));
        }
        lines.push(Line::from(row));
    }
    lines.push(Line::raw(""));
    lines.push(Line::styled(text::LEGEND_MARKERS, theme.key()));
    for (mark, meaning) in text::MARKERS {
        lines.push(Line::from(vec![
            Span::styled(format!("{mark:>8}  "), theme.key()),
            Span::raw(meaning),
        ]));
    }
    overlay(app, text::TITLE_LEGEND, lines, HELP_WIDTH, area, buf);
}

/// The `C` overlay: the program under each lowering, measured.
pub fn compare(app: &App, lines: &[String], area: Rect, buf: &mut Buffer) {
    let width = lines.iter().map(|l| l.chars().count()).max().unwrap_or(0) as u16 + 4;
    let lines = lines.iter().map(|l| Line::raw(l.clone())).collect();
    overlay(app, text::TITLE_COMPARE, lines, width, area, buf);
}

/// `lines` in two columns, the first `width` characters wide: the first
/// half on the left, the rest on the right.
fn two_columns(lines: Vec<Line<'_>>, width: usize) -> Vec<Line<'_>> {
    let half = lines.len().div_ceil(2);
    let mut lines = lines.into_iter();
    let left: Vec<Line> = lines.by_ref().take(half).collect();
    let right: Vec<Line> = lines.collect();
    left.into_iter()
        .enumerate()
        .map(|(i, mut line)| {
            let pad = width.saturating_sub(line.width());
            line.spans.push(Span::raw(" ".repeat(pad + 2)));
            if let Some(r) = right.get(i) {
                line.spans.extend(r.spans.iter().cloned());
            }
            line
        })
        .collect()
}

/// The compile error, rendered like `flux-viz check` prints it, from
/// `app.error_top` on; the hint stays on the last row, and the title says
/// which lines show when not all fit.
pub fn error_screen(app: &App, diagnostic: &str, area: Rect, buf: &mut Buffer) {
    let total = diagnostic.lines().count();
    let visible = area.height.saturating_sub(3) as usize;
    let top = app.error_top.min(total.saturating_sub(visible));
    let lines: Vec<Line> = diagnostic
        .lines()
        .skip(top)
        .take(visible)
        .map(Line::raw)
        .collect();
    let mut title = format!(" {}: {} ", text::TITLE_ERROR, app.path.display());
    if total > visible {
        let shown = (top + visible).min(total);
        title.push_str(&format!(
            "(lines {}–{shown} of {total}: ↑ ↓ PgUp PgDn scroll) ",
            top + 1
        ));
    }
    let block = Block::bordered()
        .title(Line::styled(title, app.theme.error()))
        .border_style(app.theme.border(true));
    let inner = block.inner(area);
    block.render(area, buf);
    Paragraph::new(lines).render(
        Rect {
            height: inner.height.saturating_sub(1),
            ..inner
        },
        buf,
    );
    let hint = Rect {
        y: inner.y + inner.height.saturating_sub(1),
        height: inner.height.min(1),
        ..inner
    };
    Paragraph::new(Line::styled(text::ERROR_HINT, app.theme.key()))
        .wrap(Wrap { trim: true })
        .render(hint, buf);
}

/// The terminal is below 80×24.
pub fn too_small(app: &App, area: Rect, buf: &mut Buffer) {
    let y = area.y + area.height / 2;
    let line = Line::styled(text::TOO_SMALL, app.theme.error());
    Paragraph::new(vec![
        line,
        Line::raw(format!(
            "(now {}×{}: {} more columns and {} more rows; keys wait until then; q quits)",
            area.width,
            area.height,
            crate::tui::layout::MIN_WIDTH.saturating_sub(area.width),
            crate::tui::layout::MIN_HEIGHT.saturating_sub(area.height),
        )),
    ])
    .alignment(Alignment::Center)
    .wrap(Wrap { trim: true })
    .render(
        Rect::new(area.x, y.saturating_sub(1), area.width, area.height.min(3)),
        buf,
    );
}
