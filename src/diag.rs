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

/// Renders diagnostics as codespan-reporting does, with or without colour.
pub fn render(sources: &Sources, diags: &[Diagnostic], color: bool) -> String {
    let mut buffer = if color {
        termcolor::Buffer::ansi()
    } else {
        termcolor::Buffer::no_color()
    };
    let config = term::Config::default();
    let files = FilesAdapter(sources);
    for d in diags {
        let mut cs = CsDiagnostic::error()
            .with_message(&d.message)
            .with_labels(vec![Label::primary(
                d.span.file.0 as usize,
                d.span.start as usize..d.span.end as usize,
            )
            .with_message(&d.label)]);
        cs = cs.with_notes(d.notes.clone());
        // Writing into an in-memory buffer only fails on a bad span, which we clamp below.
        let _ = term::emit(&mut buffer, &config, &files, &cs);
    }
    String::from_utf8_lossy(buffer.as_slice()).into_owned()
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
