//! The four small panes, each a list of lines: registers (grouped, changed
//! ones highlighted, a note on each register's ABI role when there is room),
//! the stack (saved registers and return addresses labelled), promises with
//! the ready queue, timers and virtual time — or, with `H`, the heap: every
//! object, array and async frame with its words — and the program's output.
//! The heap object under the cursor is marked wherever its address is held:
//! registers, stack words and other objects' fields.

use super::{frame, render_rows};
use crate::tui::app::{App, PaneId};
use crate::tui::session::Session;
use crate::tui::text;
use crate::tui::theme::Theme;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;

/// How many stack words the stack pane reads at most.
const STACK_WORDS: usize = 256;

/// The rows of a small pane: built in full, except the promises (a run may
/// have made millions), which are read only for the rows asked for.
pub struct Rows<'a> {
    session: Option<&'a Session>,
    theme: Theme,
    lines: Vec<Line<'static>>,
    promises: usize,
}

impl Rows<'_> {
    pub fn len(&self) -> usize {
        self.lines.len() + self.promises
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    pub fn get(&self, i: usize) -> Option<Line<'static>> {
        if let Some(line) = self.lines.get(i) {
            return Some(line.clone());
        }
        let session = self.session?;
        let view = session.machine.promise_at(i - self.lines.len())?;
        Some(promise_row(&view, self.theme))
    }
}

/// The rows of a small pane.
pub fn rows(app: &App, pane: PaneId) -> Rows<'_> {
    let theme = app.theme;
    let Ok(session) = &app.session else {
        return Rows {
            session: None,
            theme,
            lines: Vec::new(),
            promises: 0,
        };
    };
    // Only the panes that mark the selected heap object look it up.
    let mark = || marked_address(app);
    let lines = match pane {
        PaneId::Registers => registers(session, theme, wide(app, pane), app.raw_hex, mark()),
        PaneId::Stack => stack(session, theme, app.raw_hex, mark()),
        PaneId::Async if app.heap => heap_rows(session, theme, mark()).0,
        PaneId::Async => async_rows(session, theme),
        PaneId::Output => output(session, theme),
        _ => Vec::new(),
    };
    let promises = match pane {
        PaneId::Async if !app.heap => session.machine.promise_count(),
        _ => 0,
    };
    Rows {
        session: Some(session),
        theme,
        lines,
        promises,
    }
}

/// Room for the ABI notes beside the registers?
fn wide(app: &App, pane: PaneId) -> bool {
    app.areas().pane(pane).is_some_and(|r| r.width >= 60)
}

fn list_pane(app: &App, pane: PaneId, title: &str, area: Rect, buf: &mut Buffer) {
    let inner = frame(app, pane, title, area, buf);
    let rows = rows(app, pane);
    render_rows(app, pane, inner, buf, rows.len(), |i| {
        (rows.get(i).unwrap_or_default(), Style::new())
    });
}

macro_rules! list_pane {
    ($name:ident, $pane:expr, $title:expr) => {
        pub struct $name<'a> {
            pub app: &'a App,
        }

        impl Widget for &$name<'_> {
            fn render(self, area: Rect, buf: &mut Buffer) {
                list_pane(self.app, $pane, &$title(self.app), area, buf);
            }
        }
    };
}

list_pane!(RegistersPane, PaneId::Registers, |_: &App| {
    text::TITLE_REGISTERS.to_string()
});
list_pane!(StackPane, PaneId::Stack, |_: &App| text::TITLE_STACK
    .to_string());
list_pane!(AsyncPane, PaneId::Async, |app: &App| match &app.session {
    Ok(s) if app.heap => {
        let (_, total) = s.machine.heap_objects(0);
        format!("{} · {total} objects · H: promises", text::TITLE_HEAP)
    }
    Ok(s) => format!("{} · t={}ms", text::TITLE_ASYNC, s.machine.now()),
    Err(_) => text::TITLE_ASYNC.to_string(),
});

/// How many heap objects the heap view lists (the newest).
const HEAP_SHOWN: usize = 400;

/// The heap view's rows, and for each row the address of the object it
/// belongs to: a title row (`0x2c07008 Dog object`), then a row per word.
fn heap_rows(session: &Session, theme: Theme, mark: Option<u64>) -> (Vec<Line<'static>>, Vec<u64>) {
    let (objects, total) = session.machine.heap_objects(HEAP_SHOWN);
    let mut rows = Vec::new();
    let mut owners = Vec::new();
    if total > objects.len() {
        rows.push(Line::styled(
            format!("… {} older objects not shown", total - objects.len()),
            theme.dim(),
        ));
        owners.push(0);
    }
    if objects.is_empty() {
        rows.push(Line::styled(text::HEAP_EMPTY, theme.dim()));
        owners.push(0);
    }
    // The labels' column: as wide as the widest (`+16 continuation`).
    let label_width = objects
        .iter()
        .flat_map(|o| &o.words)
        .map(|w| w.label.chars().count())
        .max()
        .unwrap_or(0);
    for object in objects {
        let title = Line::from(vec![
            Span::styled(format!("{:x} ", object.addr), theme.number()),
            Span::styled(object.title.clone(), theme.title()),
        ]);
        rows.push(marked(title, mark == Some(object.addr), theme));
        owners.push(object.addr);
        for word in &object.words {
            let line = Line::from(vec![
                Span::styled(format!("  {:<label_width$} ", word.label), theme.dim()),
                Span::raw(word.text.clone()),
            ]);
            let at_mark = mark.is_some() && word.points_to == mark;
            rows.push(marked(line, at_mark, theme));
            owners.push(object.addr);
        }
    }
    (rows, owners)
}

/// The heap object under the heap view's cursor, when it is focused.
pub fn marked_address(app: &App) -> Option<u64> {
    if !(app.heap && app.focus == PaneId::Async) {
        return None;
    }
    let session = app.session.as_ref().ok()?;
    let (_, owners) = heap_rows(session, app.theme, None);
    owners
        .get(app.views[PaneId::Async.index()].cursor)
        .copied()
        .filter(|&a| a != 0)
}

/// A row tinted as linked to the selection when `on`.
fn marked(line: Line<'static>, on: bool, theme: Theme) -> Line<'static> {
    match on {
        true => line.style(theme.linked()),
        false => line,
    }
}
list_pane!(OutputPane, PaneId::Output, |_: &App| text::TITLE_OUTPUT
    .to_string());

/// The one way panes show a value: what it points to when the machine can
/// name it (with its address), else a decimal number; `raw` (the `h` key)
/// shows plain hex.
pub fn value_text(session: &Session, value: u64, raw: bool) -> String {
    if raw {
        return format!("{value:#x}");
    }
    session.machine.format_value(value)
}

/// A register's value: rip plain hex, the stack pointers as places on the
/// stack, anything else as every pane states a value.
fn register_value(session: &Session, r: &crate::machine::Register, raw: bool) -> String {
    match r.name {
        "rip" => format!("{:#x}", r.value),
        "xmm0" | "xmm1" if raw => format!("{:#x}", r.value),
        "xmm0" | "xmm1" => crate::machine::inspect::dotnet_double(f64::from_bits(r.value)),
        _ if raw => value_text(session, r.value, raw),
        "rsp" | "rbp" => session.machine.format_stack_pointer(r.value),
        _ => value_text(session, r.value, raw),
    }
}

fn registers(
    session: &Session,
    theme: Theme,
    notes: bool,
    raw: bool,
    mark: Option<u64>,
) -> Vec<Line<'static>> {
    let regs = session.machine.registers();
    let homes = session.machine.register_homes();
    let mut rows = Vec::new();
    for (group, names) in text::REGISTER_GROUPS {
        if !names.iter().any(|n| regs.iter().any(|r| r.name == *n)) {
            continue;
        }
        if !group.is_empty() {
            rows.push(Line::styled(group.to_string(), theme.dim()));
        }
        for name in names {
            let Some(r) = regs.iter().find(|r| r.name == *name) else {
                continue;
            };
            let style = if r.changed {
                theme.changed()
            } else {
                Style::new()
            };
            let home = homes.iter().find(|(reg, _)| reg == name);
            let double = home.is_some() && session.machine.register_holds_double(name);
            let value = if double && !raw {
                crate::machine::inspect::dotnet_double(f64::from_bits(r.value))
            } else {
                register_value(session, r, raw)
            };
            let mut spans = vec![
                // `rflags` is longer than the column: a space still
                // separates it from its value.
                Span::styled(format!("{:<4}", format!("{} ", r.name)), theme.register()),
                Span::styled(value, style),
                Span::raw(if r.changed { " *" } else { "" }),
            ];
            if let Some((_, local)) = home {
                spans.push(Span::styled(
                    format!("  home of `{local}`"),
                    theme.comment(),
                ));
            }
            if notes {
                let note = text::register_note(name).unwrap_or("");
                spans.push(Span::styled(format!("  {note}"), theme.dim()));
            }
            rows.push(marked(Line::from(spans), mark == Some(r.value), theme));
        }
    }
    rows
}

fn stack(session: &Session, theme: Theme, raw: bool, mark: Option<u64>) -> Vec<Line<'static>> {
    session
        .machine
        .stack(STACK_WORDS)
        .into_iter()
        .map(|slot| {
            // A labelled word says what it is; the value says what it holds.
            let value = if slot.label.starts_with("return address") || raw {
                format!("{:#x}", slot.value)
            } else if slot.double {
                crate::machine::inspect::dotnet_double(f64::from_bits(slot.value))
            } else {
                value_text(session, slot.value, raw)
            };
            let line = Line::from(vec![
                Span::styled(format!("{:x} ", slot.addr & 0xffff_ffff), theme.dim()),
                Span::raw(format!("{value} ")),
                Span::styled(slot.label, theme.comment()),
            ]);
            marked(line, mark == Some(slot.value), theme)
        })
        .collect()
}

fn async_rows(session: &Session, theme: Theme) -> Vec<Line<'static>> {
    let m = &session.machine;
    let mut rows = vec![Line::styled("ready queue", theme.dim())];
    let queue = m.ready_queue();
    if queue.is_empty() {
        rows.push(Line::raw("  (empty)"));
    }
    for p in queue {
        rows.push(Line::raw(format!("  #{} {}", p.id, p.call)));
    }
    rows.push(Line::styled(
        format!("timers (now {} ms)", m.now()),
        theme.dim(),
    ));
    for t in m.timers() {
        rows.push(Line::raw(format!(
            "  at {} ms: #{} {}",
            t.deadline, t.promise.id, t.promise.call
        )));
    }
    rows.push(Line::styled("promises", theme.dim()));
    rows
}

/// One promise: `#3 Brew("tea", 30) pending ← #1`.
fn promise_row(p: &crate::machine::PromiseView, theme: Theme) -> Line<'static> {
    let status = match (&p.faulted, p.completed) {
        (Some(exception), _) => format!("faulted: {exception}"),
        (None, true) => "done".to_string(),
        (None, false) => "pending".to_string(),
    };
    let waiters: Vec<String> = p.awaiters.iter().map(|a| format!("#{}", a.id)).collect();
    let mut line = format!("  #{} {} {status}", p.promise.id, p.promise.call);
    if !waiters.is_empty() {
        line.push_str(&format!(" ← {}", waiters.join(" ")));
    }
    let style = if p.faulted.is_some() {
        theme.error()
    } else if p.completed {
        theme.dim()
    } else {
        Style::new()
    };
    Line::styled(line, style)
}

/// stdout, then stderr marked as such. Flux# writes stderr only from the
/// failure path, which ends the program, so stdout-then-stderr is the order
/// the bytes were written in.
fn output(session: &Session, theme: Theme) -> Vec<Line<'static>> {
    let out = String::from_utf8_lossy(session.machine.stdout())
        .lines()
        .map(|l| Line::raw(l.to_string()))
        .collect::<Vec<_>>();
    let err = String::from_utf8_lossy(session.machine.stderr())
        .lines()
        .map(|l| {
            Line::from(vec![
                Span::styled(text::STDERR_MARK, theme.error()),
                Span::raw(l.to_string()),
            ])
        })
        .collect::<Vec<_>>();
    out.into_iter().chain(err).collect()
}
