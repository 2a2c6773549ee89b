//! Code generation: IR → x86-64 in the [`Asm`] form.
//!
//! In: an [`ir::Module`]. Out: an [`Asm`] holding every function, the vtables,
//! string literals and static fields, each instruction tagged with its source
//! span, function and a plain-words explanation.
//!
//! The generator is deliberately simple, in the style of chibicc: an
//! expression leaves its value in `rax` (`eax` for `int`, 0/1 for `bool`),
//! intermediate values are pushed on the machine stack, and a depth counter
//! keeps every `call` 16-byte aligned (and is checked to be back at zero at the
//! end of each function). Locals live where lowering put them: callee-saved
//! registers (rbx, r12–r15) first, then stack slots. Every run-time check of
//! LANGUAGE.md §5 is a compare and a conditional jump to a small stub at the
//! end of the function that loads the source line into `edi` and jumps to the
//! runtime's `fail$…` routine.

mod expr;
mod handlers;
mod proof;
pub(crate) mod runtime;
mod state_machine;
pub use state_machine::state_label;
mod stmt;

use crate::asm::{Asm, Role, Section};
use crate::diag::Diagnostic;
use crate::ir::{self, Function, FunctionKind, Storage};
use crate::lower::labels;
use crate::pipeline::{Lowering, Model, Schedule, Target};
use crate::source::{Sources, Span};
use crate::typed::{self, ClassId, Type};
use iced_x86::code_asm::{self as x, CodeAssembler};
use iced_x86::{Code, IcedError, Instruction, Register};
use std::collections::{BTreeMap, HashMap};

pub use runtime::Check;

/// Generates the program's code and data into a fresh [`Asm`].
/// Fails only on constructs the code generator cannot emit yet.
pub fn generate(
    module: &ir::Module,
    sources: &Sources,
    target: Target,
) -> Result<Asm, Vec<Diagnostic>> {
    let mut data = ProgramData {
        schedule: target.schedule,
        lowering: target.lowering,
        model: target.model,
        ..ProgramData::default()
    };
    let mut asm = Asm::new();
    let mut errors = Vec::new();
    asm.section(Section::Text);
    for function in &module.functions {
        let mut gen = FnGen::new(module, sources, function, &mut asm, &mut data);
        gen.function();
        errors.append(&mut gen.errors);
    }
    data.emit(module, &mut asm);
    if errors.is_empty() {
        Ok(asm)
    } else {
        Err(errors)
    }
}

/// Byte size of a value of this type in memory (fields are 8-byte slots, but
/// array elements and loads use the natural size).
pub fn size_of(ty: &Type) -> u32 {
    match ty {
        Type::Bool => 1,
        Type::Char => 2,
        Type::Int | Type::Enum(_) => 4,
        _ => 8,
    }
}

/// Object layout: the vtable pointer, then one 8-byte slot per field.
pub fn field_offset(program: &typed::Program, field: typed::FieldId) -> i32 {
    8 + 8 * program.fields[field.0 as usize].index as i32
}

pub fn object_size(program: &typed::Program, class: ClassId) -> u32 {
    8 + 8 * program.classes[class.0 as usize].instance_fields.len() as u32
}

/// The vtable layout: `[class id][parent vtable][class name][methods…]`.
pub const VTABLE_METHODS: i32 = 24;
pub const VTABLE_PARENT: i32 = crate::runtime_layout::V_PARENT as i32;
pub const VTABLE_NAME: i32 = crate::runtime_layout::V_NAME as i32;

/// Everything emitted once per program: string literals, static fields, vtables.
#[derive(Default)]
struct ProgramData {
    /// Literal text → label, in first-use order.
    strings: BTreeMap<String, String>,
    string_order: Vec<String>,
    /// Where awaiters resume (`flux$main` sets the runtime's switch).
    schedule: Schedule,
    /// How a resume function finds its state's code.
    lowering: Lowering,
    /// C#'s continuations or Rust's polls.
    model: Model,
}

impl ProgramData {
    fn string_label(&mut self, text: &str) -> String {
        if let Some(label) = self.strings.get(text) {
            return label.clone();
        }
        let label = labels::string_literal(self.string_order.len());
        self.strings.insert(text.to_string(), label.clone());
        self.string_order.push(text.to_string());
        label
    }

    fn emit(&mut self, module: &ir::Module, asm: &mut Asm) {
        let program = module.program;
        // Class names for printing objects (C# prints the type name).
        let classes = || {
            program
                .classes
                .iter()
                .filter(|c| module.vtables[c.id.0 as usize])
        };
        for class in classes() {
            self.string_label(&class.runtime_name());
        }
        asm.section(Section::Rodata);
        for class in classes() {
            self.vtable(module, class, asm);
        }
        for def in &program.enums {
            self.enum_names(def, asm);
        }
        for class in classes().filter(|c| !c.itables.is_empty()) {
            self.itables(module, class, asm);
        }
        if program.classes.iter().any(|c| c.is_interface) {
            self.class_itables(module, asm);
        }
        for text in self.string_order.clone() {
            let label = self.strings[&text].clone();
            asm.comment(format!("{:?}", text));
            asm.string_literal(&label, &text);
        }
        asm.section(Section::Data);
        let emitted = |f: &&typed::Field| {
            let system = program.classes[f.class.0 as usize].is_system;
            f.is_static && f.constant.is_none() && (!system || module.statics[f.id.0 as usize])
        };
        for field in program.fields.iter().filter(emitted) {
            asm.align(8);
            asm.label(&static_label(program, field.id));
            asm.ints(8, &[0]);
        }
        asm.section(Section::Text);
    }

    /// What `rt_enum_name` searches: the member count, then each member's
    /// value and name.
    fn enum_names(&mut self, def: &typed::EnumDef, asm: &mut Asm) {
        asm.align(8);
        asm.comment(format!(
            "members of enum {}: their count, then value and name of each",
            def.name
        ));
        asm.label(&labels::enum_names(&def.name));
        asm.ints(8, &[def.members.len() as i64]);
        for (name, value) in &def.members {
            let text = self.string_label(name);
            asm.ints(8, &[*value as i64]);
            asm.dq_sym(&text, 0);
        }
    }

    /// A class's interface tables: one word per interface of the program
    /// (its method table, or 0 where the class does not implement it), then
    /// the method tables themselves.
    fn itables(&mut self, module: &ir::Module, class: &typed::Class, asm: &mut Asm) {
        let program = module.program;
        asm.align(8);
        asm.comment(format!(
            "interface tables of {}: one word per interface of the program, its methods' table or 0",
            class.name
        ));
        asm.label(&labels::itables(&class.name));
        for interface in program.classes.iter().filter(|c| c.is_interface) {
            match class.itables.iter().find(|(i, _)| *i == interface.id) {
                Some(_) => asm.dq_sym(&labels::itable(&class.name, &interface.name), 0),
                None => asm.ints(8, &[0]),
            }
        }
        for (interface, methods) in &class.itables {
            let name = &program.classes[interface.0 as usize].name;
            asm.comment(format!(
                "{}'s methods for {name}, in the order {name} declares them",
                class.name
            ));
            asm.label(&labels::itable(&class.name, name));
            for &method in methods {
                method_word(module, method, asm);
            }
        }
    }

    /// One word per class, by class id: its interface tables or 0. `x is I`
    /// reads it: a class without interfaces has no word before its vtable.
    fn class_itables(&mut self, module: &ir::Module, asm: &mut Asm) {
        asm.align(8);
        asm.comment("each class's interface tables (or 0), by class id: what `x is I` reads");
        asm.label(labels::CLASS_ITABLES);
        for class in &module.program.classes {
            match module.vtables[class.id.0 as usize] && !class.itables.is_empty() {
                true => asm.dq_sym(&labels::itables(&class.name), 0),
                false => asm.ints(8, &[0]),
            }
        }
    }

    fn vtable(&mut self, module: &ir::Module, class: &typed::Class, asm: &mut Asm) {
        asm.align(8);
        if !class.itables.is_empty() {
            asm.comment("the word before the vtable: where its interface tables are");
            asm.dq_sym(&labels::itables(&class.name), 0);
        }
        asm.comment(format!(
            "vtable of {}: class id, parent vtable, name, then one slot per virtual method",
            class.name
        ));
        asm.label(&vtable_label(&class.name));
        asm.ints(8, &[class.id.0 as i64]);
        match class.parent {
            Some(parent) => asm.dq_sym(
                &vtable_label(&module.program.classes[parent.0 as usize].name),
                0,
            ),
            None => asm.ints(8, &[0]),
        }
        let name = self.string_label(&class.runtime_name());
        asm.dq_sym(&name, 0);
        for &method in &class.vtable {
            method_word(module, method, asm);
        }
    }
}

/// A table word holding a method's address (vtables, interface tables).
fn method_word(module: &ir::Module, method: typed::MethodId, asm: &mut Asm) {
    match &module.method_labels[method.0 as usize] {
        Some(label) => asm.dq_sym(label, 0),
        // An abstract slot: no class that can be instantiated keeps it.
        None => asm.ints(8, &[0]),
    }
}

/// The position of an interface among the program's interfaces: its
/// entry in every class's table of interface tables.
pub fn interface_index(program: &typed::Program, interface: ClassId) -> usize {
    program
        .classes
        .iter()
        .filter(|c| c.is_interface)
        .position(|c| c.id == interface)
        .expect("an interface of the program")
}

pub fn vtable_label(class: &str) -> String {
    labels::vtable(class)
}

pub fn static_label(program: &typed::Program, field: typed::FieldId) -> String {
    let f = &program.fields[field.0 as usize];
    labels::static_field(&program.classes[f.class.0 as usize].name, &f.name)
}

/// A function that reaches at most this far below its entry rsp is covered
/// by the plain prologue check (see [`FnGen::stack_check`]).
const SMALL_EXTENT: u64 = 16 << 10;
/// [`SMALL_EXTENT`] on a task's own stack: half its headroom below the
/// limit, the other half for the failure path and the runtime's routines.
const SMALL_EXTENT_ON_A_TASK_STACK: u64 = crate::runtime_layout::FIBER_HEADROOM as u64 / 2;
/// The largest single adjustment of rsp (`sub rsp, n`) the generator makes:
/// the unmapped gap below the stack is larger (link.rs `GUARD_SIZE`).
pub const MAX_ADJUST: u64 = 16 << 20;
/// The largest extent of one function (it must fit a 32-bit displacement).
const MAX_EXTENT: u64 = 1 << 30;

/// The generator of one function.
struct FnGen<'a, 'm> {
    module: &'a ir::Module<'m>,
    program: &'m typed::Program,
    sources: &'a Sources,
    function: &'a Function,
    asm: &'a mut Asm,
    data: &'a mut ProgramData,
    ca: CodeAssembler,
    /// 8-byte values pushed since the prologue (temporaries and call padding).
    depth: u32,
    /// The most `depth` reached, and the largest single `sub rsp, n` of a
    /// call area: with the prologue they bound how far below its entry rsp
    /// the function can reach ([`Self::secure_stack_extent`]).
    max_depth: u32,
    max_call_area: u64,
    /// The item where the function's code starts, and the prologue's
    /// `cmp rsp, [rel rt_stack_limit]` + `jb` (when it has them).
    entry_at: usize,
    small_check: Option<std::ops::Range<usize>>,
    /// Failure stubs to emit after the body: (check, position) → label.
    stubs: BTreeMap<(Check, u64), String>,
    /// `break`/`continue` targets of the enclosing loops.
    loops: Vec<(String, String)>,
    /// The handler records of the `try`s being emitted, outermost first.
    tries: Vec<u32>,
    /// By local: never null where it is read ([`proof::never_null`]).
    never_null: Vec<bool>,
    /// The counting loops we are in the body of: `(array, index, start)`,
    /// for which `array[index]` needs no check ([`proof::counting_loop`]).
    in_range: Vec<proof::Range>,
    return_label: String,
    /// The last source line a comment was written for (to avoid repeats).
    last_line: Option<(u32, usize)>,
    labels_by_role: HashMap<&'static str, u32>,
    errors: Vec<Diagnostic>,
    /// Where `return` jumps: the epilogue of a method, the completion of a
    /// state machine, the end of a constructor (which then returns `this`).
    return_target: String,
    /// State tables to emit in rodata: (label, number of states).
    state_table: Vec<(String, u32)>,
}

impl<'a, 'm> FnGen<'a, 'm> {
    fn new(
        module: &'a ir::Module<'m>,
        sources: &'a Sources,
        function: &'a Function,
        asm: &'a mut Asm,
        data: &'a mut ProgramData,
    ) -> Self {
        FnGen {
            module,
            program: module.program,
            sources,
            function,
            asm,
            data,
            ca: CodeAssembler::new(64).expect("64-bit CodeAssembler"),
            depth: 0,
            max_depth: 0,
            max_call_area: 0,
            entry_at: 0,
            small_check: None,
            stubs: BTreeMap::new(),
            loops: Vec::new(),
            tries: Vec::new(),
            never_null: proof::never_null(&function.body, function.locals.len()),
            in_range: Vec::new(),
            return_label: ".L.return".into(),
            last_line: None,
            labels_by_role: HashMap::new(),
            errors: Vec::new(),
            return_target: match function.kind {
                FunctionKind::AsyncResume(_) => ".L.complete".into(),
                FunctionKind::Ctor(_) => ".L.end".into(),
                _ => ".L.return".into(),
            },
            state_table: Vec::new(),
        }
    }

    /// Emits the instructions `f` builds with iced's CodeAssembler (used here
    /// only as a typed instruction constructor); returns nothing, see [`Self::explain`].
    fn x(&mut self, f: impl FnOnce(&mut CodeAssembler) -> Result<(), IcedError>) {
        f(&mut self.ca).expect("a valid x86-64 instruction");
        for instr in self.ca.take_instructions() {
            self.asm.emit(instr);
        }
    }

    /// Like [`Self::x`], with a plain-words explanation attached to the instruction.
    fn xe(&mut self, explain: &str, f: impl FnOnce(&mut CodeAssembler) -> Result<(), IcedError>) {
        f(&mut self.ca).expect("a valid x86-64 instruction");
        for instr in self.ca.take_instructions() {
            self.asm.emit(instr).explain(explain);
        }
    }

    /// Like [`Self::xe`] for one instruction, with the typed fact of what
    /// it is for (the stepping engine's events come from these).
    fn xr(
        &mut self,
        explain: &str,
        role: Role,
        f: impl FnOnce(&mut CodeAssembler) -> Result<(), IcedError>,
    ) {
        f(&mut self.ca).expect("a valid x86-64 instruction");
        let mut instrs = self.ca.take_instructions();
        assert_eq!(instrs.len(), 1, "a role belongs to one instruction");
        self.asm.emit(instrs.remove(0)).explain(explain).role(role);
    }

    fn call(&mut self, label: &str, explain: &str) {
        debug_assert!(
            self.depth.is_multiple_of(2),
            "calls must see a 16-byte aligned stack"
        );
        self.asm.call(label).explain(explain);
    }

    fn jmp(&mut self, label: &str) {
        self.asm.jmp(label);
    }

    fn branch(&mut self, code: Code, label: &str) {
        self.asm.branch(code, label);
    }

    /// A fresh function-local label for a role: `.L.else.3`.
    fn label_for(&mut self, role: &'static str) -> String {
        let n = self.labels_by_role.entry(role).or_insert(0);
        *n += 1;
        format!(".L.{role}.{n}")
    }

    fn push_rax(&mut self) {
        self.x(|a| a.push(x::rax));
        self.grow_depth(1);
    }

    /// Counts `slots` more 8-byte values on the stack.
    fn grow_depth(&mut self, slots: u32) {
        self.depth += slots;
        self.max_depth = self.max_depth.max(self.depth);
    }

    fn pop(&mut self, reg: x::AsmRegister64) {
        self.x(|a| a.pop(reg));
        self.depth -= 1;
    }

    /// Marks the source line of what follows with a `; 12: …` comment (once per line).
    fn source_line(&mut self, span: Span) {
        if span == Span::default() && self.sources.files().next().is_none() {
            return;
        }
        self.asm.set_span(Some(span));
        let file = self.sources.get(span.file);
        let line = file.line(span.start as usize);
        if self.last_line == Some((span.file.0, line)) {
            return;
        }
        self.last_line = Some((span.file.0, line));
        let text = file.line_text(line).trim();
        self.asm.comment(format!("{line}: {text}"));
    }

    /// The 1-based source line of a span (for failure messages).
    fn line_of(&self, span: Span) -> u32 {
        self.sources.line(span) as u32
    }

    /// Where `span` is, as the runtime keeps it in an exception (E_LINE):
    /// the line, and above bit 32, for a line of the system library (a
    /// throw in lib/Collections.fs), its file's id plus one. The runtime
    /// prints the low 32 bits; the UI names the file from the rest.
    fn position_of(&self, span: Span) -> u64 {
        let line = u64::from(self.line_of(span));
        match self.program.system_files.contains(&span.file) {
            true => (u64::from(span.file.0 + 1) << 32) | line,
            false => line,
        }
    }

    /// `mov reg32, position` (zero-extending), or `mov reg64, imm64` when
    /// the position names a file (the comment says which).
    fn load_position(
        &mut self,
        reg32: x::AsmRegister32,
        reg64: x::AsmRegister64,
        position: u64,
        explain: &str,
    ) {
        match u32::try_from(position) {
            Ok(line) => self.xe(explain, |a| a.mov(reg32, line)),
            Err(_) => {
                let file = crate::source::FileId((position >> 32) as u32 - 1);
                let explain = format!(
                    "{explain}: line {} of {} (the file in the upper half)",
                    position as u32,
                    self.sources.get(file).name
                );
                self.xe(&explain, |a| a.mov(reg64, position))
            }
        }
    }

    /// A conditional jump to the failure stub of `check` for the line of `span`.
    fn fail_if(&mut self, code: Code, check: Check, span: Span) {
        let position = self.position_of(span);
        let next = self.stubs.len();
        let label = self
            .stubs
            .entry((check, position))
            .or_insert_with(|| format!(".L.fail.{}.{}", check.short_name(), next + 1))
            .clone();
        self.branch(code, &label);
    }

    fn function(&mut self) {
        let f = self.function;
        // flux$main is the runtime's, not a Flux# line: only the static
        // initializers it runs have lines (so `n` from _start lands in Main).
        let span = (f.kind != FunctionKind::Entry).then_some(f.span);
        self.asm.set_origin(span, &f.label, None);
        self.asm.comment(String::new());
        self.asm.comment(self.header_comment());
        self.asm.label(&f.label);
        self.entry_at = self.asm.position();
        if let FunctionKind::AsyncStart(_) = f.kind {
            self.async_start();
        } else {
            self.prologue();
            match &f.kind {
                FunctionKind::Entry => self.entry_body(),
                FunctionKind::Ctor(id) => self.ctor_body(*id),
                FunctionKind::AsyncResume(_) => {
                    self.body(&f.body);
                    self.complete();
                }
                FunctionKind::Method(_) | FunctionKind::AsyncStart(_) => self.body(&f.body),
            }
            self.epilogue();
            self.fault_handler();
            self.secure_stack_extent();
        }
        self.emit_stubs();
        self.emit_state_tables();
        assert_eq!(self.depth, 0, "unbalanced pushes in {}", f.label);
    }

    /// `Twice$resume$states: dq Twice$resume.state0, …` in rodata.
    fn emit_state_tables(&mut self) {
        let tables = std::mem::take(&mut self.state_table);
        let resume = self.function.label.clone();
        for (label, states) in tables {
            self.asm.section(Section::Rodata);
            self.asm.align(8);
            self.asm.comment(format!(
                "the state table of {resume}: the code to continue at, by state"
            ));
            self.asm.label(&label);
            for n in 0..states {
                self.asm
                    .dq_sym(&format!("{resume}{}", state_machine::state_label(n)), 0);
            }
            self.asm.section(Section::Text);
        }
    }

    /// `; Counter.Add(int a, long b) — a in rbx, b in [rbp-8]`
    fn header_comment(&self) -> String {
        let f = self.function;
        let homes: Vec<String> = f
            .locals
            .iter()
            .map(|l| {
                let home = match l.storage {
                    Storage::Reg(r) => r.name().to_string(),
                    Storage::Stack(off) => format!("[rbp-{off}]"),
                    Storage::Frame(off) => format!("the frame [r15+{off}]"),
                };
                format!("{} in {home}", l.name)
            })
            .collect();
        if homes.is_empty() {
            format!("{}: no locals", f.label)
        } else {
            format!("{}: {}", f.label, homes.join(", "))
        }
    }

    fn prologue(&mut self) {
        let f = self.function;
        if f.frame_pointer {
            self.save_frame_pointer();
        }
        for reg in f.saved_regs.clone() {
            let role = if f.frame.is_some() && reg == crate::lower::FRAME_REG {
                "it will hold the frame"
            } else {
                "a local lives in it"
            };
            let explain = format!("saves callee-saved {} ({role})", reg.name());
            self.xr(&explain, Role::SaveCallee(iced_reg(reg)), |a| {
                a.push(asm_reg(reg))
            });
        }
        if f.stack_size > 0 {
            let size = f.stack_size as i32;
            let slots = f
                .locals
                .iter()
                .any(|l| matches!(l.storage, Storage::Stack(_)));
            let explain = if f.handler_record.is_some() {
                "room for the handler record (and the locals that live on the stack)"
            } else if slots {
                "room for the locals that live on the stack"
            } else {
                "keeps rsp 16-byte aligned for the calls this function makes"
            };
            self.xe(explain, |a| a.sub(x::rsp, size));
        }
        if let FunctionKind::AsyncResume(_) = f.kind {
            // No stack check: a resume function runs either from its starter,
            // which checked with room to spare, or from the shallow event loop.
            // A stackful body checks its own stack, as any function does.
            // So does a future's poll: a chain of polls is a chain of calls.
            if self.data.lowering == Lowering::Stackful || self.data.model == Model::Rust {
                self.stack_check();
            }
            self.dispatch();
        } else {
            self.stack_check();
            self.move_params_home();
        }
    }

    /// `cmp rsp, [rel rt_stack_limit]; jb …`: every prologue checks the stack.
    /// Enough for a function that reaches at most [`SMALL_EXTENT`] below its
    /// entry: the limit leaves 64 KiB of headroom above the stack's bottom
    /// (runtime/start.asm), room for this function's body, its callee's
    /// prologue up to that callee's own check, and the failure path.
    fn stack_check(&mut self) {
        let start = self.asm.position();
        let check = Instruction::with2(Code::Cmp_r64_rm64, Register::RSP, Asm::rel(0))
            .expect("cmp rsp, [rel]");
        self.asm
            .emit_sym(check, runtime::STACK_LIMIT)
            .explain("is the stack about to run into its guard page?");
        self.fail_if(Code::Jb_rel32_64, Check::Stack, self.function.span);
        self.small_check = Some(start..self.asm.position());
    }

    /// How far below its entry a function may reach and still check after
    /// rsp moves. A task's own stack (`--lowering stackful`) keeps only
    /// FIBER_HEADROOM bytes below its limit, so there the bound is smaller.
    fn small_extent(&self) -> u64 {
        if self.data.lowering == Lowering::Stackful {
            SMALL_EXTENT_ON_A_TASK_STACK
        } else {
            SMALL_EXTENT
        }
    }

    /// The bytes below its entry rsp the function can touch: rbp and the
    /// callee-saved pushes, the stack slots, the deepest pile of temporaries
    /// and call areas, and the return address of a call made from there.
    fn stack_extent(&self) -> u64 {
        let f = self.function;
        8 * (1 + f.saved_regs.len() as u64) + f.stack_size as u64 + 8 * self.max_depth as u64 + 8
    }

    /// Stack safety by construction. A function that may reach further than
    /// [`SMALL_EXTENT`] below its entry checks its whole extent against the
    /// limit *before* rsp moves at all (`lea r11, [rsp - extent]`), replacing
    /// the prologue's check; so a frame or a call with thousands of stack
    /// arguments cannot step over the guard below the stack. No single
    /// `sub rsp` may exceed [`MAX_ADJUST`], the size of that guard, so even a
    /// wrong check could only fault, never write below the stack.
    fn secure_stack_extent(&mut self) {
        let f = self.function;
        let largest = (f.stack_size as u64).max(self.max_call_area);
        if largest > MAX_ADJUST || self.stack_extent() > MAX_EXTENT {
            let message = format!(
                "`{}` needs {} bytes of stack in one frame; Flux# allows at most {} MiB (fewer locals or arguments)",
                f.label,
                largest.max(self.stack_extent()),
                MAX_ADJUST >> 20
            );
            self.errors.push(Diagnostic::error(f.span, message));
            return;
        }
        let extent = self.stack_extent();
        if extent <= self.small_extent() {
            return;
        }
        let tail = self.asm.position();
        let explain = format!(
            "this function may use {extent} bytes of stack: r11 = the lowest rsp it can reach"
        );
        self.xe(&explain, |a| {
            a.lea(x::r11, x::qword_ptr(x::rsp - extent as i32))
        });
        let check = Instruction::with2(Code::Cmp_r64_rm64, Register::R11, Asm::rel(0))
            .expect("cmp r11, [rel]");
        self.asm
            .emit_sym(check, runtime::STACK_LIMIT)
            .explain("checked before rsp moves: would the whole frame fit above the limit?");
        self.fail_if(Code::Jb_rel32_64, Check::Stack, f.span);
        let remove = self
            .small_check
            .take()
            .unwrap_or(self.entry_at..self.entry_at);
        self.asm.relocate(remove, tail, self.entry_at);
    }

    /// Copies the arguments from the ABI registers (and the caller's stack) to
    /// the locals that hold them.
    fn move_params_home(&mut self) {
        let f = self.function;
        let mut args: Vec<usize> = Vec::new();
        if let Some(this) = f.this {
            args.push(this);
        }
        args.extend(0..f.params);
        for (position, &local) in args.iter().enumerate() {
            let name = &f.locals[local].name;
            let explain = format!("parameter `{name}` to its home");
            match runtime::ARG_REGS.get(position) {
                Some(&reg) => self.store_local_from(local, reg, &explain),
                None => {
                    // Stack arguments sit above the return address and saved rbp.
                    let offset = 16 + 8 * (position - runtime::ARG_REGS.len()) as i32;
                    self.xe(&explain, |a| a.mov(x::rax, x::qword_ptr(x::rbp + offset)));
                    self.store_local_from(local, x::rax, &explain);
                }
            }
        }
    }

    fn epilogue(&mut self) {
        let f = self.function;
        let label = self.return_label.clone();
        self.asm.set_span(None);
        self.asm.set_state(None);
        // A method's body already ends at its return label; a state machine
        // suspends to this one.
        if self.return_target != label && f.frame.is_some() {
            self.asm.label(&label);
        }
        self.remove_handler();
        self.restore_callers_registers();
        self.xe("returns to the caller (result in rax)", |a| a.ret());
    }

    /// The epilogue up to its `ret`: rsp back to the saves, the saves popped
    /// in reverse order, the caller's rbp.
    pub(super) fn restore_callers_registers(&mut self) {
        let f = self.function;
        let saved = f.saved_regs.len() as i32;
        if f.stack_size > 0 {
            if f.frame_pointer {
                self.xe("drops the stack slots", |a| {
                    a.lea(x::rsp, x::qword_ptr(x::rbp - 8 * saved))
                });
            } else {
                let size = f.stack_size as i32;
                self.xe("drops the alignment padding", |a| a.add(x::rsp, size));
            }
        }
        for reg in f.saved_regs.iter().rev() {
            let explain = format!("restores the caller's {}", reg.name());
            self.xr(&explain, Role::RestoreCallee(iced_reg(*reg)), |a| {
                a.pop(asm_reg(*reg))
            });
        }
        if f.frame_pointer {
            self.restore_frame_pointer();
        }
    }

    /// `push rbp; mov rbp, rsp`: the frame-pointer chain every function keeps.
    fn save_frame_pointer(&mut self) {
        self.xr(
            "saves the caller's frame pointer",
            Role::SaveCallee(Register::RBP),
            |a| a.push(x::rbp),
        );
        self.xr("this function's frame starts here", Role::FrameSetup, |a| {
            a.mov(x::rbp, x::rsp)
        });
    }

    fn restore_frame_pointer(&mut self) {
        self.xr(
            "restores the caller's frame pointer",
            Role::RestoreCallee(Register::RBP),
            |a| a.pop(x::rbp),
        );
    }

    fn emit_stubs(&mut self) {
        let stubs = std::mem::take(&mut self.stubs);
        for ((check, position), label) in stubs {
            self.asm.label(&label);
            let explain = if check == Check::Faulted {
                "the task faulted: its exception is thrown again here".to_string()
            } else {
                format!(
                    "{}: reports the failure with its source line",
                    check.exception()
                )
            };
            self.load_position(x::edi, x::rdi, position, &explain);
            // A call, not a jump, though the routine never returns: its
            // return address says which function failed, where, so the
            // stack can still be read (and unwound) on the failure path.
            self.asm
                .call(check.routine())
                .explain("never returns (the return address marks the check)")
                .role(Role::NoReturn);
        }
    }

    /// `flux$main`: static initializers, then the entry point.
    fn entry_body(&mut self) {
        let program = self.program;
        if self.data.schedule == Schedule::Queued {
            let store = Instruction::with2(Code::Mov_rm64_imm32, Asm::rel(0), 1)
                .expect("mov qword [rel sym], imm");
            self.asm.emit_sym(store, labels::SCHEDULE).explain(
                "--schedule queued: rt_complete sends every awaiter to the ready queue (C# would resume it inline)",
            );
        }
        for init in &program.static_inits {
            self.source_line(init.span);
            self.expr(&init.value);
            let label = static_label(program, init.field);
            let ty = program.fields[init.field.0 as usize].ty.clone();
            self.store_rax_to_symbol(&label, &ty);
        }
        self.asm.set_span(None);
        match &program.entry {
            Some(typed::Entry::Static { method, takes_args }) => {
                if *takes_args {
                    self.load_symbol(
                        Register::RDI,
                        runtime::ARGV_BLOCK,
                        "the kernel's argument block: argc, then argv[]",
                    );
                    self.call(runtime::ARGS, "copies argv[1..] into Main's string[] args");
                    self.x(|a| a.mov(x::rdi, x::rax));
                }
                let label = self.method_label(*method);
                self.call(&label, "calls Main");
                if !self.has_continuations() {
                    return; // no code could ever run from the event loop
                }
                let is_async =
                    program.methods[method.0 as usize].async_kind != typed::AsyncKind::NotAsync;
                if self.data.model == Model::Rust {
                    // Lazy futures: nothing runs unless the executor polls
                    // Main's; a Main that is not async leaves none to poll.
                    if is_async {
                        self.xe("Main's future: nothing of it has run yet", |a| {
                            a.mov(x::rdi, x::rax)
                        });
                        self.call(runtime::BLOCK_ON, "the executor polls it until it is Ready");
                    }
                    return;
                }
                if is_async {
                    self.xe("Main's task: the loop runs until it completes", |a| {
                        a.mov(x::rdi, x::rax)
                    });
                } else {
                    self.main_was_not_async();
                }
                self.call(runtime::RUN_LOOP, "runs the event loop");
            }
            Some(typed::Entry::MainClass {
                class,
                ctor,
                method,
            }) => {
                self.new_object(*class, *ctor, &[], program.methods[method.0 as usize].span);
                self.x(|a| a.mov(x::rdi, x::rax));
                let label = self.method_label(*method);
                self.call(&label, "calls main() on the new Main object");
                if !self.has_continuations() || self.data.model == Model::Rust {
                    return;
                }
                self.main_was_not_async();
                self.call(runtime::RUN_LOOP, "runs the event loop");
            }
            None => {}
        }
    }

    /// The event loop's argument for a Main that is not async: a task that
    /// is already complete (the loop only drains what is ready).
    fn main_was_not_async(&mut self) {
        self.asm
            .lea_sym(Register::RDI, runtime::COMPLETED_TASK)
            .explain("Main was not async: a completed task stands for it, and the loop only drains what is ready");
    }

    /// Does the program have an async method? Without one no task has a
    /// continuation, so the event loop would have nothing to run: Main's
    /// return ends the program (and the runtime's event loop is not linked).
    fn has_continuations(&self) -> bool {
        self.module
            .functions
            .iter()
            .any(|f| matches!(f.kind, ir::FunctionKind::AsyncResume(_)))
    }

    fn ctor_body(&mut self, id: typed::CtorId) {
        let ctor = &self.program.ctors[id.0 as usize];
        let class = &self.program.classes[ctor.class.0 as usize];
        match &ctor.chain {
            typed::CtorChain::Base { ctor: base, args } => {
                for init in &class.field_inits {
                    self.source_line(init.span);
                    self.expr(&init.value);
                    self.store_field_of_this(init.field);
                }
                if let Some(base) = base {
                    self.source_line(ctor.span);
                    self.call_ctor(*base, args, "runs the base class constructor");
                }
            }
            typed::CtorChain::This { ctor: other, args } => {
                self.source_line(ctor.span);
                self.call_ctor(*other, args, "runs the chained constructor");
            }
        }
        let body = &self.function.body;
        self.body(body);
        // A constructor returns `this` (so `new` finds the object in rax).
        let this = self.function.this.expect("constructors have this");
        self.load_local(this);
    }

    fn call_ctor(&mut self, ctor: typed::CtorId, args: &[typed::Expr], explain: &str) {
        let this = self.function.this.expect("constructors have this");
        self.load_local(this);
        let label = self.module.ctor_labels[ctor.0 as usize].clone();
        self.call_with_receiver_in_rax(args, &label, explain);
    }

    fn store_field_of_this(&mut self, field: typed::FieldId) {
        self.push_rax();
        let this = self.function.this.expect("constructors have this");
        self.load_local(this);
        self.x(|a| a.mov(x::rcx, x::rax));
        self.pop(x::rax);
        let ty = self.program.fields[field.0 as usize].ty.clone();
        let offset = field_offset(self.program, field);
        self.store_rax_to_mem(x::rcx + offset, &ty);
    }

    fn method_label(&self, method: typed::MethodId) -> String {
        self.module.method_labels[method.0 as usize]
            .clone()
            .expect("a method with a body")
    }

    /// `mov reg, [rel label]`: a runtime word into a register.
    fn load_symbol(&mut self, reg: Register, label: &str, explain: &str) {
        let instr =
            Instruction::with2(Code::Mov_r64_rm64, reg, Asm::rel(0)).expect("mov reg, [rel sym]");
        self.asm.emit_sym(instr, label).explain(explain);
    }

    /// `mov [rel label], reg`: a register into a runtime word.
    fn store_symbol(&mut self, label: &str, reg: Register, explain: &str) {
        let instr =
            Instruction::with2(Code::Mov_rm64_r64, Asm::rel(0), reg).expect("mov [rel sym], reg");
        self.asm.emit_sym(instr, label).explain(explain);
    }

    fn store_rax_to_symbol(&mut self, label: &str, ty: &Type) {
        let instr = rip_store_rax(ty);
        let explain = format!("stores into static field {label}");
        self.asm.emit_sym(instr, label).explain(&explain);
    }

    fn load_symbol_to_rax(&mut self, label: &str, ty: &Type) {
        let instr = rip_load_rax(ty);
        let explain = format!("loads static field {label}");
        self.asm.emit_sym(instr, label).explain(&explain);
    }

    /// Stores rax (sized by `ty`) to memory.
    fn store_rax_to_mem(&mut self, mem: x::AsmMemoryOperand, ty: &Type) {
        self.x(|a| store_rax(a, mem, ty));
    }

    /// Loads a value of `ty` from memory into rax (bool and char zero-extended).
    fn load_mem_to_rax(&mut self, mem: x::AsmMemoryOperand, ty: &Type) {
        self.x(|a| load_rax(a, mem, ty));
    }

    fn load_local(&mut self, local: ir::LocalIndex) {
        let l = &self.function.locals[local];
        let explain = format!("reads local `{}`", l.name);
        match (l.storage, memory_home(l.storage)) {
            (Storage::Reg(r), _) => self.xe(&explain, |a| a.mov(x::rax, asm_reg(r))),
            (_, Some(mem)) => {
                let ty = l.ty.clone();
                self.load_mem_to_rax(mem, &ty)
            }
            (_, None) => unreachable!("a local not in a register lives in memory"),
        }
    }

    /// Stores rax into a local.
    fn store_local(&mut self, local: ir::LocalIndex) {
        let explain = format!("writes local `{}`", self.function.locals[local].name);
        self.store_local_from(local, x::rax, &explain);
    }

    fn store_local_from(&mut self, local: ir::LocalIndex, src: x::AsmRegister64, explain: &str) {
        let l = &self.function.locals[local];
        match (l.storage, memory_home(l.storage)) {
            (Storage::Reg(r), _) => self.xe(explain, |a| a.mov(asm_reg(r), src)),
            (_, Some(mem)) => self.xe(explain, |a| a.mov(x::qword_ptr(mem), src)),
            (_, None) => unreachable!("a local not in a register lives in memory"),
        }
    }
}

/// `mov [rel sym], al/ax/eax/rax` by the size of `ty` (the symbol is named by the caller).
fn rip_store_rax(ty: &Type) -> Instruction {
    let (code, reg) = match size_of(ty) {
        1 => (Code::Mov_rm8_r8, Register::AL),
        2 => (Code::Mov_rm16_r16, Register::AX),
        4 => (Code::Mov_rm32_r32, Register::EAX),
        _ => (Code::Mov_rm64_r64, Register::RAX),
    };
    Instruction::with2(code, Asm::rel(0), reg).expect("a store to [rel sym]")
}

/// Loads `ty` from `[rel sym]` into rax; bool and char are zero-extended.
fn rip_load_rax(ty: &Type) -> Instruction {
    let (code, reg) = match size_of(ty) {
        1 => (Code::Movzx_r32_rm8, Register::EAX),
        2 => (Code::Movzx_r32_rm16, Register::EAX),
        4 => (Code::Mov_r32_rm32, Register::EAX),
        _ => (Code::Mov_r64_rm64, Register::RAX),
    };
    Instruction::with2(code, reg, Asm::rel(0)).expect("a load from [rel sym]")
}

/// `mov [mem], al/ax/eax/rax` by the size of `ty`.
pub(super) fn store_rax(
    a: &mut CodeAssembler,
    mem: x::AsmMemoryOperand,
    ty: &Type,
) -> Result<(), IcedError> {
    match size_of(ty) {
        1 => a.mov(x::byte_ptr(mem), x::al),
        2 => a.mov(x::word_ptr(mem), x::ax),
        4 => a.mov(x::dword_ptr(mem), x::eax),
        _ => a.mov(x::qword_ptr(mem), x::rax),
    }
}

/// Loads `ty` from memory into rax; bool and char are zero-extended.
fn load_rax(a: &mut CodeAssembler, mem: x::AsmMemoryOperand, ty: &Type) -> Result<(), IcedError> {
    match size_of(ty) {
        1 => a.movzx(x::eax, x::byte_ptr(mem)),
        2 => a.movzx(x::eax, x::word_ptr(mem)),
        4 => a.mov(x::eax, x::dword_ptr(mem)),
        _ => a.mov(x::rax, x::qword_ptr(mem)),
    }
}

/// The 32-bit half of a local register (for `int` locals).
/// The memory a local lives in, if it is not a register: a stack slot
/// `[rbp - offset]` or a field of the async method's frame `[r15 + offset]`.
pub fn memory_home(storage: Storage) -> Option<x::AsmMemoryOperand> {
    match storage {
        Storage::Reg(_) => None,
        Storage::Stack(off) => Some(x::rbp - off as i32),
        Storage::Frame(off) => Some(x::r15 + off as i32),
    }
}

pub fn reg32(reg: ir::Reg) -> x::AsmRegister32 {
    match reg {
        ir::Reg::Rbx => x::ebx,
        ir::Reg::R12 => x::r12d,
        ir::Reg::R13 => x::r13d,
        ir::Reg::R14 => x::r14d,
        ir::Reg::R15 => x::r15d,
    }
}

/// The CodeAssembler register for a local register.
/// The same register as iced names it (for roles).
pub fn iced_reg(reg: ir::Reg) -> Register {
    match reg {
        ir::Reg::Rbx => Register::RBX,
        ir::Reg::R12 => Register::R12,
        ir::Reg::R13 => Register::R13,
        ir::Reg::R14 => Register::R14,
        ir::Reg::R15 => Register::R15,
    }
}

pub fn asm_reg(reg: ir::Reg) -> x::AsmRegister64 {
    match reg {
        ir::Reg::Rbx => x::rbx,
        ir::Reg::R12 => x::r12,
        ir::Reg::R13 => x::r13,
        ir::Reg::R14 => x::r14,
        ir::Reg::R15 => x::r15,
    }
}
