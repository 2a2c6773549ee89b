//! Source files and spans.
//!
//! In: file names and their text. Out: a [`Sources`] table that every later stage
//! uses to turn a [`Span`] (file + byte range) into `file:line:col` and a line of text.

use std::io::Read;
use std::path::{Path, PathBuf};

/// Index of a file in [`Sources`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Default)]
pub struct FileId(pub u32);

/// A byte range `start..end` in one source file.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Default)]
pub struct Span {
    pub file: FileId,
    pub start: u32,
    pub end: u32,
}

impl Span {
    pub fn new(file: FileId, start: usize, end: usize) -> Span {
        Span {
            file,
            start: start as u32,
            end: end as u32,
        }
    }

    /// The smallest span covering both (they must be in the same file).
    pub fn to(self, other: Span) -> Span {
        Span {
            file: self.file,
            start: self.start.min(other.start),
            end: self.end.max(other.end),
        }
    }
}

/// One loaded source file.
#[derive(Debug, Clone)]
pub struct SourceFile {
    pub name: String,
    pub path: PathBuf,
    pub text: String,
    line_starts: Vec<usize>,
    /// An ASCII text's columns are byte offsets: no characters to count.
    ascii: bool,
}

impl SourceFile {
    fn new(name: String, path: PathBuf, text: String) -> SourceFile {
        let line_starts = std::iter::once(0)
            .chain(text.match_indices('\n').map(|(i, _)| i + 1))
            .collect();
        let ascii = text.is_ascii();
        SourceFile {
            name,
            path,
            text,
            line_starts,
            ascii,
        }
    }

    /// 0-based line index of a byte offset.
    pub fn line_index(&self, offset: usize) -> usize {
        match self.line_starts.binary_search(&offset) {
            Ok(i) => i,
            Err(i) => i - 1,
        }
    }

    /// 1-based line of a byte offset: cheap, unlike the column (which counts
    /// the characters before it on a line that may be megabytes long).
    pub fn line(&self, offset: usize) -> usize {
        self.line_index(offset.min(self.text.len())) + 1
    }

    /// 1-based (line, column); the column counts characters, as editors do.
    pub fn line_col(&self, offset: usize) -> (usize, usize) {
        let offset = offset.min(self.text.len());
        let line = self.line_index(offset);
        let start = self.line_starts[line];
        let col = match self.text.get(start..offset) {
            Some(s) if !self.ascii => s.chars().count(),
            _ => offset - start,
        };
        (line + 1, col + 1)
    }

    /// The text of 1-based line `line`, without its line break.
    pub fn line_text(&self, line: usize) -> &str {
        let Some(&start) = self.line_starts.get(line.wrapping_sub(1)) else {
            return "";
        };
        let end = self
            .line_starts
            .get(line)
            .copied()
            .unwrap_or(self.text.len());
        self.text[start..end].trim_end_matches(['\n', '\r'])
    }

    /// Byte range of 0-based line `line_index`, including its line break.
    pub fn line_range(&self, line_index: usize) -> std::ops::Range<usize> {
        let start = self
            .line_starts
            .get(line_index)
            .copied()
            .unwrap_or(self.text.len());
        let end = self
            .line_starts
            .get(line_index + 1)
            .copied()
            .unwrap_or(self.text.len());
        start..end
    }

    pub fn line_count(&self) -> usize {
        self.line_starts.len()
    }
}

/// All files of one compilation (the main file and its `using "…";` includes).
#[derive(Debug, Clone, Default)]
pub struct Sources {
    files: Vec<SourceFile>,
}

impl Sources {
    pub fn new() -> Sources {
        Sources::default()
    }

    /// Adds a file given its text; `name` is what diagnostics print.
    pub fn add(&mut self, name: impl Into<String>, path: impl AsRef<Path>, text: String) -> FileId {
        self.files.push(SourceFile::new(
            name.into(),
            path.as_ref().to_path_buf(),
            text,
        ));
        FileId(self.files.len() as u32 - 1)
    }

    pub fn get(&self, id: FileId) -> &SourceFile {
        &self.files[id.0 as usize]
    }

    pub fn files(&self) -> impl Iterator<Item = (FileId, &SourceFile)> {
        self.files
            .iter()
            .enumerate()
            .map(|(i, f)| (FileId(i as u32), f))
    }

    /// Finds an already loaded file by its canonical path.
    pub fn find_path(&self, path: &Path) -> Option<FileId> {
        self.files().find(|(_, f)| f.path == path).map(|(id, _)| id)
    }

    /// 1-based line of the start of a span.
    pub fn line(&self, span: Span) -> usize {
        self.get(span.file).line(span.start as usize)
    }

    /// 1-based (line, column) of the start of a span.
    pub fn line_col(&self, span: Span) -> (usize, usize) {
        self.get(span.file).line_col(span.start as usize)
    }

    /// The source text a span covers.
    pub fn snippet(&self, span: Span) -> &str {
        let text = &self.get(span.file).text;
        text.get(span.start as usize..span.end as usize)
            .unwrap_or("")
    }

    /// `file:line:col` for a span.
    pub fn location(&self, span: Span) -> String {
        let (line, col) = self.line_col(span);
        format!("{}:{}:{}", self.get(span.file).name, line, col)
    }
}

/// The largest source file read, a program or an include.
pub const MAX_SOURCE_BYTES: u64 = 64 << 20;

/// Reads a file as UTF-8 text; invalid UTF-8 is an error naming the first bad byte.
///
/// Only a regular file of at most [`MAX_SOURCE_BYTES`] is read, and never
/// more than that: a device (`/dev/zero`), a FIFO or a directory would read
/// forever, block, or fail with an unhelpful message.
pub fn read_source(path: &Path) -> Result<String, String> {
    let cannot = |e: std::io::Error| format!("cannot read {}: {}", path.display(), e);
    // Checked before opening: opening a FIFO blocks until a writer comes.
    check_regular(path, &std::fs::metadata(path).map_err(cannot)?)?;
    let file = std::fs::File::open(path).map_err(cannot)?;
    // And again on what was opened, in case the path changed in between.
    let meta = file.metadata().map_err(cannot)?;
    check_regular(path, &meta)?;
    // Room for the whole file (plus the byte that shows it grew past the
    // limit): growing by doubling would leave up to half of it unused.
    let mut bytes = Vec::with_capacity(meta.len().min(MAX_SOURCE_BYTES) as usize + 1);
    file.take(MAX_SOURCE_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(cannot)?;
    if bytes.len() as u64 > MAX_SOURCE_BYTES {
        return Err(too_large(path, "more than"));
    }
    String::from_utf8(bytes).map_err(|e| {
        let at = e.utf8_error().valid_up_to();
        let line = e.as_bytes()[..at].iter().filter(|&&b| b == b'\n').count() + 1;
        format!(
            "{}:{}: the file is not valid UTF-8 (byte offset {})",
            path.display(),
            line,
            at
        )
    })
}

fn check_regular(path: &Path, meta: &std::fs::Metadata) -> Result<(), String> {
    use std::os::unix::fs::FileTypeExt;
    let kind = meta.file_type();
    let what = if kind.is_file() {
        if meta.len() > MAX_SOURCE_BYTES {
            return Err(too_large(path, &meta.len().to_string()));
        }
        return Ok(());
    } else if kind.is_dir() {
        "a directory"
    } else if kind.is_fifo() {
        "a FIFO"
    } else if kind.is_char_device() || kind.is_block_device() {
        "a device"
    } else if kind.is_socket() {
        "a socket"
    } else {
        "something else"
    };
    Err(format!(
        "cannot read {}: it is {what}, not a regular file",
        path.display()
    ))
}

fn too_large(path: &Path, size: &str) -> String {
    format!(
        "{} is {size} bytes; Flux# sources may be at most {} MiB",
        path.display(),
        MAX_SOURCE_BYTES >> 20
    )
}
