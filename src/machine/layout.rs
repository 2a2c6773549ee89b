//! The layouts the machine needs at run time, taken from the lowered module.
//!
//! In: the IR functions of an async method (`ir::Function` with its
//! `ir::Frame`) and the typed program (for the types of fields). Out: a
//! [`FrameLayout`] per async method: labels of the starter and the resume
//! function, every frame field by name with its offset, size and value kind,
//! and the states with the locals each one saves; and a [`FunctionLayout`]
//! per function: where its locals live on the stack and in registers.
//! `pipeline::Compiled` carries them (`frames`, `functions`), so a machine
//! can decode frames and name stack words without the IR.

use crate::ir::{self, FunctionKind};
use crate::source::Span;
use crate::typed::{self, Type};

/// How to show a value read from memory.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ValueKind {
    Int,
    Long,
    /// A double's 64 bits: shown as C# prints the double.
    Double,
    Bool,
    Char,
    /// A pointer to `[length][bytes]`.
    Str,
    /// A pointer to a promise (a task).
    Task,
    /// A pointer to `[length][elements]`.
    Array,
    /// A pointer to an object of this class.
    Object(String),
    /// An enum value (an int): shown as its member's name, as C# prints it.
    Enum(Vec<(String, i32)>),
    /// A code address: shown as the function (and offset) it points into.
    Code,
    /// A frame's state word: its state's number (`--lowering table`), or
    /// the address of its state's code (`direct`), shown as the number.
    State,
    /// A plain 64-bit word (the awaiter list's links).
    Word,
}

impl ValueKind {
    /// The kind for a Flux# type.
    pub fn of(ty: &Type, program: &typed::Program) -> ValueKind {
        match ty {
            Type::Int => ValueKind::Int,
            Type::Enum(id) => program
                .enums
                .get(id.0 as usize)
                .map_or(ValueKind::Int, |e| ValueKind::Enum(e.members.clone())),
            Type::Long => ValueKind::Long,
            Type::Double => ValueKind::Double,
            Type::Bool => ValueKind::Bool,
            Type::Char => ValueKind::Char,
            Type::String => ValueKind::Str,
            Type::Task | Type::TaskOf(_) => ValueKind::Task,
            Type::Array(_) => ValueKind::Array,
            Type::Class(id) => program
                .classes
                .get(id.0 as usize)
                .map_or(ValueKind::Word, |c| ValueKind::Object(c.name.clone())),
            _ => ValueKind::Word,
        }
    }
}

/// One field of an async frame.
#[derive(Debug, Clone)]
pub struct FieldLayout {
    pub name: String,
    pub offset: u32,
    pub size: u32,
    pub kind: ValueKind,
    /// Why it is in the frame, in plain words.
    pub why: String,
}

/// One suspension point: state `id` continues after it.
#[derive(Debug, Clone)]
pub struct StateLayout {
    pub id: u32,
    /// The `await` expression.
    pub span: Span,
    /// Names of the locals saved into the frame before suspending.
    pub live: Vec<String>,
    pub is_yield: bool,
    /// The `try` regions the await stands in, outermost first.
    pub regions: Vec<crate::ir::Region>,
}

/// The frame of one async method.
#[derive(Debug, Clone)]
pub struct FrameLayout {
    /// The starter's label, e.g. `Program.Twice` (also the method's name in events).
    pub method: String,
    /// `Program.Twice$resume` (`--lowering stackful`: `Program.Twice$fiber`,
    /// the body that runs on the task's own stack).
    pub resume: String,
    /// `--lowering stackful`: the frame keeps the task's stack, not a state.
    pub stackful: bool,
    /// `--model rust`: a lazy future, polled by whoever awaits it.
    pub future: bool,
    pub size: u32,
    pub fields: Vec<FieldLayout>,
    pub states: Vec<StateLayout>,
    /// The result kind of a `Task<T>` (`None` for `Task` and `async void`).
    pub result: Option<ValueKind>,
    /// The parameters, in order: indices into `fields`.
    pub params: Vec<usize>,
    /// Every edge of the state machine, as the lowering decided it: from
    /// each state, the awaits its code can reach and the completion.
    pub transitions: Vec<Transition>,
}

/// One edge of a state machine (from the IR's successor lists).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Transition {
    pub from: u32,
    pub next: crate::ir::Next,
    /// For an await: is it `Task.Yield()` (re-queued rather than waiting)?
    pub is_yield: bool,
}

impl FrameLayout {
    /// The layout of a resume function's frame (`None` for other functions).
    pub fn from_function(function: &ir::Function, program: &typed::Program) -> Option<FrameLayout> {
        if !matches!(function.kind, FunctionKind::AsyncResume(_)) {
            return None;
        }
        let frame = function.frame.as_ref()?;
        let local_of = |offset: u32| {
            frame
                .params
                .iter()
                .chain(&frame.saves)
                .find(|(_, o)| *o == offset)
                .map(|(l, _)| *l)
        };
        let method = &program.methods[frame.method.0 as usize];
        let result = match &method.ret {
            Type::TaskOf(t) => Some(ValueKind::of(t, program)),
            _ => None,
        };
        let fields = frame
            .fields
            .iter()
            .map(|f| FieldLayout {
                name: f.name.clone(),
                offset: f.offset,
                size: f.size,
                kind: local_of(f.offset)
                    .and_then(|l| function.locals.get(l))
                    .map_or_else(
                        || header_kind(f.offset, result.as_ref(), frame.stackful, frame.future),
                        |l| ValueKind::of(&l.ty, program),
                    ),
                why: f.why.clone(),
            })
            .collect();
        let states = frame
            .states
            .iter()
            .map(|s| StateLayout {
                id: s.id,
                span: s.span,
                live: s
                    .live
                    .iter()
                    .map(|l| function.locals[*l].name.clone())
                    .collect(),
                is_yield: s.is_yield,
                regions: s.regions.clone(),
            })
            .collect();
        let transitions = frame
            .successors
            .iter()
            .enumerate()
            .flat_map(|(from, next)| {
                next.iter().map(move |&next| Transition {
                    from: from as u32,
                    next,
                    is_yield: match next {
                        crate::ir::Next::Await(n) => {
                            frame.states.get(n as usize - 1).is_some_and(|s| s.is_yield)
                        }
                        crate::ir::Next::Complete => false,
                    },
                })
            })
            .collect();
        let params = frame
            .params
            .iter()
            .filter_map(|(_, offset)| frame.fields.iter().position(|f| f.offset == *offset))
            .collect();
        Some(FrameLayout {
            stackful: frame.stackful,
            future: frame.future,
            params,
            transitions,
            method: crate::lower::labels::method_of_body(&function.label).to_string(),
            resume: function.label.clone(),
            size: frame.size,
            fields,
            states,
            result,
        })
    }

    /// The layouts of every async method of a lowered module.
    pub fn all(module: &ir::Module<'_>) -> Vec<FrameLayout> {
        module
            .functions
            .iter()
            .filter_map(|f| FrameLayout::from_function(f, module.program))
            .collect()
    }

    /// The field at `offset`.
    pub fn field_at(&self, offset: u32) -> Option<&FieldLayout> {
        self.fields.iter().find(|f| f.offset == offset)
    }
}

/// An object of a class as `new` lays it out (src/codegen.rs
/// `field_offset`): the vtable pointer, then one 8-byte slot per instance
/// field, the base class's first.
#[derive(Debug, Clone)]
pub struct ClassLayout {
    /// Its Flux# name, as in `Dog$vtable` and [`crate::asm::Role::ObjectMade`].
    pub name: String,
    pub fields: Vec<FieldLayout>,
}

impl ClassLayout {
    /// Every class of the program.
    pub fn all(program: &typed::Program) -> Vec<ClassLayout> {
        program
            .classes
            .iter()
            .map(|class| ClassLayout {
                name: class.name.clone(),
                fields: class
                    .instance_fields
                    .iter()
                    .enumerate()
                    .map(|(i, &f)| {
                        let field = &program.fields[f.0 as usize];
                        FieldLayout {
                            name: field.name.clone(),
                            offset: 8 + 8 * i as u32,
                            size: 8,
                            kind: ValueKind::of(&field.ty, program),
                            why: format!(
                                "a field of {}",
                                program.classes[field.class.0 as usize].name
                            ),
                        }
                    })
                    .collect(),
            })
            .collect()
    }
}

/// Where one function keeps its locals, as the code generator laid out its
/// stack frame: below the saved rbp, the callee-saved pushes, then
/// `stack_size` bytes of slots (locals and the padding that keeps calls
/// 16-byte aligned).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FunctionLayout {
    /// The function's label, as in every instruction's origin.
    pub label: String,
    /// Callee-saved registers pushed after rbp.
    pub saved: u32,
    /// It pushes rbp first (ir::Function::frame_pointer).
    pub frame_pointer: bool,
    pub stack_size: u32,
    /// Locals in stack slots: `[rbp - offset]` holds `name`.
    pub slots: Vec<(u32, String)>,
    /// Locals in callee-saved registers: `register` holds `name`.
    pub registers: Vec<(ir::Reg, String)>,
    /// The registers and slots that hold only locals of type double
    /// (two locals of one name in sibling blocks may differ in type: the
    /// storage decides, not the name).
    pub double_homes: Vec<ir::Storage>,
    /// It computes with doubles: the code generator moves them into xmm0
    /// and xmm1 for SSE2's instructions (the Registers pane then shows both).
    pub uses_sse: bool,
    /// Its handler records, `[rbp - offset]` each (runtime/fail.asm): a
    /// resume function's own, then one per `try`.
    pub handler_records: Vec<u32>,
}

/// The words of a handler record, in order (src/runtime_layout.rs `H_…`).
pub(crate) const HANDLER_RECORD_WORDS: [&str; 9] = [
    "next outer record",
    "handler address",
    "rsp to come back with",
    "rbp to come back with",
    "rbx to come back with",
    "r12 to come back with",
    "r13 to come back with",
    "r14 to come back with",
    "r15 to come back with",
];

/// The storages every local of which is a double.
fn double_homes(function: &ir::Function) -> Vec<ir::Storage> {
    let mut homes: Vec<ir::Storage> = Vec::new();
    for local in function.locals.iter().filter(|l| l.ty == Type::Double) {
        let alone = function
            .locals
            .iter()
            .filter(|other| other.storage == local.storage)
            .all(|other| other.ty == Type::Double);
        if alone && !homes.contains(&local.storage) {
            homes.push(local.storage);
        }
    }
    homes
}

/// Whether a function has a double value anywhere: every operation the
/// code generator emits with SSE2 (arithmetic, comparisons, conversions,
/// Math.Sqrt and Math.Pow calls) has a double operand or result, so xmm0
/// and xmm1 are worth showing.
fn computes_doubles(function: &ir::Function) -> bool {
    let mut found = false;
    ir::walk_exprs(&function.body, &mut |e| found |= e.ty == Type::Double);
    found
}

impl FunctionLayout {
    pub fn of(function: &ir::Function) -> FunctionLayout {
        let mut slots = Vec::new();
        let mut registers = Vec::new();
        for local in &function.locals {
            match local.storage {
                ir::Storage::Stack(offset) => slots.push((offset, local.name.clone())),
                ir::Storage::Reg(reg) => registers.push((reg, local.name.clone())),
                // The frame view shows these, as the frame's fields.
                ir::Storage::Frame(_) => {}
            }
        }
        FunctionLayout {
            double_homes: double_homes(function),
            uses_sse: computes_doubles(function),
            label: function.label.clone(),
            saved: function.saved_regs.len() as u32,
            frame_pointer: function.frame_pointer,
            stack_size: function.stack_size,
            slots,
            registers,
            handler_records: function
                .handler_record
                .iter()
                .chain(&function.try_records)
                .copied()
                .collect(),
        }
    }

    pub fn all(module: &ir::Module<'_>) -> Vec<FunctionLayout> {
        module.functions.iter().map(FunctionLayout::of).collect()
    }

    /// What the word `below` bytes under the function's saved rbp is, if it
    /// is in the slot area: `local `x``, or padding.
    /// Whether the slot word `below` rbp holds a double local.
    pub fn slot_holds_double(&self, below: u64) -> bool {
        self.slots.iter().any(|(o, _)| u64::from(*o) == below)
            && self
                .double_homes
                .contains(&ir::Storage::Stack(below as u32))
    }

    pub fn slot_name(&self, below: u64) -> Option<String> {
        let area =
            8 * (1 + self.saved as u64)..8 * (1 + self.saved as u64) + self.stack_size as u64;
        if !area.contains(&below) {
            return None;
        }
        for record in self.handler_records.iter().map(|&r| u64::from(r)) {
            if (record.saturating_sub(8 * HANDLER_RECORD_WORDS.len() as u64 - 8)..=record)
                .contains(&below)
            {
                let word = HANDLER_RECORD_WORDS[((record - below) / 8) as usize];
                return Some(format!("handler record: {word}"));
            }
        }
        // The locals whose bytes are in this word (two ints may share one).
        // (A double fills its word alone: see `slot_holds_double`.)
        let names: Vec<String> = self
            .slots
            .iter()
            .filter(|(o, _)| (below - 7..=below).contains(&(*o as u64)))
            .map(|(_, name)| format!("`{name}`"))
            .collect();
        Some(match names.len() {
            0 => "padding (keeps calls 16-byte aligned)".to_string(),
            1 => format!("local {}", names[0]),
            _ => format!("locals {}", names.join(", ")),
        })
    }
}

/// What each word of a frame's promise header holds (`result` is the
/// method's result kind, for `Task<T>`).
fn header_kind(offset: u32, result: Option<&ValueKind>, stackful: bool, future: bool) -> ValueKind {
    use ir::header;
    if stackful && offset as i64 == crate::runtime_layout::F_BODY {
        return ValueKind::Code;
    }
    if future && offset as i64 == crate::runtime_layout::R_WAKER {
        return ValueKind::Task; // the top-level task it wakes
    }
    if future && offset as i64 == crate::runtime_layout::R_QUEUED {
        return ValueKind::Bool;
    }
    match offset as i32 {
        // A stackful frame keeps its stack pointer where the state would be.
        header::STATE if stackful => ValueKind::Word,
        header::STATUS => ValueKind::Enum(vec![
            ("pending".into(), 0),
            ("completed".into(), 1),
            ("faulted".into(), crate::runtime_layout::FAULTED as i32),
        ]),
        header::RESULT => result.cloned().unwrap_or(ValueKind::Word),
        header::CONTINUATION => ValueKind::Code,
        header::AWAITED => ValueKind::Task,
        header::STATE => ValueKind::State,
        _ => ValueKind::Word,
    }
}
