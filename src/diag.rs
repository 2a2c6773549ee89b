//! Diagnostics: one error type for every stage, rendered by codespan-reporting.
//!
//! In: a message, a primary span and optional notes. Out: text like
//! ```text
//! error: cannot find `x` in this scope
//!   ┌─ lesson.fs:3:9
//!   │
//! 3 │     int y = x + 1;
//!   │             ^ not found
//! ```

use crate::source::{Sources, Span};
use codespan_reporting::diagnostic::{Diagnostic as CsDiagnostic, Label};
use codespan_reporting::files::{Error as FilesError, Files};
use codespan_reporting::term::{self, termcolor};

/// A compile-time error with a location.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    pub message: String,
    pub span: Span,
    /// Short text printed under the caret.
    pub label: String,
    /// Extra lines (`= note: …`).
    pub notes: Vec<String>,
}

impl Diagnostic {
    pub fn error(span: Span, message: impl Into<String>) -> Diagnostic {
        Diagnostic {
            message: message.into(),
            span,
            label: String::new(),
            notes: Vec::new(),
        }
    }

    pub fn with_label(mut self, label: impl Into<String>) -> Diagnostic {
        self.label = label.into();
        self
    }

    pub fn with_note(mut self, note: impl Into<String>) -> Diagnostic {
        self.notes.push(note.into());
        self
    }

    /// `file:line:col: error: message`, one line, for tests and summaries.
    pub fn one_line(&self, sources: &Sources) -> String {
        format!("{}: error: {}", sources.location(self.span), self.message)
    }
}

/// Sorts diagnostics by position (file, then offset) and drops exact duplicates.
pub fn sort(diags: &mut Vec<Diagnostic>) {
    diags.sort_by_key(|d| (d.span.file, d.span.start, d.span.end));
    diags.dedup();
}

/// At most this many diagnostics are printed; the rest are counted.
pub const MAX_SHOWN: usize = 100;
/// A source line longer than this many characters is shown as a window
/// around the caret, as rustc does, so one huge line cannot flood stderr.
pub const MAX_LINE_CHARS: usize = 160;
/// Characters kept on each side of the underlined span in such a window.
const WINDOW_CONTEXT: usize = 60;

/// Renders diagnostics as codespan-reporting does, with or without colour:
/// the first [`MAX_SHOWN`], then a line counting the others.
pub fn render(sources: &Sources, diags: &[Diagnostic], color: bool) -> String {
    let mut buffer = if color {
        termcolor::Buffer::ansi()
    } else {
        termcolor::Buffer::no_color()
    };
    let config = term::Config::default();
    let files = FilesAdapter(sources);
    for d in diags.iter().take(MAX_SHOWN) {
        // Writing into an in-memory buffer only fails on a bad span, which we clamp below.
        let _ = match Window::around(sources, d) {
            Some(window) => term::emit(&mut buffer, &config, &window, &window.diagnostic(d)),
            None => term::emit(
                &mut buffer,
                &config,
                &files,
                &codespan(
                    d,
                    d.span.file.0 as usize,
                    d.span.start as usize..d.span.end as usize,
                ),
            ),
        };
    }
    let mut text = String::from_utf8_lossy(buffer.as_slice()).into_owned();
    if diags.len() > MAX_SHOWN {
        let more = diags.len() - MAX_SHOWN;
        text.push_str(&format!(
            "error: and {more} more error{} (not shown)\n\n",
            if more == 1 { "" } else { "s" }
        ));
    }
    text
}

fn codespan(d: &Diagnostic, file: usize, range: std::ops::Range<usize>) -> CsDiagnostic<usize> {
    CsDiagnostic::error()
        .with_message(&d.message)
        .with_labels(vec![Label::primary(file, range).with_message(&d.label)])
        .with_notes(d.notes.clone())
}

/// One over-long source line cut down to the part around a diagnostic's
/// span, with `…` where text was left out. It reports the original file
/// name, line and column, so the header still points at the real spot.
struct Window {
    name: String,
    text: String,
    line_number: usize,
    /// Characters of the line left out before the window.
    chars_before: usize,
    /// Bytes of the `…` marker at the window's start (0 when none).
    marker: usize,
    span: std::ops::Range<usize>,
}

impl Window {
    fn around(sources: &Sources, d: &Diagnostic) -> Option<Window> {
        let file = sources.get(d.span.file);
        let start = (d.span.start as usize).min(file.text.len());
        let line = file.line_index(start);
        let range = file.line_range(line);
        let line_text = file.text[range.clone()].trim_end_matches(['\n', '\r']);
        if line_text.chars().count() <= MAX_LINE_CHARS {
            return None;
        }
        let line_end = range.start + line_text.len();
        let end = (d.span.end as usize).clamp(start, line_end);
        // Byte bounds on character boundaries, WINDOW_CONTEXT characters out.
        let from = back_chars(&file.text, start, WINDOW_CONTEXT).max(range.start);
        let shown_end = end.min(start + 4 * MAX_LINE_CHARS);
        let to = forward_chars(&file.text, shown_end, WINDOW_CONTEXT).min(line_end);
        let before = if from > range.start { "…" } else { "" };
        let after = if to < line_end { "…" } else { "" };
        let text = format!("{before}{}{after}\n", &file.text[from..to]);
        let offset = |at: usize| before.len() + at - from;
        Some(Window {
            name: file.name.clone(),
            line_number: line + 1,
            chars_before: file.text[range.start..from].chars().count(),
            marker: before.len(),
            span: offset(start)..offset(shown_end),
            text,
        })
    }

    fn diagnostic(&self, d: &Diagnostic) -> CsDiagnostic<usize> {
        codespan(d, 0, self.span.clone())
    }
}

fn back_chars(text: &str, at: usize, n: usize) -> usize {
    text[..at]
        .char_indices()
        .rev()
        .nth(n.saturating_sub(1))
        .map_or(0, |(i, _)| i)
}

fn forward_chars(text: &str, at: usize, n: usize) -> usize {
    text[at..]
        .char_indices()
        .nth(n)
        .map_or(text.len(), |(i, _)| at + i)
}

impl<'a> Files<'a> for Window {
    type FileId = usize;
    type Name = &'a str;
    type Source = &'a str;

    fn name(&'a self, _: usize) -> Result<&'a str, FilesError> {
        Ok(&self.name)
    }

    fn source(&'a self, _: usize) -> Result<&'a str, FilesError> {
        Ok(&self.text)
    }

    fn line_index(&'a self, _: usize, _: usize) -> Result<usize, FilesError> {
        Ok(0)
    }

    fn line_range(&'a self, _: usize, _: usize) -> Result<std::ops::Range<usize>, FilesError> {
        Ok(0..self.text.len())
    }

    fn line_number(&'a self, _: usize, _: usize) -> Result<usize, FilesError> {
        Ok(self.line_number)
    }

    fn column_number(&'a self, _: usize, _: usize, byte: usize) -> Result<usize, FilesError> {
        let byte = byte.clamp(self.marker, self.text.len());
        let inside = self
            .text
            .get(self.marker..byte)
            .map_or(0, |s| s.chars().count());
        Ok(self.chars_before + inside + 1)
    }
}

/// Lets codespan-reporting read our [`Sources`] (and clamps spans that run past a file's end).
struct FilesAdapter<'a>(&'a Sources);

impl<'a> Files<'a> for FilesAdapter<'a> {
    type FileId = usize;
    type Name = &'a str;
    type Source = &'a str;

    fn name(&'a self, id: usize) -> Result<&'a str, FilesError> {
        Ok(&self.file(id)?.name)
    }

    fn source(&'a self, id: usize) -> Result<&'a str, FilesError> {
        Ok(&self.file(id)?.text)
    }

    fn line_index(&'a self, id: usize, byte_index: usize) -> Result<usize, FilesError> {
        Ok(self
            .file(id)?
            .line_index(byte_index.min(self.file(id)?.text.len())))
    }

    fn line_range(
        &'a self,
        id: usize,
        line_index: usize,
    ) -> Result<std::ops::Range<usize>, FilesError> {
        Ok(self.file(id)?.line_range(line_index))
    }
}

impl<'a> FilesAdapter<'a> {
    fn file(&self, id: usize) -> Result<&'a crate::source::SourceFile, FilesError> {
        let sources: &'a Sources = self.0;
        sources
            .files()
            .nth(id)
            .map(|(_, f)| f)
            .ok_or(FilesError::FileMissing)
    }
}
