//! The stepping engine (src/machine): event sequences of async programs
//! (snapshots), exact reverse execution (step back to the start, random walks),
//! and the three abnormal ends (failure, budget, deadlock) as events.

use flux_viz::machine::{Event, EventKind, KindSet, LineStep, Machine, Options, Stop};
use flux_viz::pipeline;
use std::path::Path;

/// Async programs whose event sequences are snapshot-tested.
const PROGRAMS: [&str; 12] = [
    "async_hello",
    "async_await_order",
    "async_delay_order",
    "async_yield_pingpong",
    "async_whenall",
    "async_task_chain",
    "async_multiple_awaiters",
    "async_equal_deadlines",
    "async_instance_methods",
    "async_await_in_loop",
    "async_producer_consumer",
    "async_tickers",
];

/// Small checkpoint intervals, so the tests cross many checkpoints.
fn machine(name: &str, options: Options) -> Machine {
    let path = format!("tests/programs/{name}.fs");
    let compiled =
        pipeline::compile_file(Path::new(&path)).unwrap_or_else(|f| panic!("{}", f.render()));
    Machine::with_options(compiled, options).expect("the machine loads")
}

fn small(interval: u64) -> Options {
    Options {
        checkpoint_interval: interval,
        ..Options::default()
    }
}

/// One readable line per async event: kind, promise owner, states.
fn summary(event: &Event) -> String {
    let owner = event
        .promise
        .as_ref()
        .map_or(String::new(), |p| format!(" #{} {}", p.id, p.owner));
    let states = match (event.state_before, event.state_after) {
        (Some(a), Some(b)) => format!(" {a}->{b}"),
        (Some(a), None) | (None, Some(a)) => format!(" {a}"),
        _ => String::new(),
    };
    format!("{}{owner}{states}", event.kind.name())
}

#[test]
fn event_sequences() {
    let kinds = KindSet::ASYNC.union(KindSet::ENDS);
    for name in PROGRAMS {
        let mut m = machine(name, small(1 << 20));
        let mut lines = Vec::new();
        while let Stop::Event(event) = m.run_to(kinds).expect("runs") {
            lines.push(summary(&event));
        }
        assert!(m.ended().is_some(), "{name} ends");
        lines.push(format!("end {:?}", m.ended().unwrap()));
        insta::assert_snapshot!(name, lines.join("\n"));
    }
}

#[test]
fn run_to_event_agrees_with_the_recorded_events() {
    for name in PROGRAMS {
        let mut direct = machine(name, small(1 << 20));
        direct.run_to_end().unwrap();
        let recorded: Vec<Event> = direct.events();
        let mut stepped = machine(name, small(1000));
        let mut seen = Vec::new();
        while let Stop::Event(event) = stepped.run_to(KindSet::RECORDED).unwrap() {
            seen.push(*event);
        }
        assert_eq!(seen, recorded, "{name}");
        assert_eq!(direct.stdout(), stepped.stdout(), "{name}");
    }
}

#[test]
fn stepping_back_to_the_start_restores_every_sampled_state() {
    let sampled = |i: u64| i.is_multiple_of(13) || i < 5;
    for name in PROGRAMS {
        let mut m = machine(name, small(700));
        let mut hashes = Vec::new();
        while m.ended().is_none() {
            if sampled(m.icount()) {
                hashes.push((m.icount(), m.state_hash()));
            }
            m.step().unwrap();
        }
        let end = (m.icount(), m.state_hash());
        while m.icount() > 0 {
            m.step_back().unwrap();
            if sampled(m.icount()) {
                let expected = hashes.pop().expect("a sample");
                assert_eq!(
                    (m.icount(), m.state_hash()),
                    expected,
                    "{name}: stepping back"
                );
            }
        }
        assert!(hashes.is_empty(), "{name}: every sample compared");
        assert_eq!(m.step_back().unwrap(), Stop::Start);
        m.goto(end.0).unwrap();
        assert_eq!(
            (m.icount(), m.state_hash()),
            end,
            "{name}: forward again reproduces the end"
        );
    }
}

/// A deterministic pseudo-random sequence (xorshift).
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
}

#[test]
fn a_random_walk_ends_where_the_direct_path_does() {
    for (seed, name) in [
        (7, "async_yield_pingpong"),
        (11, "async_producer_consumer"),
        (13, "async_tickers"),
    ] {
        let mut m = machine(name, small(300));
        let mut rng = Rng(seed);
        let kinds = KindSet::ASYNC;
        for _ in 0..10_000 {
            let _ = match rng.next() % 8 {
                0 | 1 => m.step(),
                2 | 3 => m.step_back(),
                4 => m.run_to(kinds),
                5 => m.back_to(kinds),
                6 => m.step_line(LineStep::Over),
                _ => m.goto(rng.next() % (m.icount() + 50)),
            }
            .expect("every action works");
        }
        let (at, hash, out) = (m.icount(), m.state_hash(), m.stdout().to_vec());
        let mut direct = machine(name, small(1 << 20));
        direct.goto(at).unwrap();
        assert_eq!(direct.state_hash(), hash, "{name}: same state at {at}");
        assert_eq!(direct.stdout(), &out[..], "{name}");
    }
}

/// Runs to the end; the last event must be `kind`; then steps back from it
/// and forward again.
fn ends_with(name: &str, options: Options, kind: EventKind) {
    let mut m = machine(name, options);
    loop {
        match m.run_to(KindSet::of(&[kind])).unwrap() {
            Stop::Event(_) => {}
            Stop::End(_) => break,
            other => panic!("{name}: unexpected stop {other:?}"),
        }
    }
    let event = m.events().into_iter().rfind(|e| e.kind == kind);
    let event = event.unwrap_or_else(|| panic!("{name}: no {kind:?} event"));
    assert_eq!(event.kind, kind);
    assert!(!event.explain.is_empty());
    let end = (m.icount(), m.state_hash());
    if m.icount() > event.icount {
        m.back_to(KindSet::of(&[kind])).unwrap();
    }
    assert_eq!(m.icount(), event.icount, "{name}: at the {kind:?} event");
    assert_eq!(m.last_event().as_ref(), Some(&event));
    m.step_back().unwrap();
    assert_eq!(m.icount(), event.icount - 1);
    m.run_to_end().unwrap();
    assert_eq!(
        (m.icount(), m.state_hash()),
        end,
        "{name}: the same end again"
    );
}

#[test]
fn a_failure_is_a_fault_event() {
    ends_with("async_fail_null", small(500), EventKind::Fault);
}

#[test]
fn a_deadlock_is_an_event() {
    ends_with("async_deadlock_self", small(500), EventKind::Deadlock);
}

#[test]
fn an_exhausted_budget_is_an_event() {
    let options = Options {
        max_insns: 5_000,
        checkpoint_interval: 700,
    };
    ends_with("async_many_tasks", options, EventKind::Budget);
    let mut m = machine("async_many_tasks", options);
    assert!(matches!(
        m.run_to_end().unwrap(),
        Stop::End(flux_viz::machine::End::Budget)
    ));
    assert_eq!(m.icount(), 5_000);
}

#[test]
fn breakpoints_on_states_and_lines_stop_there() {
    let mut m = machine("async_hello", small(1 << 20));
    m.add_breakpoint(flux_viz::machine::Breakpoint::State {
        method: "Program.Answer".into(),
        state: 1,
    })
    .unwrap();
    let stop = m.run_to_end().unwrap();
    assert!(matches!(stop, Stop::Breakpoint(_)), "{stop:?}");
    let frames = m.frames();
    let answer = frames
        .iter()
        .find(|f| f.method == "Program.Answer")
        .unwrap();
    assert_eq!(answer.state, 1);
    assert_eq!(m.now(), 15, "virtual time when Answer resumes");
    assert!(m.registers().iter().any(|r| r.changed));
    assert!(!m.stack(32).is_empty());
    assert!(m.promises().len() >= 3);
}

/// Promises are named by the call that made them, and values in
/// explanations by what they are: lesson 05's brews by drink and minutes, a
/// `Task<string>`'s result by its text, never a bare address.
#[test]
fn promises_named_by_their_call_and_results_by_their_value() {
    let compiled = pipeline::compile_file(Path::new("lessons/05-timers.fs")).unwrap();
    let mut m = Machine::with_options(compiled, Options::default()).unwrap();
    m.run_to_end().unwrap();
    let lines: Vec<String> = m.events().iter().map(|e| e.line()).collect();
    for call in [
        r#"Brew("tea", 30)"#,
        r#"Brew("coffee", 10)"#,
        r#"Brew("cocoa", 30)"#,
    ] {
        assert!(
            lines.iter().any(|l| l.contains(&format!(" {call} "))),
            "{call}"
        );
    }
    let coffee = lines
        .iter()
        .find(|l| l.contains("complete") && l.contains(r#"Brew("coffee", 10)"#))
        .expect("coffee completes");
    assert!(
        coffee.contains(r#"with result 0x"#) && coffee.contains(r#" "coffee""#),
        "{coffee}"
    );
}

/// What the UI reads without building events (an event's kind and promise,
/// from its compact record) is what the built event says, for every event
/// of every program above and the five lessons.
#[test]
fn an_events_kind_and_promise_read_from_its_record_match_the_built_event() {
    let lessons = std::fs::read_dir("lessons").expect("lessons/");
    let mut paths: Vec<String> = PROGRAMS
        .iter()
        .map(|p| format!("tests/programs/{p}.fs"))
        .collect();
    paths.extend(
        lessons
            .filter_map(|e| Some(e.ok()?.path().to_str()?.to_string()))
            .filter(|p| p.ends_with(".fs")),
    );
    for path in paths {
        let compiled =
            pipeline::compile_file(Path::new(&path)).unwrap_or_else(|f| panic!("{}", f.render()));
        let mut m = Machine::new(compiled).expect("the machine loads");
        assert!(matches!(m.run_to_end(), Ok(Stop::End(_))), "{path}");
        let events = m.events();
        assert!(events.len() > 10, "{path}");
        for (i, event) in events.iter().enumerate() {
            assert_eq!(m.event_kind(i), Some(event.kind), "{path} event {i}");
            assert_eq!(m.event_icount(i), Some(event.icount), "{path} event {i}");
            let promise = event.promise.as_ref().map(|p| p.addr);
            assert_eq!(
                m.event_promise(i),
                promise,
                "{path} event {i}: {}",
                event.line()
            );
        }
    }
}

/// The exception events of programs that throw, catch, rethrow and run
/// finally blocks (sync and across awaits): which exception, where, and
/// what the event says, each read from the typed facts of the code
/// generator and the runtime.
#[test]
fn exception_events() {
    let kinds = KindSet::of(&[
        EventKind::Throw,
        EventKind::Catch,
        EventKind::Rethrow,
        EventKind::Finally,
        EventKind::Faulted,
        EventKind::Fault,
    ]);
    for name in [
        "exceptions_finally",
        "exceptions_rethrow",
        "async_catch_awaits",
    ] {
        let mut m = machine(name, small(1 << 20));
        let mut lines = Vec::new();
        while let Stop::Event(event) = m.run_to(kinds).expect("runs") {
            let exception = event.exception.clone().unwrap_or_default();
            let line = event.line.map_or(String::new(), |l| format!(" line {l}"));
            lines.push(format!(
                "{} {exception}{line} in {}: {}",
                event.kind.name(),
                event.function,
                event.explain
            ));
        }
        lines.push(format!("end {:?}", m.ended().expect("the program ends")));
        insta::assert_snapshot!(format!("exceptions_{name}"), lines.join("\n"));
    }
}

/// Every handler record in a frame is named on the stack (they were once
/// shown as padding).
#[test]
fn the_stack_names_every_handler_record() {
    let compiled = pipeline::compile_file(Path::new("lessons/06-exceptions.fs"))
        .unwrap_or_else(|f| panic!("{}", f.render()));
    let mut m = Machine::with_options(compiled, small(1 << 20)).expect("the machine loads");
    // The await in FetchOrZero(-1) rethrows inside its try-catch-finally:
    // its frame holds one record per try (a resume function has none of its
    // own: whoever runs it catches what leaves it).
    loop {
        match m.run_to(KindSet::of(&[EventKind::Rethrow])).expect("runs") {
            Stop::Event(e) if e.kind == EventKind::Rethrow => break,
            Stop::Event(_) => continue,
            other => panic!("no rethrow: {other:?}"),
        }
    }
    let records = m
        .stack(64)
        .iter()
        .filter(|s| s.label == "handler record: next outer record (Program.FetchOrZero$resume)")
        .count();
    assert_eq!(records, 2, "{:#?}", m.stack(64));
}

/// The engine moves its code hook off compute loops where sites are sparse
/// (Engine::retune): that must change nothing a student sees. The same
/// program run with the hook pinned over every instruction records the same
/// events, and a breakpoint set inside a loop while the coverage is sparse
/// is still hit, at the same instruction.
#[test]
fn sparse_and_dense_hook_coverage_record_the_same_events() {
    let source = include_str!("../benches/machine/workers.fs")
        .replace("ROUNDS", "20")
        .replace("WORK", "20000");
    let load = |pin: bool| {
        let compiled = pipeline::compile_source("workers.fs", &source)
            .unwrap_or_else(|f| panic!("{}", f.render()));
        let mut m = Machine::with_options(compiled, small(100_000)).expect("loads");
        if pin {
            m.pin_dense_hooks().unwrap();
        }
        m
    };
    let (mut adaptive, mut dense) = (load(false), load(true));
    adaptive.run_to_end().unwrap();
    dense.run_to_end().unwrap();
    assert!(
        adaptive.coverage_changes() > 1,
        "the compute loops run under sparse coverage"
    );
    assert_eq!(dense.coverage_changes(), 1, "pinned: installed once");
    assert_eq!(adaptive.icount(), dense.icount());
    assert_eq!(adaptive.events(), dense.events());

    // `x = (x * 1103515245 + 12345) % 1000003;`, inside Work's loop.
    let file = flux_viz::source::FileId::default();
    let line = source
        .lines()
        .position(|l| l.contains("1103515245"))
        .unwrap()
        + 1;
    let mut hits = Vec::new();
    for pin in [false, true] {
        let mut m = load(pin);
        m.goto(3_000_000).unwrap();
        // Installed dense, then each change flips it: even means sparse.
        let sparse_now = m.coverage_changes() % 2 == 0;
        assert_eq!(sparse_now, !pin, "sparse at the breakpoint's setting");
        m.add_breakpoint(flux_viz::machine::Breakpoint::Line { file, line })
            .unwrap();
        let mut at = Vec::new();
        for _ in 0..3 {
            assert!(matches!(m.run_to_end().unwrap(), Stop::Breakpoint(_)));
            at.push(m.icount());
        }
        hits.push(at);
    }
    assert_eq!(hits[0], hits[1], "the same breakpoint hits either way");
}
