//! `flux-viz export`: a lesson's walkthrough, as the real binary writes it.
//! The HTML page is self-contained (no script, no external reference) and
//! holds every note of the lesson with the panes drawn at its stop; headless
//! Chromium loads it (its DOM has each note's text) and renders it to a PNG.
//! Markdown holds the same stops as text; SVG is one screen.
//!
//! Without Chromium the browser part is skipped, unless `CI` is set: then
//! it fails.

use std::path::{Path, PathBuf};
use std::process::Command;

const LESSONS: [&str; 2] = ["lessons/04-event-loop.fs", "lessons/02-classes.fs"];

fn binary() -> PathBuf {
    PathBuf::from(env!("CARGO_BIN_EXE_flux-viz"))
}

fn export(lesson: &str, out: &Path, extra: &[&str]) {
    let status = Command::new(binary())
        .args(["export", lesson, "-o"])
        .arg(out)
        .args(extra)
        .status()
        .expect("flux-viz runs");
    assert!(status.success(), "export {lesson}");
}

/// The texts of a lesson's notes, as a page shows them (HTML-escaped).
fn notes(lesson: &str) -> Vec<String> {
    let source = std::fs::read_to_string(lesson).unwrap();
    let lesson = flux_viz::lesson::Lesson::parse(&source)
        .ok()
        .flatten()
        .expect("narrated");
    lesson.notes.iter().map(|n| n.text.clone()).collect()
}

fn escaped(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

fn chromium() -> Option<&'static str> {
    ["chromium", "chromium-browser"].into_iter().find(|c| {
        Command::new(c)
            .arg("--version")
            .output()
            .is_ok_and(|o| o.status.success())
    })
}

#[test]
fn the_html_walkthrough_is_self_contained_and_holds_every_note() {
    let dir = tempfile::tempdir().unwrap();
    for lesson in LESSONS {
        let page = dir.path().join("walkthrough.html");
        export(lesson, &page, &[]);
        let html = std::fs::read_to_string(&page).unwrap();
        assert!(html.starts_with("<!DOCTYPE html>"));
        for external in ["<script", "<link", "src=", "http://", "https://", "url("] {
            assert!(!html.contains(external), "{lesson}: {external}");
        }
        for note in notes(lesson) {
            assert!(
                html.contains(&escaped(&note)),
                "{lesson}: the note `{note}`"
            );
        }
        // Each stop draws the panes: the x86-64 pane's instructions are there.
        assert!(html.contains("x86-64"), "{lesson}");
        assert!(html.contains("class=\"stop\""));
    }
}

#[test]
fn chromium_loads_and_renders_the_walkthrough() {
    let Some(browser) = chromium() else {
        assert!(
            std::env::var_os("CI").is_none(),
            "CI is set and chromium is missing"
        );
        eprintln!("skipped: chromium is not installed");
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let page = dir.path().join("walkthrough.html");
    export(LESSONS[0], &page, &[]);
    let url = format!("file://{}", page.display());
    let headless = [
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--hide-scrollbars",
    ];
    let profile = format!("--user-data-dir={}", dir.path().join("profile").display());
    let dom = Command::new(browser)
        .args(headless)
        .arg(&profile)
        .args(["--dump-dom", &url])
        .output()
        .expect("chromium runs");
    assert!(
        dom.status.success(),
        "{}",
        String::from_utf8_lossy(&dom.stderr)
    );
    let dom = String::from_utf8_lossy(&dom.stdout);
    for note in notes(LESSONS[0]) {
        assert!(dom.contains(&escaped(&note)), "the DOM lacks `{note}`");
    }
    let png = dir.path().join("page.png");
    let shot = Command::new(browser)
        .args(headless)
        .arg(&profile)
        .arg(format!("--screenshot={}", png.display()))
        .args(["--window-size=1400,2000", &url])
        .output()
        .expect("chromium runs");
    assert!(
        shot.status.success(),
        "{}",
        String::from_utf8_lossy(&shot.stderr)
    );
    let bytes = std::fs::read(&png).expect("a screenshot");
    assert!(bytes.starts_with(b"\x89PNG\r\n\x1a\n"), "a PNG");
    assert!(
        bytes.len() > 20_000,
        "a page with content: {} bytes",
        bytes.len()
    );
}

#[test]
fn markdown_holds_the_same_stops_and_svg_one_screen() {
    let dir = tempfile::tempdir().unwrap();
    let md = dir.path().join("walkthrough.md");
    export(LESSONS[0], &md, &[]);
    let text = std::fs::read_to_string(&md).unwrap();
    assert!(text.starts_with("# Two tasks and the event loop"));
    for note in notes(LESSONS[0]) {
        assert!(text.contains(&format!("> {note}")), "{note}");
    }
    assert!(text.contains("```text\n┌ Source"), "panes as text blocks");
    let svg = dir.path().join("screen.svg");
    export(LESSONS[0], &svg, &["--at", "1671"]);
    let svg = std::fs::read_to_string(&svg).unwrap();
    assert!(svg.starts_with("<svg xmlns=\"http://www.w3.org/2000/svg\""));
    assert!(svg.contains("instruction 1671"), "the title of that moment");
    assert!(svg.trim_end().ends_with("</svg>"));
}

#[test]
fn export_reports_a_compile_error_like_every_command() {
    let dir = tempfile::tempdir().unwrap();
    let bad = dir.path().join("bad.fs");
    std::fs::write(&bad, "class P { static void Main() { int x = ; } }\n").unwrap();
    let out = Command::new(binary())
        .args(["export"])
        .arg(&bad)
        .arg("-o")
        .arg(dir.path().join("w.html"))
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(65));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("bad.fs:1:"), "{stderr}");
    assert!(!dir.path().join("w.html").exists());
}

#[test]
fn a_program_without_narration_exports_only_as_a_screen() {
    let dir = tempfile::tempdir().unwrap();
    let program = "tests/programs/async_inline_resume.fs";
    let out = Command::new(binary())
        .args(["export", program, "-o"])
        .arg(dir.path().join("w.html"))
        .output()
        .unwrap();
    assert!(!out.status.success());
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("has no narration"), "{stderr}");
    let svg = dir.path().join("w.svg");
    export(program, &svg, &["--theme", "classic", "--at", "100"]);
    let svg = std::fs::read_to_string(&svg).unwrap();
    assert!(
        svg.contains("instruction 100"),
        "the screen at instruction 100"
    );
}
