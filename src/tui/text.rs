//! Every string the UI shows that is not program data: pane titles, hints,
//! the help text of each action, prompts, messages and the notes on register
//! names (what the System V AMD64 ABI uses each register for).
//!
//! In: an [`Action`] or a register name. Out: words for the screen.

use super::app::Action;

pub const TITLE_SOURCE: &str = "Source";
pub const TITLE_STATES: &str = "State machine";
pub const TITLE_ALL_STATES: &str = "State machines (whole program)";
pub const TITLE_ASM: &str = "x86-64";
pub const TITLE_REGISTERS: &str = "Registers";
pub const TITLE_STACK: &str = "Stack";
pub const TITLE_ASYNC: &str = "Promises · ready queue · timers";
pub const TITLE_HEAP: &str = "Heap";
pub const HEAP_ON: &str =
    "the heap: the objects and arrays `new` made, the strings built at run time and \
     the async frames; the one under the cursor is marked where its address is held (Tab to the pane, ↑ ↓)";
pub const HEAP_OFF: &str = "the promises, the ready queue and the timers (H: the heap)";
pub const HEAP_EMPTY: &str = "nothing allocated yet (new makes objects and arrays here)";
pub const TITLE_OUTPUT: &str = "Output";
pub const TITLE_HELP: &str = "Keys (any key closes)";
pub const TITLE_COMPARE: &str = "The lowerings compared (flux-viz compare; any key closes)";
pub const TITLE_LEGEND: &str = "What the marks mean (any key closes)";
pub const LEGEND_TIMELINE: &str =
    "The events strip: a cell per stretch of the events a and B stop at";
pub const LEGEND_TIMELINE_NOW: &str =
    "  (e chooses which); the most telling one shows. The reversed cell, or ▏, is now; ? is still to come (quiz).";
pub const LEGEND_MARKERS: &str = "Marks in the panes:";
/// Every mark a pane draws, with what it means.
pub const MARKERS: [(&str, &str); 6] = [
    (
        "▶",
        "the CPU is here: its line, its state, its next instruction",
    ),
    ("●", "a breakpoint (Enter sets and clears it)"),
    ("✗", "the line whose exception is being thrown"),
    ("*", "changed since the last stop (registers, stack)"),
    (
        "stderr│",
        "written to standard error (an unhandled exception)",
    ),
    ("━ ┃", "the focused pane (Tab moves the focus; z zooms it)"),
];
pub const TITLE_ERROR: &str = "The file does not compile";

/// The hint line, always visible.
pub const HINTS: &str =
    "s step  n next  S into  f finish  a event  b back  B back-event  e events  c cont  p play  r reload  Tab pane  z zoom  ⏎ break  / find  g goto  [ ] loop  ? help  q quit";

/// The hint line of a projector's 120 columns: the keys a lesson is
/// stepped through with, still in words.
pub const HINTS_MEDIUM: &str =
    "s step  n next  a event  b back  B back-event  c cont  p play  Tab pane  z zoom  ⏎ break  g goto  ? all keys  q quit";

/// The hint line on terminals narrower than [`HINTS_MEDIUM`].
pub const HINTS_SHORT: &str = "s n S f a b B e c p r Tab z ⏎ / g [ ] x i w ? q";

/// What `L` says of a lowering.
pub fn lowering_words(lowering: crate::pipeline::Lowering) -> &'static str {
    match lowering {
        crate::pipeline::Lowering::Table => {
            "table (the frame keeps the state's number; resuming jumps through the state table)"
        }
        crate::pipeline::Lowering::Direct => {
            "direct (the frame keeps the address to continue at; resuming is one indirect jump)"
        }
        crate::pipeline::Lowering::Stackful => {
            "stackful (each task runs on its own stack; await switches stacks, locals stay put)"
        }
    }
}

/// What `M` says of a model.
pub fn model_words(model: crate::pipeline::Model) -> &'static str {
    match model {
        crate::pipeline::Model::Csharp => {
            "csharp (calling an async method runs it; a completion resumes its awaiters)"
        }
        crate::pipeline::Model::Rust => {
            "rust (lazy futures: nothing runs until polled; await polls; wakers queue the task)"
        }
    }
}

/// The states pane under `--lowering stackful`, below the frame's line.
pub const STACKFUL_STATES: &str =
    "a stack per task: no state is stored; where the task stopped is the return address its switch left on its own stack";

/// The timeline's glyph for events still to come, in quiz mode.
pub const FUTURE_GLYPH: &str = "?";

pub const TOO_SMALL: &str = "Please enlarge the terminal to at least 80×24";
pub const ERROR_HINT: &str =
    "Edit the file, then press r to reload (it reloads by itself when saved) · q quits";
pub const NO_ASYNC: &str =
    "No async method here. Select a line of one, or press w for the whole program's list.";
pub const FILE_CHANGED: &str = "the file changed on disk: r reloads it";
pub const PROMPT_SEARCH: &str = "search: ";
pub const PROMPT_GOTO: &str = "go to event N, or iN for instruction N: ";

/// One line of help for an action (for the `?` overlay).
pub fn describe(action: Action) -> &'static str {
    match action {
        Action::Step => "step one instruction",
        Action::NextLine => "the next line of this function, over calls (gdb next)",
        Action::StepInto => "the next line executed, into calls (gdb step)",
        Action::Finish => "run until this function returns (gdb finish)",
        Action::NextEvent => "run to the next event of the filter e chooses (default: async)",
        Action::StepBack => "step back one instruction",
        Action::BackEvent => "go back to the previous event of that filter",
        Action::CycleStops => "which events a and B stop at: async, + register saves, calls, all",
        Action::ToggleRawHex => "values as raw hex / as what they point to and decimal ints",
        Action::Continue => "continue to a breakpoint or the end",
        Action::Reload => "re-read the file and restart (keeps breakpoints)",
        Action::SwitchLowering => {
            "switch the lowering: a state table, or the resume address kept in the frame"
        }
        Action::SwitchModel => {
            "switch the model: C# (hot tasks, continuations) or Rust (lazy futures, polls, wakers)"
        }
        Action::SwitchSchedule => {
            "switch the schedule: C# (awaiters resume inline) or queued (as JavaScript)"
        }
        Action::FocusNext => "focus the next pane",
        Action::FocusPrev => "focus the previous pane",
        Action::ToggleBreakpoint => {
            "set/clear a breakpoint on the selected line, instruction or state"
        }
        Action::StartSearch => "search the focused pane (Enter on an empty search repeats)",
        Action::StartGoto => "go to event N (or iN: instruction count N)",
        Action::PrevIteration => "back to the previous event-loop iteration (poll)",
        Action::NextIteration => "on to the next event-loop iteration (poll)",
        Action::ToggleBytes => "show/hide instruction bytes",
        Action::ToggleInterleave => "interleave source lines in the x86-64 pane (objdump -S)",
        Action::ToggleWhole => "state machine of this method / of the whole program",
        Action::ToggleNarration => "narration on/off",
        Action::CycleTheme => "theme: classic, projector, plain",
        Action::ToggleQuiz => "predict the next step: a and s ask first, 1-4 answer",
        Action::Answer(_) => "answer the question",
        Action::ToggleHeap => "the heap (objects, arrays, frames) / promises in their pane",
        Action::PlayForward => "auto-play forwards (again: pause)",
        Action::PlayBackward => "auto-play backwards (again: pause)",
        Action::Slower => "auto-play slower",
        Action::Faster => "auto-play faster",
        Action::NextLayout => "the next layout: all panes, one main pane, source + x86-64",
        Action::PrevLayout => "the previous layout",
        Action::ScrollLeft => "scroll the focused pane's lines back to their start",
        Action::ScrollRight => "scroll the focused pane's lines to show their ends",
        Action::Legend => "what the timeline's letters and the panes' marks mean",
        Action::Compare => "compare the lowerings: instructions per await-and-resume cycle, bytes",
        Action::Zoom => "zoom the focused pane to the whole screen (Tab: the next pane; z: back)",
        Action::Follow => "move the selection back to where the CPU is",
        Action::Up | Action::Down => "move the selection (also k/j, mouse click and wheel)",
        Action::PageUp | Action::PageDown => "move the selection a page",
        Action::Top => "first line",
        Action::Bottom => "last line",
        Action::Help => "this help",
        Action::Quit => "quit (also Ctrl-C)",
        _ => "",
    }
}

/// Before each line the program wrote to stderr, in the Output pane.
pub const STDERR_MARK: &str = "stderr│ ";

/// What the ABI (and flux-viz's code) uses a register for.
pub fn register_note(name: &str) -> Option<&'static str> {
    Some(match name {
        "rip" => "instruction pointer: the address of the next instruction",
        "rsp" => "stack pointer: the top of the stack (push/call move it down)",
        "rbp" => "frame pointer: this function's frame; callee-saved",
        "rax" => "return value; scratch (caller-saved)",
        "rbx" => "callee-saved: a function that uses it saves and restores it; holds locals",
        "rcx" => "4th argument; scratch (caller-saved)",
        "rdx" => "3rd argument; scratch (caller-saved)",
        "rsi" => "2nd argument; scratch (caller-saved)",
        "rdi" => "1st argument; the event loop passes the frame (context) here",
        "r8" => "5th argument; scratch (caller-saved)",
        "r9" => "6th argument; scratch (caller-saved)",
        "r10" | "r11" => "scratch (caller-saved); syscall clobbers r11",
        "r12" | "r13" | "r14" => {
            "callee-saved: saved and restored by a function that uses it; holds locals"
        }
        "r15" => "callee-saved; a resume function keeps its frame here",
        "rflags" => "flags: the result of the last compare (ZF, SF, CF, OF …)",
        "xmm0" | "xmm1" => "SSE register: a double while an instruction computes with it",
        _ => return None,
    })
}

/// Register groups for the registers pane.
pub const REGISTER_GROUPS: [(&str, &[&str]); 5] = [
    ("frame", &["rip", "rsp", "rbp"]),
    ("callee-saved", &["rbx", "r12", "r13", "r14", "r15"]),
    ("SSE: doubles", &["xmm0", "xmm1"]),
    (
        "args/scratch",
        &["rax", "rdi", "rsi", "rdx", "rcx", "r8", "r9", "r10", "r11"],
    ),
    ("", &["rflags"]),
];

/// How much an event kind matters on the timeline (a cell shows its most
/// important event).
pub fn event_rank(kind: crate::machine::EventKind) -> u8 {
    use crate::machine::EventKind as K;
    match kind {
        K::Poll | K::Resume => 9,
        K::Suspend => 8,
        K::Jump => 7,
        K::Timer => 6,
        K::Complete | K::Faulted => 5,
        K::Throw | K::Catch | K::Rethrow => 6,
        K::Finally => 5,
        K::Wake => 4,
        K::State => 3,
        K::Output => 2,
        K::Restore => 1,
        K::Save => 0,
        _ => 10,
    }
}

/// One character per event kind, for the timeline strip.
pub fn event_glyph(kind: crate::machine::EventKind) -> char {
    use crate::machine::EventKind as K;
    match kind {
        K::Poll => 'P',
        K::Resume => 'R',
        K::Jump => 'j',
        K::Suspend => 's',
        K::State => '#',
        K::Complete => 'c',
        K::Faulted => 'F',
        K::Throw => 'x',
        K::Catch => 'h',
        K::Rethrow => 'X',
        K::Finally => 'f',
        K::Wake => 'w',
        K::Timer => 't',
        K::Save | K::Restore => '·',
        K::Output => 'o',
        _ => '!',
    }
}

/// What `t` says after switching.
pub fn theme_message(name: super::theme::ThemeName) -> String {
    use super::theme::ThemeName as T;
    let what = match name {
        T::Classic => "colours on the terminal's background",
        T::Projector => "high contrast, dark text on white",
        T::Plain => "no colour",
    };
    format!("theme: {} ({what}; t for the next)", name.label())
}

/// Auto-play's messages.
pub const PLAY_PAUSED: &str = "paused: p plays on, P plays backwards";
pub const PLAY_AT_NOTE: &str = "paused at the lesson's note: p plays on";
pub const PLAY_AT_BREAKPOINT: &str = "paused at a breakpoint: p plays on";
pub const PLAY_AT_END: &str = "auto-play reached the end: P plays backwards, b steps back";

fn beat_words(ms: u64) -> String {
    match ms {
        ms if ms % 1000 == 0 => format!("{} s", ms / 1000),
        ms => format!("{:.2} s", ms as f64 / 1000.0).replace(".50 s", ".5 s"),
    }
}

/// What `p` / `P` say when play starts.
pub fn play_message(way: super::app::Play, beat_ms: u64) -> String {
    let (key, motion) = match way {
        super::app::Play::Forward => ("p", "a"),
        super::app::Play::Backward => ("P", "B"),
    };
    format!(
        "playing: {motion} every {}, pausing at the lesson's notes ({key} pauses, < slower, > faster)",
        beat_words(beat_ms)
    )
}

/// What `<` / `>` say.
pub fn beat_message(beat_ms: u64) -> String {
    format!("auto-play: one motion every {}", beat_words(beat_ms))
}

/// Predict-the-next-step's words.
pub const QUIZ_ON: &str =
    "predict the next step: a asks what it will find first, s what a register will hold (1-4 answer, Esc skips; Q ends)";
pub const QUIZ_OFF: &str = "predict the next step is off";
pub const QUIZ_KEYS: &str = "1-4 answer · Esc skips · q quits";
