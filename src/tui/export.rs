//! `flux-viz export`: a lesson as a walkthrough to hand out — one
//! self-contained HTML page (no script, no network, no external asset), or
//! Markdown — and a single screen as SVG for slides. Everything is drawn by
//! the UI's own panes into cell buffers, so a handout shows what the
//! terminal shows, in the theme's colours.
//!
//! In: a lesson file (its narration), the schedule, a theme. Out: the
//! document's text. The walk goes instruction by instruction and stops at
//! the first instruction of each note of the narration (a note of an event,
//! of a line, the start and the end), drawing the source, state machine,
//! x86-64, registers, stack, promises and heap panes there.

use super::app::{Action, App, PaneId};
use super::panes;
use super::theme::{rgb, Theme};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::{Color, Modifier};
use std::fmt::Write;
use std::path::Path;

/// What `export` writes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// One self-contained HTML page of every narrated stop.
    Html,
    /// The same in Markdown (the panes as text blocks).
    Md,
    /// The whole screen at one moment (`--at`), for a slide.
    Svg,
}

/// The screen a walkthrough's panes are laid out on.
const WIDTH: u16 = 200;
const HEIGHT: u16 = 50;

/// A walk that has not ended after this many instructions stops there.
const MAX_STEPS: u64 = 2_000_000;

/// The panes a stop shows, in reading order: all but the output (each
/// stop's note says what matters of it).
fn stop_panes() -> impl Iterator<Item = PaneId> {
    PaneId::ALL.into_iter().filter(|&p| p != PaneId::Output)
}

/// One narrated moment.
struct Stop {
    icount: u64,
    note: String,
    /// The last event, as the event line says it.
    event: Option<String>,
    panes: Vec<(&'static str, Buffer)>,
}

/// The lesson at `path` as a document in `format`; for SVG, the screen at
/// instruction `at`.
pub fn export(
    path: &Path,
    target: crate::pipeline::Target,
    theme: Theme,
    format: Format,
    at: u64,
) -> Result<String, String> {
    let mut app = App::open(path, target, true, theme);
    app.apply(Action::Resize {
        width: WIDTH,
        height: HEIGHT,
    });
    if let Err(diagnostic) = &app.session {
        return Err(diagnostic.clone());
    }
    // The focus on a pane no stop shows: no cursor row on paper.
    app.focus = PaneId::Output;
    if format == Format::Svg {
        go_to(&mut app, at);
        return Ok(svg(&screen(&app), theme));
    }
    if let Some(error) = app
        .session
        .as_ref()
        .ok()
        .and_then(|s| s.lesson_errors.first())
    {
        return Err(format!(
            "{}:{}: {} (the narration must read before it is exported)",
            path.display(),
            error.line,
            error.message
        ));
    }
    if app.session.as_ref().is_ok_and(|s| s.lesson.is_none()) {
        return Err(format!(
            "{} has no narration: export writes a lesson's narrated stops (its `//!` and `//@` \
             lines, docs/lessons.md); --format svg draws one screen of any program",
            path.display()
        ));
    }
    let stops = walk(&mut app)?;
    let session = app.session.as_ref().map_err(Clone::clone)?;
    let lesson = session.lesson.as_ref();
    let title = lesson
        .and_then(|l| l.title.clone())
        .unwrap_or_else(|| path.display().to_string());
    let goals = lesson.map_or(Vec::new(), |l| l.goals.clone());
    let intro = lesson.map_or(Vec::new(), |l| l.intro.clone());
    let doc = Document {
        title: &title,
        file: &path.display().to_string(),
        goals: &goals,
        intro: &intro,
        stops: &stops,
    };
    Ok(match format {
        Format::Html => html(&doc, theme),
        _ => markdown(&doc),
    })
}

/// Goes to instruction `at` (or the end, or a breakpoint: none are set).
fn go_to(app: &mut App, at: u64) {
    let Ok(session) = &mut app.session else {
        return;
    };
    let mut progress = session.goto(at);
    while let Ok(crate::machine::Progress::Running) = progress {
        progress = session.proceed();
    }
    app.apply(Action::Follow);
}

/// Every instruction from the start; a stop where a note first shows.
fn walk(app: &mut App) -> Result<Vec<Stop>, String> {
    let mut stops = Vec::new();
    let mut shown: Option<usize> = None;
    for _ in 0..MAX_STEPS {
        let Ok(session) = &app.session else { break };
        let narration = session.narration();
        let id = narration
            .as_ref()
            .map(|n| std::ptr::from_ref(n.note) as usize);
        if id.is_some() && id != shown {
            let note = narration.map(|n| n.note.text.clone()).unwrap_or_default();
            let event = session
                .last_event()
                .map(|e| format!("{}: {}", e.kind.name(), e.explain));
            let mut panes: Vec<(&str, Buffer)> = stop_panes()
                .filter_map(|pane| Some((title_of(pane), pane_buffer(app, pane)?)))
                .collect();
            // The heap too, in the promises pane's place.
            app.heap = true;
            panes.extend(pane_buffer(app, PaneId::Async).map(|b| ("Heap", b)));
            app.heap = false;
            stops.push(Stop {
                icount: session.machine.icount(),
                note,
                event,
                panes,
            });
        }
        shown = id.or(shown);
        if session.machine.ended().is_some() {
            return Ok(stops);
        }
        app.apply(Action::Step);
    }
    Err(format!(
        "the program has not ended after {MAX_STEPS} instructions: a walkthrough is for a \
         lesson that ends (its notes after that would be missing)"
    ))
}

fn title_of(pane: PaneId) -> &'static str {
    match pane {
        PaneId::Source => "Source",
        PaneId::States => "State machine",
        PaneId::Asm => "x86-64",
        PaneId::Registers => "Registers",
        PaneId::Stack => "Stack",
        PaneId::Async => "Promises",
        PaneId::Output => "Output",
    }
}

/// A pane drawn at the size the layout gives it.
fn pane_buffer(app: &App, pane: PaneId) -> Option<Buffer> {
    let rect = app.areas().pane(pane)?;
    let area = Rect::new(0, 0, rect.width, rect.height);
    let mut buf = Buffer::empty(area);
    buf.set_style(area, app.theme.base());
    panes::render_pane(app, pane, area, &mut buf);
    Some(buf)
}

/// The whole screen.
fn screen(app: &App) -> Buffer {
    let area = Rect::new(0, 0, WIDTH, HEIGHT);
    let mut buf = Buffer::empty(area);
    ratatui::widgets::Widget::render(&panes::Screen(app), area, &mut buf);
    buf
}

struct Document<'a> {
    title: &'a str,
    file: &'a str,
    goals: &'a [String],
    intro: &'a [String],
    stops: &'a [Stop],
}

// ----- HTML -----------------------------------------------------------------

fn html(doc: &Document, theme: Theme) -> String {
    let page = Page::of(theme);
    let (page_fg, page_bg) = (&page.fg, &page.bg);
    let mut out = String::new();
    let _ = write!(
        out,
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n\
         <title>{title}</title>\n<style>\n\
         body {{ font-family: sans-serif; margin: 2em; background: {page_bg}; color: {page_fg}; }}\n\
         pre {{ font-family: 'DejaVu Sans Mono', Menlo, Consolas, monospace; font-size: 12px; \
         line-height: 1.1; margin: 0; background: {page_bg}; }}\n\
         .stop {{ margin-top: 2.5em; page-break-inside: avoid; }}\n\
         .note {{ font-size: 1.1em; border-left: 4px solid #c60; padding-left: .6em; }}\n\
         .event {{ font-family: monospace; opacity: .85; }}\n\
         .panes {{ display: flex; flex-wrap: wrap; gap: 6px; }}\n\
         </style>\n</head>\n<body>\n<h1>{title}</h1>\n<p>flux-viz walkthrough of <code>{file}</code></p>\n",
        title = escape(doc.title),
        file = escape(doc.file),
    );
    if !doc.goals.is_empty() {
        out.push_str("<h2>Goals</h2>\n<ul>\n");
        for goal in doc.goals {
            let _ = writeln!(out, "<li>{}</li>", escape(goal));
        }
        out.push_str("</ul>\n");
    }
    for line in doc.intro {
        let _ = writeln!(out, "<p>{}</p>", escape(line));
    }
    for (i, stop) in doc.stops.iter().enumerate() {
        let _ = writeln!(
            out,
            "<section class=\"stop\" id=\"stop-{n}\">\n<h2>Stop {n} · instruction {icount}</h2>\n\
             <p class=\"note\">{note}</p>",
            n = i + 1,
            icount = stop.icount,
            note = escape(&stop.note)
        );
        if let Some(event) = &stop.event {
            let _ = writeln!(out, "<p class=\"event\">last {}</p>", escape(event));
        }
        out.push_str("<div class=\"panes\">\n");
        for (title, buf) in &stop.panes {
            let _ = writeln!(
                out,
                "<pre aria-label=\"{title}\">{}</pre>",
                cells_html(buf, &page)
            );
        }
        out.push_str("</div>\n</section>\n");
    }
    out.push_str("</body>\n</html>\n");
    out
}

/// The page's text and background: the theme's, or a dark terminal's.
struct Page {
    fg: String,
    bg: String,
}

impl Page {
    fn of(theme: Theme) -> Page {
        let base = theme.base();
        Page {
            fg: hex(rgb(base.fg.unwrap_or(Color::Reset), true)),
            bg: hex(rgb(base.bg.unwrap_or(Color::Reset), false)),
        }
    }

    /// A run's text and background colours: `None` where the page's show
    /// through (`Reset`, or the page's own background: a background painted
    /// again would cover the row above's underscores and descenders);
    /// reverse video swaps the two, the page's included.
    fn colours(&self, run: &Run) -> (Option<String>, Option<String>) {
        let fg = (run.fg != Color::Reset).then(|| hex(rgb(run.fg, true)));
        let bg = (run.bg != Color::Reset).then(|| hex(rgb(run.bg, false)));
        match run.modifier.contains(Modifier::REVERSED) {
            true => (
                Some(bg.unwrap_or_else(|| self.bg.clone())),
                Some(fg.unwrap_or_else(|| self.fg.clone())),
            ),
            false => (fg, bg.filter(|bg| *bg != self.bg)),
        }
    }
}

/// Cells of one row side by side in one style.
struct Run {
    start: u16,
    width: u16,
    fg: Color,
    bg: Color,
    modifier: Modifier,
    text: String,
}

/// Row `y` of a buffer as its runs of one style.
fn runs(buf: &Buffer, y: u16) -> Vec<Run> {
    let mut runs: Vec<Run> = Vec::new();
    for x in 0..buf.area.width {
        let cell = &buf[(x, y)];
        match runs.last_mut() {
            Some(run) if (run.fg, run.bg, run.modifier) == (cell.fg, cell.bg, cell.modifier) => {
                run.width += 1;
                run.text.push_str(cell.symbol());
            }
            _ => runs.push(Run {
                start: x,
                width: 1,
                fg: cell.fg,
                bg: cell.bg,
                modifier: cell.modifier,
                text: cell.symbol().to_string(),
            }),
        }
    }
    runs
}

fn hex((r, g, b): (u8, u8, u8)) -> String {
    format!("#{r:02x}{g:02x}{b:02x}")
}

/// A buffer's rows as HTML: each run of cells of one style in a span.
fn cells_html(buf: &Buffer, page: &Page) -> String {
    let mut out = String::new();
    for y in 0..buf.area.height {
        for run in runs(buf, y) {
            let style = css(&run, page);
            match style.is_empty() {
                true => out.push_str(&escape(&run.text)),
                false => {
                    let _ = write!(out, "<span style=\"{style}\">{}</span>", escape(&run.text));
                }
            }
        }
        out.push('\n');
    }
    out
}

/// A run's style as CSS (nothing for the page's own colours).
fn css(run: &Run, page: &Page) -> String {
    let (fg, bg) = page.colours(run);
    let mut style = String::new();
    if let Some(fg) = fg {
        let _ = write!(style, "color:{fg};");
    }
    if let Some(bg) = bg {
        let _ = write!(style, "background:{bg};");
    }
    for (modifier, css) in [
        (Modifier::BOLD, "font-weight:bold;"),
        (Modifier::ITALIC, "font-style:italic;"),
        (Modifier::UNDERLINED, "text-decoration:underline;"),
    ] {
        if run.modifier.contains(modifier) {
            style.push_str(css);
        }
    }
    style
}

fn escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

// ----- Markdown ---------------------------------------------------------------

fn markdown(doc: &Document) -> String {
    let mut out = format!(
        "# {}\n\nflux-viz walkthrough of `{}`\n\n",
        doc.title, doc.file
    );
    if !doc.goals.is_empty() {
        out.push_str("## Goals\n\n");
        for goal in doc.goals {
            let _ = writeln!(out, "- {goal}");
        }
        out.push('\n');
    }
    for line in doc.intro {
        let _ = writeln!(out, "{line}\n");
    }
    for (i, stop) in doc.stops.iter().enumerate() {
        let _ = writeln!(
            out,
            "## Stop {} · instruction {}\n\n> {}\n",
            i + 1,
            stop.icount,
            stop.note
        );
        if let Some(event) = &stop.event {
            let _ = writeln!(out, "last {event}\n");
        }
        for (_, buf) in &stop.panes {
            out.push_str("```text\n");
            out.push_str(&cells_text(buf));
            out.push_str("```\n\n");
        }
    }
    out
}

/// A buffer's rows as plain text.
fn cells_text(buf: &Buffer) -> String {
    let mut out = String::new();
    for y in 0..buf.area.height {
        let row: String = (0..buf.area.width).map(|x| buf[(x, y)].symbol()).collect();
        out.push_str(row.trim_end());
        out.push('\n');
    }
    out
}

// ----- SVG ----------------------------------------------------------------------

/// One cell's size in the SVG, in pixels.
const CELL_W: f64 = 8.4;
const CELL_H: f64 = 17.0;

fn svg(buf: &Buffer, theme: Theme) -> String {
    let page = Page::of(theme);
    let (w, h) = (
        f64::from(buf.area.width) * CELL_W,
        f64::from(buf.area.height) * CELL_H,
    );
    let mut out = format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{w}\" height=\"{h}\" viewBox=\"0 0 {w} {h}\" \
         font-family=\"DejaVu Sans Mono, Menlo, Consolas, monospace\" font-size=\"14\">\n\
         <rect width=\"100%\" height=\"100%\" fill=\"{}\"/>\n",
        page.bg
    );
    for y in 0..buf.area.height {
        for run in runs(buf, y) {
            let (fg, bg) = page.colours(&run);
            let (px, py) = (f64::from(run.start) * CELL_W, f64::from(y) * CELL_H);
            let width = f64::from(run.width) * CELL_W;
            if let Some(bg) = bg {
                let _ = writeln!(
                    out,
                    "<rect x=\"{px:.1}\" y=\"{py:.1}\" width=\"{width:.1}\" height=\"{CELL_H}\" fill=\"{bg}\"/>"
                );
            }
            if !run.text.trim().is_empty() {
                let weight = match run.modifier.contains(Modifier::BOLD) {
                    true => " font-weight=\"bold\"",
                    false => "",
                };
                let _ = writeln!(
                    out,
                    "<text x=\"{px:.1}\" y=\"{:.1}\" fill=\"{}\" textLength=\"{width:.1}\" \
                     lengthAdjust=\"spacingAndGlyphs\" xml:space=\"preserve\"{weight}>{}</text>",
                    py + CELL_H * 0.78,
                    fg.as_ref().unwrap_or(&page.fg),
                    escape(&run.text)
                );
            }
        }
    }
    out.push_str("</svg>\n");
    out
}
