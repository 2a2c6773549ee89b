//! The layout of an async method's heap frame: the promise header, the
//! arguments, and one save slot per local that lives across an await.

use super::liveness;
use super::spill::AwaitSite;
use crate::ir::{header, Frame, FrameField, Local, LocalIndex, Next, Region, State, Stmt};
use crate::runtime_layout as rt;
use crate::typed::MethodId;

/// What an async method's frame is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FrameKind {
    /// A state machine's frame (`--lowering table` or `direct`).
    StateMachine,
    /// A stackful task's (`--lowering stackful`): its stack's bookkeeping.
    Stackful,
    /// A Rust future's (`--model rust`): its state byte and its waker.
    Future,
}

/// Lays out the frame of the async method whose lowered body is `body`.
pub fn layout(
    method: MethodId,
    locals: &[Local],
    params: usize,
    this: Option<LocalIndex>,
    body: &[Stmt],
    awaits: Vec<AwaitSite>,
    kind: FrameKind,
) -> Frame {
    let stackful = kind == FrameKind::Stackful;
    let mut fields = header_fields(kind);
    let mut offset = match kind {
        FrameKind::Stackful => rt::F_SIZE as u32,
        FrameKind::Future => rt::R_SIZE as u32,
        FrameKind::StateMachine => header::SIZE,
    };
    let mut slot = |name: String, why: String, fields: &mut Vec<FrameField>| {
        fields.push(FrameField {
            name,
            offset,
            size: 8,
            why,
        });
        offset += 8;
        offset - 8
    };
    // The arguments: the starter stores them, state 0 loads them.
    let mut param_slots = Vec::new();
    for local in this.into_iter().chain(0..params) {
        let why = if Some(local) == this {
            "the object the method runs on (`this`), stored by the call".to_string()
        } else {
            "an argument, stored by the call before the first state runs".to_string()
        };
        let at = slot(locals[local].name.clone(), why, &mut fields);
        param_slots.push((local, at));
    }
    let live = liveness::live_after_awaits(body, this);
    let mut saves: Vec<(LocalIndex, u32)> = param_slots.clone();
    // On a stack of its own, a stackful task's locals stay where they are:
    // only the arguments, which the starter stores, are in the frame.
    let across_awaits = if stackful { &[][..] } else { &live[..] };
    for (state, live_locals) in across_awaits {
        for &local in live_locals {
            if let Some(&(_, at)) = saves.iter().find(|(l, _)| *l == local) {
                // An argument keeps its slot; say that it is also saved there.
                if let Some(field) = fields.iter_mut().find(|f| f.offset == at) {
                    let note = format!("; needed there after await #{state}");
                    if !field.why.contains(&note) {
                        field.why.push_str(&note);
                    }
                }
                continue;
            }
            let line_why = format!(
                "`{}` is still needed after await #{} (state {})",
                locals[local].name, state, state
            );
            let at = slot(locals[local].name.clone(), line_why, &mut fields);
            saves.push((local, at));
        }
    }
    let assigned = liveness::assigned_locals(body);
    let unchanged_args: Vec<LocalIndex> = param_slots
        .iter()
        .map(|(l, _)| *l)
        .filter(|l| !assigned.contains(l))
        .collect();
    let mut regions = vec![Vec::new(); awaits.len()];
    regions_of_awaits(body, &mut Vec::new(), &mut regions);
    let states = awaits
        .into_iter()
        .zip(regions)
        .enumerate()
        .map(|(i, (site, regions))| {
            let id = i as u32 + 1;
            let live = live
                .iter()
                .find(|(s, _)| *s == id)
                .map(|(_, l)| l.clone())
                .unwrap_or_default();
            let save = live
                .iter()
                .copied()
                .filter(|l| !unchanged_args.contains(l))
                .collect();
            State {
                id,
                span: site.span,
                save,
                live,
                is_yield: site.is_yield,
                has_result: site.has_result,
                regions,
            }
        })
        .collect();
    let successors = liveness::next_suspensions(body)
        .into_iter()
        .map(|(_, next)| {
            next.into_iter()
                .map(|n| {
                    if n == liveness::COMPLETES {
                        Next::Complete
                    } else {
                        Next::Await(n as u32)
                    }
                })
                .collect()
        })
        .collect();
    Frame {
        stackful,
        future: kind == FrameKind::Future,
        successors,
        method,
        size: offset,
        fields,
        params: param_slots,
        saves,
        states,
    }
}

/// For each await (by state, from 1): the `try` regions around it.
fn regions_of_awaits(stmts: &[Stmt], around: &mut Vec<Region>, out: &mut [Vec<Region>]) {
    for stmt in stmts {
        let (inner, region): (&[&[Stmt]], Option<Region>) = match stmt {
            Stmt::Await { state, .. } => {
                if let Some(slot) = out.get_mut(*state as usize - 1) {
                    *slot = around.clone();
                }
                continue;
            }
            Stmt::If {
                then, otherwise, ..
            } => (&[then, otherwise], None),
            Stmt::Loop { body, step, .. } => (&[body, step], None),
            Stmt::Block(body) => (&[body], None),
            Stmt::Try {
                record,
                body,
                handler,
                for_finally,
                span,
                ..
            } => {
                let (record, for_finally, span) = (*record, *for_finally, *span);
                let region = Region::Try {
                    record,
                    for_finally,
                    span,
                };
                within(body, region, around, out);
                let region = Region::Handler {
                    record,
                    for_finally,
                    span,
                };
                within(handler, region, around, out);
                continue;
            }
            Stmt::Finally { body, span, .. } => (&[body], Some(Region::Finally { span: *span })),
            Stmt::Expr(_)
            | Stmt::Init { .. }
            | Stmt::Break(_)
            | Stmt::Continue(_)
            | Stmt::Return(..)
            | Stmt::Unlink { .. }
            | Stmt::Throw { .. } => continue,
        };
        for stmts in inner {
            match region {
                Some(r) => within(stmts, r, around, out),
                None => regions_of_awaits(stmts, around, out),
            }
        }
    }
}

fn within(stmts: &[Stmt], region: Region, around: &mut Vec<Region>, out: &mut [Vec<Region>]) {
    around.push(region);
    regions_of_awaits(stmts, around, out);
    around.pop();
}

fn header_fields(kind: FrameKind) -> Vec<FrameField> {
    let stackful = kind == FrameKind::Stackful;
    let field = |name: &str, offset: i32, why: &str| FrameField {
        name: name.into(),
        offset: offset as u32,
        size: 8,
        why: why.into(),
    };
    let mut fields = vec![
        field(
            "status",
            header::STATUS,
            "promise header: 0 while running or waiting, 1 once completed",
        ),
        field(
            "result",
            header::RESULT,
            "promise header: the value `return` gives (Task<T>)",
        ),
        field(
            "continuation",
            header::CONTINUATION,
            match kind {
                FrameKind::Stackful => "promise header: the code the event loop calls to resume (rt_fiber_resume, the switch to its stack)",
                FrameKind::Future => "promise header: its poll function, poll(frame, cx) → 0 Ready / 1 Pending",
                FrameKind::StateMachine => "promise header: the code the event loop calls to resume (the resume function)",
            },
        ),
        field(
            "awaiters",
            header::AWAITERS,
            "promise header: the list of those waiting for this task",
        ),
    ];
    let awaited = field(
        "awaited",
        header::AWAITED,
        "the task the current await waits for (its result is read on resume)",
    );
    if kind == FrameKind::Future {
        fields.push(field(
            "state",
            header::STATE,
            "a byte, rustc's discriminant: the await the future stopped at (0 = not polled yet)",
        ));
        fields.push(field(
            "awaited",
            header::AWAITED,
            "the future the current await polls (its result is read once it is Ready)",
        ));
        fields.push(field(
            "waker",
            rt::R_WAKER as i32,
            "the waker of its latest poll (cx): the top-level task to queue again",
        ));
        fields.push(field(
            "queued",
            rt::R_QUEUED as i32,
            "a top-level task: 1 while it is in the ready queue",
        ));
        return fields;
    }
    if !stackful {
        fields.push(field(
            "state",
            header::STATE,
            "which await the method is suspended at (0 = not started)",
        ));
        fields.push(awaited);
        return fields;
    }
    let words = [
        (
            "stack pointer",
            rt::F_SP,
            "the task's rsp while it is suspended: its own stack, where its locals stay (0 = not started)",
        ),
        (
            "resumer's rsp",
            rt::F_RESUMER,
            "while the task runs: the stack of whoever resumed it, to switch back to",
        ),
        (
            "handler chain",
            rt::F_CHAIN,
            "while it is suspended: the innermost handler record on its stack",
        ),
        (
            "stack",
            rt::F_STACK,
            "its own stack, from the heap (the lowest address; 0 until it first runs)",
        ),
        (
            "body",
            rt::F_BODY,
            "the code of the method's body, which runs on that stack",
        ),
    ];
    for (name, offset, why) in words {
        fields.push(field(name, offset as i32, why));
    }
    fields.insert(5, awaited);
    fields
}
