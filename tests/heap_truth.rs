//! The heap view is true at every instruction: walking every instruction of
//! lesson 02 and of a program with arrays, objects inside objects and async
//! frames, every object the view lists has as its first word the vtable of
//! its class (the image's `C$vtable` symbol), every array its length, and
//! every reference a field holds points to the start of a block the view
//! lists (or a string constant, or a promise); strings the runtime builds
//! are blocks with their length and text. In the UI (lesson 02): `H` shows the
//! heap, and the object under the cursor is marked wherever its address is
//! held.

use flux_viz::machine::{Machine, Stop};
use flux_viz::pipeline;
use flux_viz::tui::app::{Action, App, PaneId};
use flux_viz::tui::theme::{Theme, ThemeName};
use ratatui::backend::TestBackend;
use ratatui::Terminal;
use std::path::Path;

const NESTED: &str = r#"
using System;
using System.Threading.Tasks;
class Node { public int Value; public Node Next; public Node(int v, Node n) { Value = v; Next = n; } }
class Program {
    static async Task<int> Sum(Node n) {
        int s = 0;
        while (n != null) { s += n.Value; await Task.Yield(); n = n.Next; }
        return s;
    }
    static async Task Main() {
        Node list = new Node(1, new Node(2, new Node(3, null)));
        int[] squares = new int[4];
        for (int i = 0; i < squares.Length; i++) squares[i] = i * i;
        string[] words = { "a", "bc" };
        Console.WriteLine(await Sum(list) + squares[3] + words[1].Length);
        string label = "n=" + list.Value;
        Console.WriteLine(label + "/" + squares[3].ToString());
    }
}
"#;

/// Walks every instruction; returns how many objects were checked, and the
/// texts of the strings the runtime built, as the view showed them.
fn walk(compiled: pipeline::Compiled) -> (usize, Vec<String>) {
    let vtables: Vec<(String, u64)> = compiled
        .image
        .symbols
        .iter()
        .filter_map(|s| Some((s.name.strip_suffix("$vtable")?.to_string(), s.addr)))
        .collect();
    let heap = compiled
        .image
        .regions
        .iter()
        .find(|r| r.section == flux_viz::asm::Section::Heap)
        .map(|r| r.addr..r.addr + r.mapped_size())
        .expect("a heap region");
    let mut machine = Machine::new(compiled).unwrap();
    let mut checked = 0;
    let mut strings = Vec::new();
    loop {
        let (objects, total) = machine.heap_objects(usize::MAX);
        assert_eq!(objects.len(), total);
        let starts: Vec<u64> = objects.iter().map(|o| o.addr).collect();
        for object in &objects {
            if let Some(class) = object.title.strip_suffix(" object") {
                // The library's exceptions go by C#'s full names.
                let class = class.strip_prefix("System.").unwrap_or(class);
                let vtable = vtables.iter().find(|(c, _)| c == class).map(|v| v.1);
                let shown = &object.words[0];
                assert_eq!(shown.label, "+0 vtable");
                let word = machine.read_u64(object.addr).unwrap();
                assert_eq!(
                    Some(word),
                    vtable,
                    "{} at {:#x}, insn {}",
                    object.title,
                    object.addr,
                    machine.icount()
                );
            }
            if object.title == "string" {
                let length = machine.read_u64(object.addr).unwrap();
                assert_eq!(object.words[0].text, length.to_string());
                strings.push(object.words[1].text.clone());
            }
            if object.title.ends_with(']') {
                let length = machine.read_u64(object.addr).unwrap();
                assert!(
                    object.title.ends_with(&format!("[{length}]")),
                    "{}",
                    object.title
                );
            }
            for word in &object.words {
                let Some(target) = word.points_to else {
                    continue;
                };
                // A listed block, a promise, or a string constant of the
                // image (a literal, or a runtime message such as an
                // exception's): the only references not to a heap block.
                let constant = word.text.starts_with('"') && !heap.contains(&target);
                let known = starts.contains(&target)
                    || constant
                    || machine.describe_value(target).is_some_and(|d| {
                        d.starts_with('"') || d.contains("promise") || d.contains("object")
                    });
                assert!(
                    known,
                    "{} {} → {target:#x} at insn {}",
                    object.title,
                    word.label,
                    machine.icount()
                );
            }
            checked += 1;
        }
        if matches!(machine.step().unwrap(), Stop::End(_)) {
            break;
        }
    }
    (checked, strings)
}

#[test]
fn every_object_the_heap_view_lists_is_what_it_says_at_every_instruction() {
    let lesson = pipeline::compile_file(Path::new("lessons/02-classes.fs")).unwrap();
    assert!(walk(lesson).0 > 1000);
    let nested = pipeline::compile_source("nested.fs", NESTED).unwrap();
    let (checked, strings) = walk(nested);
    assert!(checked > 1000);
    // The strings the runtime builds are blocks of their own, their text
    // growing as it is copied in.
    for built in ["\"n=1\"", "\"n=1/\"", "\"9\"", "\"n=1/9\""] {
        assert!(strings.iter().any(|s| s == built), "{built} in {strings:?}");
    }
}

#[test]
fn lesson_02_shows_the_vtable_in_the_first_word_and_marks_the_selected_object() {
    let mut app = App::new(
        Path::new("lessons/02-classes.fs"),
        true,
        Theme::named(ThemeName::Classic),
    );
    app.apply(Action::Resize {
        width: 160,
        height: 45,
    });
    app.apply(Action::ToggleHeap);
    assert!(app.heap);
    for _ in 0..3 {
        app.apply(Action::NextLine);
    }
    let session = app.session.as_ref().unwrap();
    let (objects, _) = session.machine.heap_objects(100);
    let dog = objects
        .iter()
        .find(|o| o.title == "Dog object")
        .expect("new Dog(\"Rex\") is on the heap");
    let dog_vtable = session
        .machine
        .program()
        .image
        .symbol("Dog$vtable")
        .unwrap();
    assert_eq!(dog.words[0].text, format!("{dog_vtable:#x} → Dog"));
    assert!(dog
        .words
        .iter()
        .any(|w| w.label == "+8 name" && w.text == "\"Rex\""));
    let array = objects
        .iter()
        .find(|o| o.title == "Animal[3]")
        .expect("the array");
    assert_eq!(
        array.words[1].points_to,
        Some(dog.addr),
        "pets[0] is the Dog"
    );
    let dog_addr = dog.addr;

    // Tab to the heap, the cursor onto the Dog: its address is marked in
    // the array's element and in every register that holds it.
    while app.focus != PaneId::Async {
        app.apply(Action::FocusNext);
    }
    let rows = flux_viz::tui::panes::row_count(&app, PaneId::Async);
    let mut found = false;
    for row in 0..rows {
        app.views[PaneId::Async.index()].cursor = row;
        if flux_viz::tui::panes::lists::marked_address(&app) == Some(dog_addr) {
            found = true;
            break;
        }
    }
    assert!(found, "a row of the Dog object");
    let mut terminal = Terminal::new(TestBackend::new(160, 45)).unwrap();
    terminal
        .draw(|f| f.render_widget(&flux_viz::tui::panes::Screen(&app), f.area()))
        .unwrap();
    let buf = terminal.backend().buffer();
    let linked = Theme::named(ThemeName::Classic).linked().bg;
    let marked_rows: Vec<String> = (0..45)
        .filter(|&y| (0..160).any(|x| buf[(x, y)].bg == linked.unwrap()))
        .map(|y| (0..160).map(|x| buf[(x, y)].symbol()).collect::<String>())
        .collect();
    let element = format!("Dog object at {dog_addr:#x}");
    assert!(
        marked_rows
            .iter()
            .any(|r| r.contains("[0]") && r.contains(&element)),
        "the array's element holding the Dog is marked: {marked_rows:#?}"
    );
}
