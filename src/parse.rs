//! The front end's first stage: Flux# source text → [`ast::Program`].
//!
//! In: a file path (or a name and a text, for tests and in-memory use). Out:
//! the program — the main file's items with every `using "file.fsh";` include
//! expanded in place — and the diagnostics found on the way:
//! - a syntax error (at most one per file: pest stops at the first; that
//!   file then contributes no items, so callers should not run the checker
//!   when [`is_syntax_error`] holds for any diagnostic);
//! - each construct of LANGUAGE.md §8, reported at its own position and
//!   replaced by an `Error` node (see `parse/build.rs`), so checking can go on;
//! - include problems (missing file, include cycle, a file that is not
//!   regular, too large, or not Flux# source at all) at the `using` line,
//!   never showing the text of a file that is not Flux# source;
//! - nesting deeper than [`MAX_NESTING`] levels, found by a pre-scan before
//!   pest runs (pest and every later stage recurse once per level), and
//!   chains (`a + b + …`, `else if …`) longer than [`MAX_TREE_DEPTH`] allows,
//!   found while building the tree.
//!
//! Files are added to [`Sources`] as they are read, so every span resolves.
//! A file included twice (not in a cycle) is included once, at its first `using`.

mod build;
mod grammar;
mod literal;
mod pieces;
mod prescan;
mod syntax_error;

use crate::ast::{Item, Program, TypeExpr, TypeExprKind};
use crate::diag::{self, Diagnostic};
use crate::source::{read_source, FileId, Sources, Span};
use build::{Builder, Entry};
use grammar::{FluxParser, Rule};
use pest::Parser;
use std::path::{Path, PathBuf};

pub use build::{MAX_NESTING, MAX_TREE_DEPTH};

/// Includes deeper than this are reported (a chain, not a cycle, of includes).
const MAX_INCLUDE_DEPTH: usize = 64;

/// Parses the file at `path` and everything it includes.
///
/// `Err` (a message naming the file) only when the main file itself cannot be
/// read or is not UTF-8: there is no source to point a diagnostic at.
pub fn parse_file(
    sources: &mut Sources,
    path: &Path,
) -> Result<(Program, Vec<Diagnostic>), String> {
    let text = read_source(path)?;
    Ok(parse_source(sources, &path.display().to_string(), text))
}

/// Parses `text` as the main file called `name`; includes are looked up
/// relative to `name`'s directory.
pub fn parse_source(sources: &mut Sources, name: &str, text: String) -> (Program, Vec<Diagnostic>) {
    let path = std::fs::canonicalize(name).unwrap_or_else(|_| PathBuf::from(name));
    let file = sources.add(name, path, text);
    let mut driver = Driver {
        sources,
        diags: Vec::new(),
        items: Vec::new(),
        needs_double: false,
        qualified_types: Vec::new(),
        stack: Vec::new(),
    };
    driver.unit(file, None);
    let Driver {
        items,
        mut diags,
        needs_double,
        qualified_types,
        ..
    } = driver;
    diag::sort(&mut diags);
    (
        Program {
            items,
            system_files: Vec::new(),
            generic_methods: Vec::new(),
            needs_double,
            qualified_types,
        },
        diags,
    )
}

/// Adds the system library (lib/System.fs: exceptions, Math, Char, String, …;
/// lib/Collections.fs: List<T>, Queue<T>, Stack<T>, Dictionary<TKey, TValue>;
/// lib/Text.fs: StringBuilder; lib/Double.fs: a double's text, BitConverter)
/// to a parsed program, after its own files, so the program's classes keep
/// their numbers: what the checker needs before it runs (the pipeline calls this).
/// lib/Collections.fs and lib/Text.fs join only a program that writes one
/// of their types: parsing them costs more than checking a small lesson.
pub fn add_system_library(sources: &mut Sources, program: &mut Program) {
    let wants_collections = writes_a_type_of(program, COLLECTION_TYPES);
    let wants_text =
        writes_a_type_of(program, TEXT_TYPES) && !declares_a_class_of(program, TEXT_TYPES);
    for (name, text) in SYSTEM_LIBRARY {
        let wanted = match name {
            "lib/Collections.fs" => wants_collections,
            "lib/Text.fs" => wants_text,
            "lib/Double.fs" => program.needs_double,
            _ => true,
        };
        if !wanted {
            continue;
        }
        let path = Path::new(env!("CARGO_MANIFEST_DIR")).join(name);
        let shown = format!("<flux-viz>/{name}");
        let file = sources.add(&shown, path, text.to_string());
        program
            .items
            .extend(library_items(name, text, file).iter().cloned());
        program.system_files.push(file);
    }
}

/// The library's files parsed once per process, by the file id each was
/// given (its spans name it): for a small program, parsing the 2,000 lines
/// of lib/*.fs was most of a compile. Holds a few ids per file (the
/// program's own files come first, so the ids vary with their number).
static PARSED_LIBRARY: std::sync::Mutex<Vec<ParsedLibraryFile>> = std::sync::Mutex::new(Vec::new());

/// One entry of [`PARSED_LIBRARY`]: the file's name, its id, its items.
type ParsedLibraryFile = (&'static str, FileId, std::sync::Arc<Vec<Item>>);

/// The most (file, id) pairs [`PARSED_LIBRARY`] keeps.
const PARSED_LIBRARY_LIMIT: usize = 32;

fn library_items(name: &'static str, text: &str, file: FileId) -> std::sync::Arc<Vec<Item>> {
    let cached = |cache: &[ParsedLibraryFile]| {
        cache
            .iter()
            .find(|(n, f, _)| *n == name && *f == file)
            .map(|(.., items)| items.clone())
    };
    if let Some(items) = cached(&PARSED_LIBRARY.lock().unwrap_or_else(|e| e.into_inner())) {
        return items;
    }
    let (entries, diags) = parse_text(file, text);
    debug_assert!(diags.is_empty(), "{name} parses: {diags:?}");
    let items: std::sync::Arc<Vec<Item>> = std::sync::Arc::new(
        entries
            .into_iter()
            .filter_map(|entry| match entry {
                Entry::Item(item) => Some(item),
                Entry::Include { .. } | Entry::NeedsDouble | Entry::Qualified(_) => None,
            })
            .collect(),
    );
    let mut cache = PARSED_LIBRARY.lock().unwrap_or_else(|e| e.into_inner());
    if cache.len() >= PARSED_LIBRARY_LIMIT {
        cache.remove(0);
    }
    cache.push((name, file, items.clone()));
    items
}

/// The classes lib/Collections.fs declares (a test checks the list).
pub const COLLECTION_TYPES: &[&str] = &[
    "KeyNotFoundException",
    "Sequence",
    "SequenceEnumerator",
    "List",
    "Queue",
    "Stack",
    "KeyValuePair",
    "KeyHash",
    "Dictionary",
    "DictionaryEnumerator",
    "CollectionExtensions",
];

/// The classes lib/Text.fs declares (a test checks the list).
pub const TEXT_TYPES: &[&str] = &["StringBuilder"];

/// Whether the program declares a class of one of these names itself (its
/// own then stands for the library's, as any class a program declares
/// would in C#).
fn declares_a_class_of(program: &Program, names: &[&str]) -> bool {
    program
        .items
        .iter()
        .any(|item| matches!(item, Item::Class(c) if names.contains(&c.name.name.as_str())))
}

/// Whether a type the program writes (a local's, a `new`'s, a catch's, …)
/// is named one of `names`.
fn writes_a_type_of(program: &mut Program, names: &[&str]) -> bool {
    fn named(t: &TypeExpr, names: &[&str]) -> bool {
        match &t.kind {
            TypeExprKind::Named(id) => names.contains(&id.name.as_str()),
            TypeExprKind::Generic(g) => {
                names.contains(&g.name.name.as_str()) || g.args.iter().any(|a| named(a, names))
            }
            TypeExprKind::Array(inner) | TypeExprKind::TaskOf(inner) => named(inner, names),
            _ => false,
        }
    }
    let mut found = false;
    for item in &mut program.items {
        let mut look = |t: &mut TypeExpr| found |= named(t, names);
        match item {
            Item::Class(decl) => crate::ast::walk::class(decl, &mut look),
            Item::Function(m) => crate::ast::walk::method(m, &mut look),
            Item::Enum(_) => {}
        }
    }
    found
}

/// The system library's files (shown as `<flux-viz>/lib/…` in diagnostics
/// and the source pane), built into the binary.
pub const SYSTEM_LIBRARY: [(&str, &str); 4] = [
    ("lib/System.fs", include_str!("../lib/System.fs")),
    ("lib/Collections.fs", include_str!("../lib/Collections.fs")),
    ("lib/Text.fs", include_str!("../lib/Text.fs")),
    ("lib/Double.fs", include_str!("../lib/Double.fs")),
];

/// Whether a diagnostic is a syntax error (after which the program is incomplete).
pub fn is_syntax_error(d: &Diagnostic) -> bool {
    d.label == syntax_error::LABEL
}

/// Parses one file's text on its own: its top-level entries and diagnostics.
fn parse_text(file: FileId, text: &str) -> (Vec<Entry>, Vec<Diagnostic>) {
    if let Err(p) = prescan::check(text, MAX_NESTING) {
        let d = Diagnostic::error(Span::new(file, p.start, p.start + p.len), p.message);
        return (Vec::new(), vec![d.with_label(syntax_error::LABEL)]);
    }
    let mut builder = Builder::new(file);
    if let Some(entries) = pieces::parse(&mut builder, file, text) {
        return (entries, builder.diags);
    }
    parse_whole(file, text)
}

/// Parses one file's text in one piece: the way to a syntax error's detail,
/// and the reference that parsing in pieces is tested against.
fn parse_whole(file: FileId, text: &str) -> (Vec<Entry>, Vec<Diagnostic>) {
    let pairs = match FluxParser::parse(Rule::file, text) {
        Ok(pairs) => pairs,
        Err(_) => {
            // Parse again with error detail, which lists the tokens tried at the
            // failure; it costs time, so only failing files pay for it. The
            // setting is process-wide and never switched back off, so parallel
            // parses (tests) cannot race on it.
            pest::set_error_detail(true);
            let error = FluxParser::parse(Rule::file, text).err();
            let d = error.map(|e| syntax_error::to_diagnostic(&e, text, file));
            return (Vec::new(), d.into_iter().collect());
        }
    };
    let mut builder = Builder::new(file);
    let file_pair = pairs.into_iter().next().expect("grammar: file");
    let mut entries = builder.file(file_pair);
    builder.finish(&mut entries);
    (entries, builder.diags)
}

struct Driver<'s> {
    sources: &'s mut Sources,
    diags: Vec<Diagnostic>,
    items: Vec<Item>,
    needs_double: bool,
    qualified_types: Vec<crate::ast::QualifiedType>,
    /// The files being parsed, outermost first (for cycle detection).
    stack: Vec<FileId>,
}

impl Driver<'_> {
    /// Parses one file; `included_at` is the `using` of an included one.
    fn unit(&mut self, file: FileId, included_at: Option<Span>) {
        let text = &self.sources.get(file).text;
        let parsed = match included_at {
            Some(at) => self.included_text(file, at),
            None => Some(parse_text(file, text)),
        };
        let Some((entries, diags)) = parsed else {
            return;
        };
        self.diags.extend(diags);
        self.stack.push(file);
        for entry in entries {
            match entry {
                Entry::Item(item) => self.items.push(item),
                Entry::Include { path, span } => self.include(file, &path, span),
                Entry::NeedsDouble => self.needs_double = true,
                Entry::Qualified(q) => self.qualified_types.push(q),
            }
        }
        self.stack.pop();
    }

    fn include(&mut self, from: FileId, written: &str, span: Span) {
        let from = self.sources.get(from);
        // The file is found from the including file's real path; it is shown
        // (in diagnostics and dumps) relative to the including file's name.
        let beside = |p: &Path| p.parent().unwrap_or(Path::new("")).join(written);
        let display = normalize(&beside(Path::new(&from.name)))
            .display()
            .to_string();
        let Ok(canonical) = std::fs::canonicalize(beside(&from.path)) else {
            let d = Diagnostic::error(span, format!("include file not found: `{written}`"));
            self.diags.push(d.with_label(format!("no file {display}")));
            return;
        };
        if let Some(at) = self
            .stack
            .iter()
            .position(|&f| self.sources.get(f).path == canonical)
        {
            let mut names: Vec<String> = self.stack[at..]
                .iter()
                .map(|&f| self.file_name(f))
                .collect();
            names.push(self.file_name(self.stack[at]));
            let d = Diagnostic::error(span, format!("include cycle: {}", names.join(" → ")));
            self.diags
                .push(d.with_label("includes a file that includes this one"));
            return;
        }
        if self.sources.find_path(&canonical).is_some() {
            return;
        }
        if self.stack.len() >= MAX_INCLUDE_DEPTH {
            let message =
                format!("includes nested too deep (more than {MAX_INCLUDE_DEPTH} levels)");
            self.diags
                .push(Diagnostic::error(span, message).with_label("too deep"));
            return;
        }
        match read_source(&canonical) {
            Ok(text) => {
                let file = self.sources.add(display, canonical, text);
                self.unit(file, Some(span));
            }
            Err(message) => self
                .diags
                .push(Diagnostic::error(span, message).with_label("cannot read")),
        }
    }

    /// Parses an included file, unless its text is not Flux# source (NUL
    /// bytes; or it fails to parse and does not start as a Flux# file does,
    /// e.g. `using "/etc/passwd";`): that is reported at the `using` line,
    /// without showing any of the file's text.
    fn included_text(&mut self, file: FileId, at: Span) -> Option<(Vec<Entry>, Vec<Diagnostic>)> {
        let text = &self.sources.get(file).text;
        let why = if text.contains('\0') {
            "it contains NUL bytes"
        } else {
            let (entries, diags) = parse_text(file, text);
            if !diags.iter().any(is_syntax_error) || starts_like_source(text) {
                return Some((entries, diags));
            }
            "it does not start as a Flux# file does"
        };
        let name = &self.sources.get(file).name;
        let message = format!("`{name}` is not Flux# source: {why}");
        self.diags
            .push(Diagnostic::error(at, message).with_label("included here"));
        None
    }

    fn file_name(&self, file: FileId) -> String {
        let f = self.sources.get(file);
        f.path
            .file_name()
            .map_or_else(|| f.name.clone(), |n| n.to_string_lossy().into_owned())
    }
}

/// Whether a text starts as every Flux# file does (grammar rule `source_start`).
fn starts_like_source(text: &str) -> bool {
    FluxParser::parse(Rule::source_start, text).is_ok()
}

/// `a/b/../c.fsh` → `a/c.fsh`, without touching the file system.
fn normalize(path: &Path) -> PathBuf {
    use std::path::Component;
    let mut out = PathBuf::new();
    for component in path.components() {
        match component {
            Component::CurDir => {}
            Component::ParentDir
                if matches!(out.components().next_back(), Some(Component::Normal(_))) =>
            {
                out.pop();
            }
            other => out.push(other),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn optional_library_types_are_the_classes_their_files_declare() {
        for (file, types) in [(1, COLLECTION_TYPES), (2, TEXT_TYPES)] {
            let (_, text) = SYSTEM_LIBRARY[file];
            let (entries, diags) = parse_text(FileId(0), text);
            assert!(diags.is_empty());
            let mut declared: Vec<String> = entries
                .into_iter()
                .filter_map(|e| match e {
                    Entry::Item(Item::Class(c)) => Some(c.name.name),
                    _ => None,
                })
                .collect();
            let mut listed: Vec<String> = types.iter().map(|s| s.to_string()).collect();
            declared.sort();
            listed.sort();
            assert_eq!(declared, listed, "{}", SYSTEM_LIBRARY[file].0);
        }
    }

    /// An entry in a form tests can compare.
    fn comparable(entries: Vec<Entry>) -> Vec<Result<Item, (String, Span)>> {
        let entry = |e| match e {
            Entry::Item(item) => Ok(item),
            Entry::Include { path, span } => Err((path, span)),
            Entry::NeedsDouble => Err(("(needs lib/Double.fs)".into(), Span::default())),
            Entry::Qualified(q) => Err((format!("(qualified {})", q.name.name), q.name.span)),
        };
        entries.into_iter().map(entry).collect()
    }

    fn flux_files(dir: &Path, out: &mut Vec<PathBuf>) {
        for entry in std::fs::read_dir(dir).unwrap().flatten() {
            let path = entry.path();
            if path.is_dir() {
                flux_files(&path, out);
            } else if matches!(
                path.extension().and_then(|e| e.to_str()),
                Some("fs" | "fsh")
            ) {
                out.push(path);
            }
        }
    }

    /// Parsing in pieces builds exactly the tree and the diagnostics that
    /// parsing the whole file does, for every Flux# file in the repository
    /// (valid, invalid, with namespaces, nested classes, BOMs, …).
    #[test]
    fn pieces_agree_with_the_whole_file() {
        let root = Path::new(env!("CARGO_MANIFEST_DIR"));
        let mut files = Vec::new();
        for dir in ["lessons", "tests", "benches"] {
            flux_files(&root.join(dir), &mut files);
        }
        assert!(files.len() > 300, "only {} files found", files.len());
        let mut in_pieces = 0;
        for path in &files {
            let Ok(text) = std::fs::read_to_string(path) else {
                continue;
            };
            let file = FileId(0);
            let mut builder = Builder::new(file);
            let pieces = pieces::parse(&mut builder, file, &text);
            let (whole, whole_diags) = parse_whole(file, &text);
            let Some(pieces) = pieces else {
                assert!(
                    whole_diags.iter().any(is_syntax_error),
                    "{}: the pieces fail, the whole parses",
                    path.display()
                );
                continue;
            };
            in_pieces += 1;
            assert!(
                comparable(pieces) == comparable(whole),
                "{}: trees differ",
                path.display()
            );
            assert_eq!(builder.diags, whole_diags, "{}", path.display());
        }
        assert!(in_pieces > 250, "only {in_pieces} files parsed in pieces");
    }
}
