//! Events come from typed roles, not from text: blanking every explanation
//! and every instruction's printed text in the source map leaves the sites
//! the stepping engine hooks exactly as they were, for every lesson and
//! every async program of the corpus.

use flux_viz::machine::sites::Sites;
use flux_viz::pipeline;
use std::path::PathBuf;

fn programs() -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = ["lessons", "tests/programs"]
        .iter()
        .flat_map(|dir| std::fs::read_dir(dir).unwrap().flatten().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|e| e == "fs"))
        .collect();
    files.sort();
    files
}

fn kinds(sites: &Sites) -> Vec<(u64, String)> {
    sites
        .list
        .iter()
        .map(|s| (s.addr, format!("{:?}", s.kind)))
        .collect()
}

#[test]
fn sites_do_not_depend_on_explanations_or_instruction_text() {
    let mut checked = 0;
    for path in programs() {
        let Ok(compiled) = pipeline::compile_file(&path) else {
            continue;
        };
        let before = Sites::find(&compiled.image, &compiled.frames, &compiled.sources);
        let mut image = compiled.image.clone();
        for entry in &mut image.map {
            entry.origin.explain = "".into();
            entry.text = String::new();
        }
        let after = Sites::find(&image, &compiled.frames, &compiled.sources);
        assert_eq!(kinds(&before), kinds(&after), "{}", path.display());
        checked += 1;
    }
    assert!(checked > 100, "{checked} programs");
}

#[test]
fn every_callee_saved_push_of_generated_code_is_a_save_site() {
    let compiled = pipeline::compile_file(std::path::Path::new("lessons/01-calls.fs")).unwrap();
    let sites = Sites::find(&compiled.image, &compiled.frames, &compiled.sources);
    let saves = sites
        .list
        .iter()
        .filter(|s| matches!(s.kind, flux_viz::machine::sites::SiteKind::Save { .. }))
        .count();
    let pushes = compiled
        .image
        .map
        .iter()
        .filter(|e| !e.origin.function.starts_with("rt_") && e.origin.function.as_ref() != "_start")
        .filter(|e| {
            let words: Vec<&str> = e.text.split_whitespace().collect();
            words.first() == Some(&"push")
                && ["rbp", "rbx", "r12", "r13", "r14", "r15"].contains(&words[1])
        })
        .count();
    assert!(pushes > 0);
    assert_eq!(saves, pushes, "lesson 01: every prologue push is an event");
}

/// The x86 pane colours by the kinds the formatter gave each token: every
/// instruction's tokens cover its text exactly, every register the
/// instruction encodes is a register token, and no register token is
/// anything but a register iced-x86 knows.
#[test]
fn instruction_tokens_are_typed_by_the_formatter() {
    use flux_viz::asm::TokenKind;
    let compiled =
        pipeline::compile_file(std::path::Path::new("lessons/03-first-await.fs")).unwrap();
    let mut registers = 0;
    for entry in &compiled.image.map {
        let joined: String = entry.token_texts().map(|(_, t)| t).collect();
        assert_eq!(joined, entry.text);
        let (mnemonic, _) = entry
            .token_texts()
            .find(|(k, _)| *k != TokenKind::Punctuation)
            .unwrap();
        assert_eq!(mnemonic, TokenKind::Mnemonic, "{}", entry.text);
        for name in entry.registers() {
            registers += 1;
            let known =
                iced_x86::Register::values().any(|r| format!("{r:?}").eq_ignore_ascii_case(name));
            assert!(known, "`{name}` in `{}` is not a register", entry.text);
        }
        // A symbol that looks like a register (`r12` as a label) cannot
        // be mistaken for one: symbols come from the resolver.
        for (kind, text) in entry.token_texts() {
            if kind == TokenKind::Symbol {
                assert!(!entry.registers().contains(&text));
            }
        }
    }
    assert!(registers > 500, "{registers} register tokens");
}
