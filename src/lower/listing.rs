//! `--emit sm` and `--emit dot`: the lowered state machines, for people.
//!
//! In: the lowered [`ir::Module`] and the sources. Out: for every async
//! method, its frame layout (field, offset, size, why), its states with the
//! source lines they start at, each `await` with what happens at suspension
//! and resumption, and the transitions — as text, or as a Graphviz graph.

use crate::ir::{self, Frame, Function, FunctionKind, Next, Storage};
use crate::pipeline::Lowering;
use crate::source::{Sources, Span};
use std::fmt::Write;

/// The resume functions of a module (one per async method), in source order.
fn machines<'m>(module: &'m ir::Module) -> impl Iterator<Item = (&'m Function, &'m Frame)> {
    module
        .functions
        .iter()
        .filter_map(|f| match (&f.kind, &f.frame) {
            (FunctionKind::AsyncResume(_), Some(frame)) => Some((f, frame)),
            _ => None,
        })
}

/// `file:line` and the trimmed text of the line a span starts on.
fn line_of(sources: &Sources, span: Span) -> (usize, String) {
    let file = sources.get(span.file);
    let line = file.line(span.start as usize);
    (line, file.line_text(line).trim().to_string())
}

/// The whole text listing, for the lowering the module was lowered for.
pub fn state_machines(module: &ir::Module, sources: &Sources, lowering: Lowering) -> String {
    let mut out = String::new();
    let mut any = false;
    for (function, frame) in machines(module) {
        any = true;
        machine(&mut out, module, sources, function, frame, lowering);
    }
    if !any {
        out.push_str("no async methods: nothing is lowered to a state machine\n");
    }
    out
}

fn machine(
    out: &mut String,
    module: &ir::Module,
    sources: &Sources,
    f: &Function,
    frame: &Frame,
    lowering: Lowering,
) {
    let method = &module.program.methods[frame.method.0 as usize];
    let name = module.program.method_name(frame.method);
    let starter = super::labels::method_of_body(&f.label);
    let (line, text) = line_of(sources, method.span);
    let what = match lowering {
        _ if frame.future => "future",
        Lowering::Stackful => "stackful task",
        _ => "state machine",
    };
    let _ = writeln!(
        out,
        "{what} {name}  ({}:{line}: {text})",
        sources.get(method.span.file).name
    );
    if frame.future {
        let _ = writeln!(
            out,
            "  {starter} allocates the frame and stores the arguments: nothing of the method runs (a lazy future);"
        );
        let _ = writeln!(
            out,
            "  whoever awaits it polls it: {}(frame, cx) runs it to its next await, 0 Ready or 1 Pending;",
            f.label
        );
    } else if lowering == Lowering::Stackful {
        let _ = writeln!(
            out,
            "  {starter} allocates the frame, stores the arguments and starts the task (hot start):"
        );
        let _ = writeln!(
            out,
            "  rt_fiber_resume gives it a stack of its own and runs {} there, up to its first suspension;",
            f.label
        );
    } else {
        let _ = writeln!(
            out,
            "  {starter} allocates the frame, stores the arguments and runs {} once (hot start);",
            f.label
        );
    }
    let gets = if frame.future { "future" } else { "task" };
    let _ = writeln!(out, "  the frame is the {gets} the caller gets back.");
    let _ = writeln!(out);
    let _ = writeln!(out, "  frame ({} bytes on the heap):", frame.size);
    for field in &frame.fields {
        let _ = writeln!(
            out,
            "    +{:<4} {:<14} {}  {}",
            field.offset, field.name, field.size, field.why
        );
    }
    let _ = writeln!(out);
    registers(out, f);
    let _ = writeln!(out);
    match lowering {
        Lowering::Table => {
            let _ = writeln!(
                out,
                "  states (the {} function jumps through {}):",
                if frame.future { "poll" } else { "resume" },
                super::labels::state_table(&f.label)
            );
        }
        Lowering::Direct => {
            let _ = writeln!(
                out,
                "  states (the frame keeps the address of the state's code; no table):"
            );
        }
        Lowering::Stackful => {
            let _ = writeln!(
                out,
                "  await points (no state is stored: the task's own stack keeps where it stopped,"
            );
            let _ = writeln!(out, "  the return address of its call of rt_fiber_switch):");
        }
    }
    let _ = writeln!(
        out,
        "    state 0  {}.state0  starts at line {line}: runs the first statements",
        f.label
    );
    for state in &frame.states {
        let (line, text) = line_of(sources, state.span);
        let _ = writeln!(
            out,
            "    state {}  {}.state{}  resumes after line {line}: {text}",
            state.id, f.label, state.id
        );
        if !state.regions.is_empty() {
            let inside: Vec<String> = state
                .regions
                .iter()
                .map(|r| region_words(sources, r))
                .collect();
            let _ = writeln!(out, "             {}", inside.join(" › "));
        }
    }
    try_regions(out, sources, f, frame, lowering);
    let _ = writeln!(out);
    let _ = writeln!(out, "  awaits:");
    for state in &frame.states {
        await_point(out, sources, f, state, lowering);
    }
    if frame.states.is_empty() {
        let _ = writeln!(
            out,
            "    none: the method never suspends and completes during its call"
        );
    }
    let _ = writeln!(out);
    let _ = writeln!(out, "  transitions:");
    for (from, next) in frame.successors.iter().enumerate() {
        for n in next {
            let is_yield = match n {
                Next::Await(k) => frame
                    .states
                    .get(*k as usize - 1)
                    .is_some_and(|s| s.is_yield),
                Next::Complete => false,
            };
            let _ = writeln!(out, "    {}", transition(from as u32, *n, is_yield));
        }
    }
    let _ = writeln!(out);
}

/// Where the method's locals live while it runs.
fn registers(out: &mut String, f: &Function) {
    let homes: Vec<String> = f
        .locals
        .iter()
        .map(|l| match l.storage {
            Storage::Reg(r) => format!("{} in {}", l.name, r.name()),
            Storage::Stack(off) => format!("{} in [rbp-{off}]", l.name),
            Storage::Frame(off) => format!("{} in the frame [r15+{off}]", l.name),
        })
        .collect();
    let _ = writeln!(
        out,
        "  while running: r15 = the frame; {}",
        if homes.is_empty() {
            "no locals".into()
        } else {
            homes.join(", ")
        }
    );
}

/// Where a state stands: "in the try at line 12", as the UI says it too.
pub fn region_words(sources: &Sources, region: &ir::Region) -> String {
    let line = |span| line_of(sources, span).0;
    match *region {
        ir::Region::Try {
            for_finally: false,
            span,
            ..
        } => format!("in the try at line {}", line(span)),
        ir::Region::Try {
            for_finally: true,
            span,
            ..
        } => format!("under the finally of the try at line {}", line(span)),
        ir::Region::Handler {
            for_finally: false,
            span,
            ..
        } => format!("in a catch of the try at line {}", line(span)),
        ir::Region::Handler {
            for_finally: true,
            span,
            ..
        }
        | ir::Region::Finally { span } => {
            format!("in the finally of the try at line {}", line(span))
        }
    }
}

/// The same, short (`try 12`, `catch 12`, `finally 12`: the try's line),
/// for a row of the state pane.
pub fn region_tag(sources: &Sources, region: &ir::Region) -> String {
    let (what, span) = match *region {
        ir::Region::Try { span, .. } => ("try", span),
        ir::Region::Handler {
            for_finally: false,
            span,
            ..
        } => ("catch", span),
        ir::Region::Handler { span, .. } | ir::Region::Finally { span } => ("finally", span),
    };
    format!("{what} {}", line_of(sources, span).0)
}

/// Each `try` of the method with an await inside: its handler record and
/// what resuming inside it does (Roslyn instead re-enters the try block
/// through a dispatch of its own; here the record is made again).
fn try_regions(
    out: &mut String,
    sources: &Sources,
    f: &Function,
    frame: &Frame,
    lowering: Lowering,
) {
    let mut tries = Vec::new();
    ir::walk_stmts(&f.body, &mut |stmt| {
        if let ir::Stmt::Try {
            record,
            span,
            for_finally,
            ..
        } = stmt
        {
            tries.push((*record, *span, *for_finally));
        }
    });
    let mut header = false;
    for (record, span, for_finally) in tries {
        let inside: Vec<String> = frame
            .states
            .iter()
            .filter(|s| {
                s.regions
                    .iter()
                    .any(|r| matches!(r, ir::Region::Try { record: k, .. } if *k == record))
            })
            .map(|s| s.id.to_string())
            .collect();
        if inside.is_empty() {
            continue;
        }
        if !header {
            let _ = writeln!(out);
            let _ = writeln!(out, "  try regions:");
            header = true;
        }
        let line = line_of(sources, span).0;
        let at = f.try_records[record as usize];
        let guards = if for_finally {
            "its finally, run and then the exception thrown on"
        } else {
            "its catch clauses"
        };
        let _ = writeln!(
            out,
            "    try at line {line}: handler record at [rbp-{at}]; an exception inside goes to .L.catch{record}: {guards}"
        );
        let how = match lowering {
            Lowering::Stackful => "the record stays on the task's stack while it waits (rt_fiber_resume keeps the task's chain in the frame and puts it back)",
            _ => "a suspension takes the record off the chain with the method's own, and resuming makes it again before the code goes on",
        };
        let _ = writeln!(
            out,
            "      states {} resume inside it: {how}",
            inside.join(", ")
        );
    }
}

fn await_point(
    out: &mut String,
    sources: &Sources,
    f: &Function,
    state: &ir::State,
    lowering: Lowering,
) {
    let (line, _) = line_of(sources, state.span);
    let snippet = sources.snippet(state.span);
    let n = state.id;
    let _ = writeln!(out, "    await #{n} at line {line}: {snippet}");
    let needed: Vec<&str> = state
        .live
        .iter()
        .map(|&l| f.locals[l].name.as_str())
        .collect();
    let one = needed.len() == 1;
    let kept = match (needed.is_empty(), lowering) {
        (true, _) => "nothing is needed after it".to_string(),
        (false, Lowering::Stackful) => format!(
            "{} {} where {} on its stack",
            needed.join(", "),
            if one { "stays" } else { "stay" },
            if one { "it is" } else { "they are" }
        ),
        (false, _) => format!(
            "{} {} in the frame already: nothing to save",
            needed.join(", "),
            if one { "lives" } else { "live" }
        ),
    };
    let wait = if state.is_yield {
        "puts the frame at the back of the ready queue"
    } else {
        let _ = writeln!(
            out,
            "      already complete? continues at once (no suspension)"
        );
        "joins the task's awaiters"
    };
    let result = if state.has_result {
        "; reads the task's result"
    } else {
        ""
    };
    let (suspend, resume) = match lowering {
        _ if f.frame.as_ref().is_some_and(|fr| fr.future) => (
            match state.is_yield {
                true => format!("state := {n}; wakes its task (the waker of this poll); returns Pending (1)"),
                false => format!("state := {n}; polls the awaited future in place with this poll's waker; its Pending (1) is returned upward"),
            },
            format!("the next poll of {} jumps through the table to .state{n}{}", f.label, if state.is_yield { "" } else { ", which polls the awaited future again" }),
        ),
        Lowering::Table => (
            format!("{kept}; state := {n}; {wait}; returns to the event loop"),
            format!("the event loop calls {}(frame); the table sends it to .state{n}{result}", f.label),
        ),
        Lowering::Direct => (
            format!("{kept}; stores the address of .state{n}; {wait}; returns to the event loop"),
            format!("the event loop calls {}(frame), which jumps to the address in the frame (.state{n}){result}", f.label),
        ),
        Lowering::Stackful => (
            format!("{kept}; {wait}; rt_fiber_switch pushes rbp, rbx, r12-r15 on the task's stack, keeps rsp in the frame and switches to the stack of whoever resumed it"),
            format!("the event loop calls rt_fiber_resume(frame), which switches back to the task's stack; rt_fiber_switch pops the registers and returns to .state{n}{result}"),
        ),
    };
    let _ = writeln!(out, "      suspend: {suspend}");
    let _ = writeln!(out, "      resume:  {resume}");
}

fn state_name(state: u32) -> String {
    if state == 0 {
        "start (state 0)".into()
    } else {
        format!("state {state}")
    }
}

/// One edge in words: `state 1 ──await #2 (…)──▶ state 2`. The UI renders
/// the typed transitions of a frame layout with it, as `--emit sm` does.
pub fn transition(from: u32, next: Next, is_yield: bool) -> String {
    match next {
        Next::Complete => format!(
            "{} ──return──▶ completed (result stored, awaiters queued)",
            state_name(from)
        ),
        Next::Await(n) => {
            let how = if is_yield {
                "Task.Yield, re-queued"
            } else {
                "suspends until the task completes"
            };
            format!("{} ──await #{n} ({how})──▶ state {n}", state_name(from))
        }
    }
}

/// The same machines as a Graphviz digraph (one cluster per async method).
pub fn dot(module: &ir::Module, sources: &Sources) -> String {
    let mut out = String::from(
        "digraph state_machines {\n  rankdir=LR;\n  node [shape=box, fontname=\"monospace\"];\n",
    );
    for (index, (f, frame)) in machines(module).enumerate() {
        let name = module.program.method_name(frame.method);
        let _ = writeln!(
            out,
            "  subgraph cluster_{index} {{\n    label=\"{}\";",
            escape(&name)
        );
        let node = |s: u32| format!("m{index}_s{s}");
        let _ = writeln!(out, "    {} [label=\"state 0\\nstart\"];", node(0));
        for state in &frame.states {
            let (line, text) = line_of(sources, state.span);
            let _ = writeln!(
                out,
                "    {} [label=\"state {}\\nafter line {line}\\n{}\"];",
                node(state.id),
                state.id,
                escape(&text)
            );
        }
        let _ = writeln!(
            out,
            "    m{index}_done [label=\"completed\", shape=doublecircle];"
        );
        for (from, next) in frame.successors.iter().enumerate() {
            for n in next {
                match n {
                    Next::Complete => {
                        let _ = writeln!(
                            out,
                            "    {} -> m{index}_done [label=\"return\"];",
                            node(from as u32)
                        );
                    }
                    Next::Await(to) => {
                        let _ = writeln!(
                            out,
                            "    {} -> {} [label=\"await #{to}\"];",
                            node(from as u32),
                            node(*to)
                        );
                    }
                }
            }
        }
        let _ = writeln!(out, "  }}");
        let _ = f;
    }
    out.push_str("}\n");
    out
}

fn escape(text: &str) -> String {
    text.replace('\\', "\\\\").replace('"', "\\\"")
}
