//! The state-machine pane: the async method the CPU is in (or the selected
//! one) with its states and their lines, the current state, the live frame's
//! fields, the transitions and "since it last suspended"; or (`w`) the whole
//! program's `--emit sm` listing.

use super::{frame, render_rows};
use crate::machine::{Breakpoint, FrameView};
use crate::tui::app::{App, PaneId};
use crate::tui::session::{Session, Snapshot};
use crate::tui::text;
use crate::tui::theme::Theme;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;

/// One row, and the (method, state) it stands for, if any.
pub struct StateRow {
    pub line: Line<'static>,
    pub target: Option<(usize, u32)>,
}

impl StateRow {
    fn plain(line: Line<'static>) -> StateRow {
        StateRow { line, target: None }
    }
}

pub struct StatesPane<'a> {
    pub app: &'a App,
}

impl Widget for &StatesPane<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let app = self.app;
        let title = match (app.whole, app.method, &app.session) {
            (true, _, _) => text::TITLE_ALL_STATES.to_string(),
            (false, Some(m), Ok(s)) => format!("{}: {}", text::TITLE_STATES, s.methods[m].name),
            _ => text::TITLE_STATES.to_string(),
        };
        let inner = frame(app, PaneId::States, &title, area, buf);
        let rows = rows(app);
        let cpu = app.session.as_ref().ok().and_then(|s| s.cpu_state());
        render_rows(app, PaneId::States, inner, buf, rows.len(), |i| {
            let row = &rows[i];
            let style = match row.target {
                Some(t) if cpu == Some(t) => app.theme.current(),
                Some(t) if app.highlight.state == Some(t) => app.theme.linked(),
                _ => Style::new(),
            };
            (row.line.clone(), style)
        });
    }
}

/// The rows of the pane (also used for the cursor and search).
pub fn rows(app: &App) -> Vec<StateRow> {
    let Ok(session) = &app.session else {
        return Vec::new();
    };
    if app.whole {
        return whole(session, app.theme);
    }
    let Some(m) = app.method else {
        return vec![StateRow::plain(Line::raw(text::NO_ASYNC))];
    };
    let theme = app.theme;
    let mut rows = Vec::new();
    let stackful = session.machine.program().frames[session.methods[m].layout].stackful;
    rows.push(StateRow::plain(frame_line(
        app.frame.as_ref(),
        stackful,
        theme,
    )));
    if stackful {
        rows.push(StateRow::plain(Line::styled(
            text::STACKFUL_STATES,
            theme.dim(),
        )));
    }
    rows.extend(state_rows(session, m, app.frame.as_ref(), theme));
    if let Some(frame) = &app.frame {
        rows.push(heading("frame fields", theme));
        rows.extend(field_rows(frame, app.suspended.as_ref(), theme));
    }
    rows.push(heading("transitions", theme));
    for t in &session.methods[m].transitions {
        let text = crate::lower::listing::transition(t.from, t.next, t.is_yield);
        rows.push(StateRow::plain(Line::raw(format!("  {text}"))));
    }
    if let (Some(snapshot), Some(frame)) = (&app.suspended, &app.frame) {
        rows.extend(since_rows(session, m, frame, snapshot, theme));
    }
    rows
}

fn heading(text: &str, theme: Theme) -> StateRow {
    StateRow::plain(Line::styled(text.to_string(), theme.title()))
}

fn frame_line(frame: Option<&FrameView>, stackful: bool, theme: Theme) -> Line<'static> {
    let at = |state: u64| match (stackful, state) {
        (false, n) => format!("state {n}"),
        (true, crate::machine::sites::RUNNING) => "running on its own stack".to_string(),
        (true, 0) => "at its start".to_string(),
        (true, n) => format!("at await {n}"),
    };
    match frame {
        Some(f) => Line::from(vec![
            Span::styled("frame ", theme.dim()),
            Span::raw(format!("{:#x} ", f.promise.addr)),
            Span::styled(format!("promise #{} ", f.promise.id), theme.dim()),
            Span::styled(
                format!(
                    "{} {}",
                    at(f.state),
                    match (&f.faulted, f.completed) {
                        (Some(exception), _) => format!("faulted: {exception}"),
                        (None, true) => "completed".to_string(),
                        (None, false) => String::new(),
                    }
                ),
                theme.symbol(),
            ),
        ]),
        None => Line::styled("no live frame yet", theme.dim()),
    }
}

/// `▶ 1  line 8   await Task.Delay(ms)` for every state.
fn state_rows(
    session: &Session,
    m: usize,
    frame: Option<&FrameView>,
    theme: Theme,
) -> Vec<StateRow> {
    let method = &session.methods[m];
    let mut states: Vec<(u32, u64)> = method.state_addrs.clone();
    states.sort();
    let sources = &session.machine.program().sources;
    states
        .iter()
        .map(|&(state, addr)| {
            // Lowering's facts of state n > 0: its await, and its try regions.
            let state_layout = session.machine.program().frames[method.layout]
                .states
                .iter()
                .find(|s| s.id == state);
            // State 0 starts at its first line; state n continues after its
            // await (the await's span), wherever the code that follows it
            // comes from.
            let line = match state_layout {
                Some(s) => Some((s.span.file, sources.line(s.span))),
                None => session
                    .image()
                    .insn_index_at(addr)
                    .and_then(|i| session.insn_line[i]),
            };
            let (number, text) = line.map_or((0, String::new()), |(f, l)| {
                (l, sources.get(f).line_text(l).trim().to_string())
            });
            let mark = if frame.is_some_and(|f| f.state == state as u64 && !f.completed) {
                "▶"
            } else {
                " "
            };
            let bp = session.has_breakpoint(&Breakpoint::State {
                method: method.name.clone(),
                state,
            });
            let what = if state == 0 {
                "start at"
            } else {
                "resume after"
            };
            // The innermost try region the state resumes in, as lowering found it.
            let region = state_layout
                .and_then(|s| s.regions.last())
                .map(|r| format!("[{}] ", crate::lower::listing::region_tag(sources, r)));
            StateRow {
                line: Line::from(vec![
                    Span::styled(if bp { "●" } else { " " }, theme.breakpoint()),
                    Span::raw(format!("{mark} state {state} ")),
                    Span::styled(format!("{what} line {number:<3} "), theme.dim()),
                    Span::styled(region.unwrap_or_default(), theme.symbol()),
                    Span::raw(text),
                ]),
                target: Some((m, state)),
            }
        })
        .collect()
}

/// `+56 name = "A"`, marked when it differs from the moment of suspension.
fn field_rows(frame: &FrameView, since: Option<&Snapshot>, theme: Theme) -> Vec<StateRow> {
    let width = name_width(frame);
    frame
        .fields
        .iter()
        .filter(|f| f.offset >= crate::ir::header::STATE as u32)
        .map(|f| {
            let changed = since.is_some_and(|s| {
                s.fields
                    .iter()
                    .any(|g| g.offset == f.offset && g.raw != f.raw)
            });
            let style = if changed {
                theme.changed()
            } else {
                Style::new()
            };
            StateRow::plain(Line::from(vec![
                Span::styled(format!("  +{:<3} ", f.offset), theme.dim()),
                Span::styled(format!("{:<width$} ", f.name), theme.register()),
                Span::styled(f.text.clone(), style),
            ]))
        })
        .collect()
}

/// The column the frame's shown field names take: 10, or the longest's.
fn name_width(frame: &FrameView) -> usize {
    let shown = frame
        .fields
        .iter()
        .filter(|f| f.offset >= crate::ir::header::STATE as u32);
    let longest = shown.map(|f| f.name.chars().count()).max();
    longest.unwrap_or(0).max(10)
}

/// What differs now from when the frame last suspended.
fn since_rows(
    session: &Session,
    m: usize,
    frame: &FrameView,
    snapshot: &Snapshot,
    theme: Theme,
) -> Vec<StateRow> {
    let mut rows = vec![heading(
        &format!("since it last suspended (instruction {})", snapshot.icount),
        theme,
    )];
    let width = name_width(frame) + 1;
    let in_method = session.cpu_state().is_some_and(|(cm, _)| cm == m);
    let regs = session.machine.registers();
    if in_method {
        for (now, then) in regs.iter().zip(&snapshot.registers) {
            if now.value != then.value && !matches!(now.name, "rip" | "rflags") {
                rows.push(StateRow::plain(Line::from(vec![
                    Span::styled(format!("  {:<4}", now.name), theme.register()),
                    Span::raw(format!("{:#x} → ", then.value)),
                    Span::styled(format!("{:#x}", now.value), theme.changed()),
                ])));
            }
        }
    }
    for (now, then) in frame.fields.iter().zip(&snapshot.fields) {
        if now.raw != then.raw && now.offset >= crate::ir::header::STATE as u32 {
            rows.push(StateRow::plain(Line::from(vec![
                Span::styled(format!("  {:<width$}", now.name), theme.register()),
                Span::raw(format!("{} → ", then.text)),
                Span::styled(now.text.clone(), theme.changed()),
            ])));
        }
    }
    if rows.len() == 1 {
        rows.push(StateRow::plain(Line::styled(
            "  nothing differs yet",
            theme.dim(),
        )));
    }
    rows
}

/// The whole program's listing; `state N` rows point at their state.
fn whole(session: &Session, theme: Theme) -> Vec<StateRow> {
    let mut method = None;
    session
        .listing
        .iter()
        .map(|line| {
            if let Some(rest) = line.strip_prefix("state machine ") {
                let name = rest.split_whitespace().next().unwrap_or("");
                method = session.methods.iter().position(|m| m.name == name);
                return StateRow::plain(Line::styled(line.clone(), theme.title()));
            }
            let target = line
                .trim_start()
                .strip_prefix("state ")
                .and_then(|r| r.split_whitespace().next())
                .and_then(|n| n.parse::<u32>().ok())
                .filter(|_| line.starts_with("    state "))
                .and_then(|s| method.map(|m| (m, s)));
            StateRow {
                line: Line::raw(line.clone()),
                target,
            }
        })
        .collect()
}
