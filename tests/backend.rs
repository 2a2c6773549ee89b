//! Back-end tests: hand-written assembly programs (using the runtime) run in the
//! emulator, natively as our own ELF, and through the real `nasm` + `ld`; the
//! emitted NASM text reads back to the very same bytes; nasm's bytes equal ours
//! instruction for instruction.
//!
//! Tests that need nasm/ld/objcopy skip with a note when the tool is missing,
//! and fail instead when the environment variable CI is set.

use flux_viz::asm::{Asm, Section};
use flux_viz::emulate::{self, Counting, Options, Outcome, Stop};
use flux_viz::link::{self, Image};
use flux_viz::source::Sources;
use flux_viz::verify::native;
use flux_viz::verify::process::{self, Scratch};
use flux_viz::{diag, elf, nasm};
use iced_x86::{Code, Instruction, Register};
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Duration;

mod common;
use common::have;

// ----- helpers -----------------------------------------------------------------

/// Reads a hand-written program (which defines `flux$main`) and links it with the runtime.
fn build(text: &str) -> (Sources, Asm, Image) {
    link::build_hand_written("test.asm", text)
        .unwrap_or_else(|(sources, d)| panic!("{}", diag::render(&sources, &d, false)))
}

fn link_asm(asm: Asm, mut sources: Sources) -> (Sources, Asm, Image) {
    match link::build_hand_built(asm, &mut sources) {
        Ok((asm, image)) => (sources, asm, image),
        Err(d) => panic!("{}", diag::render(&sources, &d, false)),
    }
}

fn run(image: &Image) -> Outcome {
    emulate::run(image, &Options::default())
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

/// A fresh scratch directory for files of one test (removed when dropped).
fn scratch(name: &str) -> Scratch {
    Scratch::new(&format!("backend-{name}")).expect("scratch directory")
}

/// Runs an executable: (stdout, stderr, exit code).
fn run_native(exe: &Path) -> (String, String, i32) {
    let run = process::run(&mut Command::new(exe), Duration::from_secs(60)).expect("run native");
    (text(&run.stdout), text(&run.stderr), run.exit_code)
}

/// `nasm -f elf64` then `ld` at the image's addresses; returns the executable.
fn nasm_ld(asm: &Asm, image: &Image, dir: &Scratch) -> PathBuf {
    native::nasm_ld(asm, image, dir, Duration::from_secs(60)).unwrap_or_else(|e| panic!("{e}"))
}

const PRINTS: &str = r#"
section .text
flux$main:
    push rbx                    ; keep rsp 16-byte aligned at calls, as generated code does
    mov rdi, -1234
    call rt_println_int
    mov rdi, -9223372036854775808
    call rt_println_int
    mov rdi, 0
    call rt_print_int
    call rt_print_newline
    lea rdi, [rel hello]
    call rt_println_str
    xor edi, edi
    call rt_println_str         ; null prints as an empty line
    mov edi, 'x'
    call rt_println_char
    mov edi, 0xE9               ; é: two bytes of UTF-8
    call rt_println_char
    mov edi, 0x20AC             ; €: three bytes
    call rt_println_char
    mov edi, 1
    call rt_println_bool
    xor edi, edi
    call rt_println_bool
    lea rdi, [rel hello]
    xor esi, esi
    call rt_str_concat          ; "hello" + null
    mov rbx, rax
    mov rdi, 9223372036854775807
    call rt_str_from_int
    mov rdi, rbx
    mov rsi, rax
    call rt_str_concat
    mov rdi, rax
    call rt_println_str
    mov edi, 0x41
    call rt_str_from_char
    mov rbx, rax
    xor edi, edi
    call rt_str_from_bool
    mov rdi, rbx
    mov rsi, rax
    call rt_str_concat
    mov rdi, rax
    call rt_print_str
    call rt_print_newline
    lea rdi, [rel hello]
    lea rsi, [rel hello2]
    call rt_str_eq
    mov rdi, rax
    call rt_println_int         ; 1: same bytes, different objects
    lea rdi, [rel hello]
    xor esi, esi
    call rt_str_eq
    mov rdi, rax
    call rt_println_int         ; 0: null is not "hello"
    xor edi, edi
    xor esi, esi
    call rt_str_eq
    mov rdi, rax
    call rt_println_int         ; 1: null == null
    lea rdi, [rel hello]
    lea rsi, [rel help]
    call rt_str_eq
    mov rdi, rax
    call rt_println_int         ; 0
    pop rbx
    ret

section .rodata
hello:
    dq 5
    dw __utf16__("hello")
    align 8, db 0
hello2:
    dq 5
    dw __utf16__("hello")
    align 8, db 0
help:
    dq 5
    dw __utf16__("help!")
"#;

const PRINTS_OUT: &str = "-1234\n-9223372036854775808\n0\nhello\n\nx\né\n€\nTrue\nFalse\nhello9223372036854775807\nAFalse\n1\n0\n1\n0\n";

// ----- the emulator ---------------------------------------------------------------

#[test]
fn runtime_prints_and_builds_strings() {
    let (_, _, image) = build(PRINTS);
    let out = run(&image);
    assert_eq!(out.stop, Stop::Exited(0), "stderr: {}", text(&out.stderr));
    assert_eq!(text(&out.stdout), PRINTS_OUT);
    assert!(out.insns > 1000, "counted {} instructions", out.insns);
}

/// (routine, stderr first line, exit code): `throw$…` throws, and with no
/// handler record anywhere the exception is unhandled; `fail$…` ends at once.
const FAILURES: [(&str, &str, i32); 9] = [
    // mono's wording for a null dereference has no full stop (`new
    // NullReferenceException()`'s has one).
    ("throw$null", "System.NullReferenceException: Object reference not set to an instance of an object", 2),
    ("throw$index", "System.IndexOutOfRangeException: Index was outside the bounds of the array.", 3),
    ("throw$divzero", "System.DivideByZeroException: Attempted to divide by zero.", 4),
    ("throw$overflow", "System.OverflowException: Arithmetic operation resulted in an overflow.", 5),
    ("fail$oom", "System.OutOfMemoryException: Insufficient memory to continue the execution of the program.", 6),
    ("fail$stack", "System.StackOverflowException: Operation caused a stack overflow.", 7),
    ("throw$cast", "System.InvalidCastException: Specified cast is not valid.", 8),
    ("fail$deadlock", "deadlock: Main never completed", 9),
    ("throw$argument_range", "System.ArgumentOutOfRangeException: The value needs to be either -1 (signifying an infinite timeout), 0 or a positive integer.\nParameter name: millisecondsDelay", 1),
];

fn failing_program(routine: &str, line: u32) -> String {
    format!(
        "section .text\nflux$main:\n    lea rdi, [rel msg]\n    call rt_print_str\n    mov edi, {}\n    jmp {}\n\
         section .rodata\nmsg:\n    dq 7\n    dw __utf16__(\"before\"), 10\n",
        line, routine
    )
}

#[test]
fn every_failure_exit_prints_the_dotnet_line() {
    for (routine, message, code) in FAILURES {
        let (_, _, image) = build(&failing_program(routine, 12));
        let out = run(&image);
        assert_eq!(out.stop, Stop::Exited(code), "{}", routine);
        assert_eq!(
            text(&out.stdout),
            "before\n",
            "output written before a failure stays"
        );
        let expected = format!("Unhandled exception. {}\n   at line 12\n", message);
        assert_eq!(text(&out.stderr), expected, "{}", routine);
    }
}

#[test]
fn failure_without_a_line_prints_no_location() {
    let (_, _, image) = build(&failing_program("fail$deadlock", 0));
    let out = run(&image);
    assert_eq!(
        text(&out.stderr),
        "Unhandled exception. deadlock: Main never completed\n"
    );
    assert_eq!(out.stop, Stop::Exited(9));
}

/// Recursion with the prologue check the code generator emits.
const DEEP_RECURSION: &str = r#"
section .text
flux$main:
    sub rsp, 8
    call recurse
    add rsp, 8
    ret
recurse:
    cmp rsp, [rel rt_stack_limit]   ; the stack check of every prologue
    jb .overflow
    push rbx
    call recurse
    pop rbx
    ret
.overflow:
    mov edi, 7
    jmp fail$stack
"#;

#[test]
fn stack_check_fails_with_exit_7() {
    let (_, _, image) = build(DEEP_RECURSION);
    let out = run(&image);
    assert_eq!(out.stop, Stop::Exited(7));
    assert_eq!(
        text(&out.stderr),
        format!("Unhandled exception. {}\n   at line 7\n", FAILURES[5].1)
    );
}

#[test]
fn running_into_the_guard_page_is_a_located_fault() {
    let unchecked = DEEP_RECURSION
        .replace("jb .overflow", "jb .never")
        .replace(".overflow:", ".never:\n    jmp .never\n.x:");
    let unchecked = unchecked.replace("cmp rsp, [rel rt_stack_limit]", "cmp rsp, 0");
    let (sources, _, image) = build(&unchecked);
    let out = run(&image);
    let Stop::Fault(fault) = &out.stop else {
        panic!("expected a fault, got {:?}", out.stop)
    };
    assert!(fault.reason.contains("guard page"), "{}", fault.reason);
    assert_eq!(
        fault.symbol.as_deref().map(|s| s.starts_with("recurse")),
        Some(true)
    );
    let message = out.stop_message(&sources).expect("a message");
    assert!(message.contains("test.asm:"), "{}", message);
}

#[test]
fn heap_exhaustion_exits_6() {
    let program = "section .text\nflux$main:\n.again:\n    mov edi, 1048576\n    call rt_alloc\n    jmp .again\n";
    let (_, _, image) = build(program);
    let out = run(&image);
    assert_eq!(out.stop, Stop::Exited(6));
    assert_eq!(
        text(&out.stderr),
        format!("Unhandled exception. {}\n", FAILURES[4].1)
    );
}

#[test]
fn allocations_are_zeroed_aligned_and_distinct() {
    let program = r#"
section .text
flux$main:
    push rbx
    mov edi, 13
    call rt_alloc
    mov rbx, rax
    mov edi, 8
    call rt_alloc
    sub rax, rbx
    mov rdi, rax
    call rt_println_int     ; 16: 13 rounded up to 8
    mov rdi, [rbx]
    or rdi, [rbx+8]
    call rt_println_int     ; 0: zeroed
    pop rbx
    ret
"#;
    let (_, _, image) = build(program);
    assert_eq!(text(&run(&image).stdout), "16\n0\n");
}

#[test]
fn the_budget_stops_an_endless_loop() {
    let (sources, _, image) =
        build("section .text\nflux$main:\n.spin:\n    inc rax\n    jmp .spin\n");
    let out = emulate::run(
        &image,
        &Options {
            max_insns: 100_000,
            counting: Counting::Blocks,
            ..Options::default()
        },
    );
    assert_eq!(out.stop, Stop::Budget(100_000));
    assert!((100_000..100_010).contains(&out.insns), "{}", out.insns);
    assert!(out
        .stop_message(&sources)
        .is_some_and(|m| m.contains("budget")));
}

#[test]
fn other_system_calls_are_reported() {
    let (_, _, image) = build("section .text\nflux$main:\n    mov eax, 39\n    syscall\n    ret\n");
    let out = run(&image);
    let at = image.symbol("flux$main").expect("flux$main") + 5;
    assert_eq!(
        out.stop,
        Stop::Syscall {
            number: 39,
            addr: at
        }
    );
}

#[test]
fn bad_jumps_and_writes_are_faults_not_panics() {
    // (body, the reason's start, the symbol whose address the reason names)
    for (body, what, at) in [
        ("mov rax, 16\n    jmp rax", "jump to unmapped memory", None),
        ("mov rax, [16]", "read from unmapped memory", None),
        ("mov qword [24], 1", "write to unmapped memory", None),
        (
            "lea rax, [rel flux$main]\n    mov [rax], rax",
            "write to read-only memory",
            Some("flux$main"),
        ),
        (
            "lea rax, [rel rt_heap_ptr]\n    jmp rax",
            "jump into non-executable memory",
            Some("rt_heap_ptr"),
        ),
        ("ud2", "", None),
    ] {
        let (_, _, image) = build(&format!("section .text\nflux$main:\n    {}\n", body));
        let out = run(&image);
        let Stop::Fault(fault) = &out.stop else {
            panic!("{body}: {:?}", out.stop)
        };
        assert!(fault.reason.starts_with(what), "{body}: {}", fault.reason);
        let addr = match at {
            Some(symbol) => image.symbol(symbol).expect("a symbol"),
            None => body
                .split(['[', ']', ' ', ',', '\n'])
                .find_map(|w| w.parse().ok())
                .unwrap_or(0),
        };
        if !what.is_empty() {
            assert!(
                fault.reason.ends_with(&format!("at {addr:#x}")),
                "{body}: {}",
                fault.reason
            );
        }
    }
}

#[test]
fn counting_matches_a_known_loop() {
    // 3 (setup) + 1000 * 3 (loop) + 1 (ret) in flux$main, plus _start's 15
    // (the argument block, the seccomp prctl and its check, stack, heap, exit).
    let program = "section .text\nflux$main:\n    mov ecx, 1000\n    xor eax, eax\n    nop\n.loop:\n    add rax, rcx\n    dec ecx\n    jnz .loop\n    ret\n";
    let (_, _, image) = build(program);
    assert_eq!(run(&image).insns, 3 + 3000 + 1 + 15);
}

// ----- the Asm builder -------------------------------------------------------------

/// What the code generator does: labels by role, branches, symbol addresses, data.
fn builder_program() -> Asm {
    let mut asm = Asm::new();
    asm.set_origin(None, "flux$main", None);
    asm.label("flux$main");
    asm.comment("3: int x = 5;");
    let push = Instruction::with1(Code::Push_r64, Register::RBX).expect("push");
    asm.emit(push)
        .explain("save rbx: the caller expects it back");
    asm.emit(Instruction::with2(Code::Mov_r64_imm64, Register::RBX, 5i64).expect("mov"));
    let else_label = asm.fresh_label("else");
    let end_label = asm.fresh_label("end");
    asm.emit(Instruction::with2(Code::Cmp_rm64_imm8, Register::RBX, 3).expect("cmp"));
    asm.branch(Code::Jle_rel32_64, &else_label);
    asm.lea_sym(Register::RDI, "str.0");
    asm.jmp(&end_label);
    asm.label(&else_label);
    asm.mov_sym(Register::RDI, "str.1");
    asm.label(&end_label);
    asm.call("rt_println_str");
    // A virtual call through a vtable in rodata: call [rax+16].
    asm.lea_sym(Register::RAX, "Greeter$vtable");
    let call = Instruction::with1(
        Code::Call_rm64,
        iced_x86::MemoryOperand::with_base_displ(Register::RAX, 16),
    );
    asm.emit(call.expect("call"));
    let load = Instruction::with2(Code::Mov_r64_rm64, Register::RDI, Asm::rel(0)).expect("mov");
    asm.emit_sym(load, "counter");
    asm.call("rt_println_int");
    asm.emit(Instruction::with1(Code::Pop_r64, Register::RBX).expect("pop"));
    asm.emit(Instruction::with(Code::Retnq));
    asm.label("Greeter.Hello");
    asm.set_origin(None, "Greeter.Hello", None);
    asm.lea_sym(Register::RDI, "str.1");
    asm.call("rt_println_str");
    asm.emit(Instruction::with(Code::Retnq));
    asm.string_literal("str.0", "big");
    asm.string_literal("str.1", "small");
    asm.section(Section::Rodata);
    asm.align(8);
    asm.label("Greeter$vtable");
    asm.ints(8, &[1]);
    asm.ints(8, &[0]);
    asm.dq_sym("Greeter.Hello", 0);
    asm.section(Section::Data);
    asm.label("counter");
    asm.ints(8, &[42]);
    asm
}

#[test]
fn builder_program_runs_and_reads_like_nasm() {
    let (_, asm, image) = link_asm(builder_program(), Sources::new());
    let out = run(&image);
    assert_eq!(text(&out.stdout), "big\nsmall\n42\n");
    let nasm_text = asm.to_nasm();
    assert!(
        nasm_text.contains("mov     ebx, 5"),
        "mov rbx, 5 is encoded as NASM does: mov ebx, 5"
    );
    assert!(nasm_text.contains("jle     .L.else.1"));
    assert!(nasm_text.contains(".L.end.2:"));
    assert!(nasm_text.contains("; save rbx: the caller expects it back"));
    assert!(nasm_text.contains("dq Greeter.Hello"));
    assert!(nasm_text.contains("mov     rdi, [rel counter]"));
}

#[test]
fn builder_errors_are_reported_not_panics() {
    let mut asm = Asm::new();
    asm.label("f");
    asm.jmp("nowhere");
    asm.db(b"data in text");
    let errors = asm.errors().len();
    assert_eq!(errors, 1, "{:?}", asm.errors());
    assert!(asm.assemble(link::layout).is_err());
    let mut undefined = Asm::new();
    undefined.label("f");
    undefined.jmp("nowhere");
    let err = undefined
        .assemble(link::layout)
        .expect_err("undefined symbol");
    assert!(err.message.contains("nowhere"), "{}", err);
}

#[test]
fn asm_text_snapshot() {
    let asm = builder_program();
    // Only the generated part: the runtime is read from files and has its own tests.
    insta::assert_snapshot!(asm.to_nasm());
}

// ----- the NASM reader ---------------------------------------------------------------

/// (NASM text, the bytes `nasm -f bin` gives for it in 64-bit mode)
const ENCODINGS: &[(&str, &str)] = &[
    ("mov rax, rbx", "4889d8"),
    ("mov eax, ebx", "89d8"),
    ("mov ax, bx", "6689d8"),
    ("mov al, bl", "88d8"),
    ("mov sil, dil", "4088fe"),
    ("mov rax, 5", "b805000000"),
    ("mov rax, -1", "48c7c0ffffffff"),
    ("mov rax, 0x80000000", "b800000080"),
    ("mov rax, 0x123456789", "48b88967452301000000"),
    ("lea rdx, [rcx*2+1]", "488d540901"),
    ("lea rdx, [rcx*2]", "488d1409"),
    ("xchg rax, rbx", "4893"),
    ("xchg rbx, rax", "4893"),
    ("xchg rbx, [rax]", "488718"),
    ("xchg [rax], rbx", "488718"),
    ("mov eax, -1", "b8ffffffff"),
    ("mov r12, [rbx+8]", "4c8b6308"),
    ("mov [rsp+16], r13", "4c896c2410"),
    ("mov rax, [rbp-8]", "488b45f8"),
    ("mov rax, [r13]", "498b4500"),
    ("mov rax, [rsp]", "488b0424"),
    ("mov rax, [rbx+rcx*8+16]", "488b44cb10"),
    ("mov rax, [rcx*8+16]", "488b04cd10000000"),
    ("mov qword [rax], 5", "48c70005000000"),
    ("mov dword [rax+4], -7", "c74004f9ffffff"),
    ("mov word [rax], 300", "66c7002c01"),
    ("mov byte [rax], 255", "c600ff"),
    ("mov byte [rdi], '-'", "c6072d"),
    ("movzx eax, byte [rsi]", "0fb606"),
    ("movzx eax, word [rsi+2]", "0fb74602"),
    ("movzx eax, al", "0fb6c0"),
    ("movzx rax, cl", "480fb6c1"),
    ("movsx rax, byte [rsi]", "480fbe06"),
    ("movsxd rax, dword [rsi]", "486306"),
    ("movsxd rax, ecx", "4863c1"),
    ("lea rax, [rbx+rcx*4]", "488d048b"),
    ("lea rdi, [r13+8]", "498d7d08"),
    ("add rax, 1", "4883c001"),
    ("add rax, 1000", "4805e8030000"),
    ("add eax, 0xFFFFFFFF", "83c0ff"),
    ("add rsp, 24", "4883c418"),
    ("sub rsp, 24", "4883ec18"),
    ("sub rax, rbx", "4829d8"),
    ("add r12, [r13]", "4d036500"),
    ("and rdi, -8", "4883e7f8"),
    ("or ecx, 0xC0", "81c9c0000000"),
    ("xor eax, eax", "31c0"),
    ("xor r8d, r8d", "4531c0"),
    ("cmp rax, rbx", "4839d8"),
    ("cmp al, 5", "3c05"),
    ("cmp eax, 1000", "3de8030000"),
    ("cmp rdi, 0x800", "4881ff00080000"),
    ("cmp qword [rbx], 0", "48833b00"),
    ("test rax, rax", "4885c0"),
    ("test al, 1", "a801"),
    ("test ebx, ebx", "85db"),
    ("imul rax, rbx", "480fafc3"),
    ("imul eax, ecx, 10", "6bc10a"),
    ("imul rax, [rbx], 1000", "486903e8030000"),
    ("idiv rcx", "48f7f9"),
    ("div rcx", "48f7f1"),
    ("idiv ecx", "f7f9"),
    ("cqo", "4899"),
    ("cdq", "99"),
    ("cdqe", "4898"),
    ("neg rax", "48f7d8"),
    ("not rcx", "48f7d1"),
    ("inc rsi", "48ffc6"),
    ("dec rdx", "48ffca"),
    ("inc dword [rax]", "ff00"),
    ("shl rax, 1", "48d1e0"),
    ("shl rax, 3", "48c1e003"),
    ("shr ecx, 6", "c1e906"),
    ("sar rax, cl", "48d3f8"),
    ("push rbx", "53"),
    ("push r12", "4154"),
    ("push 5", "6a05"),
    ("push 1000", "68e8030000"),
    ("pop r13", "415d"),
    ("pop rbp", "5d"),
    ("ret", "c3"),
    ("syscall", "0f05"),
    ("nop", "90"),
    ("sete al", "0f94c0"),
    ("setl cl", "0f9cc1"),
    ("setg r9b", "410f9fc1"),
    ("cmove rdi, rax", "480f44f8"),
    ("cmovl eax, ecx", "0f4cc1"),
    ("call rax", "ffd0"),
    ("jmp rax", "ffe0"),
    ("jmp qword [rdi+8]", "ff6708"),
    ("call qword [rax+16]", "ff5010"),
];

#[test]
fn the_generic_matcher_picks_nasms_encodings() {
    let mut failures = Vec::new();
    for (line, expected) in ENCODINGS {
        let mut sources = Sources::new();
        let file = sources.add(
            "one.asm",
            "one.asm",
            format!("section .text\nf:\n    {}\n", line),
        );
        let mut asm = Asm::new();
        if let Err(d) = nasm::read(&mut asm, &sources, file) {
            failures.push(format!("{}: {}", line, d[0].message));
            continue;
        }
        let done = asm.assemble(link::layout).expect("assemble");
        let got: String = done
            .section_bytes(Section::Text)
            .iter()
            .map(|b| format!("{:02x}", b))
            .collect();
        if got != *expected {
            failures.push(format!("{}: ours {} nasm {}", line, got, expected));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn reader_errors_are_diagnostics() {
    let cases = [
        (
            "section .text\nf:\n    frobnicate rax\n",
            "unknown instruction",
        ),
        ("section .text\nf:\n    mov rax, rbx, rcx\n", "no encoding"),
        ("section .text\nf:\n    inc [rax]\n", "size not specified"),
        ("section .text\nf:\n    xchg rdi, rsi\n", "xchg"),
        ("section .text\nf:\n    mov rax, [rbx+rcx*3]\n", "address"),
        ("section .text\nf:\n    mov rax, [x]\n", "rel"),
        ("section .wat\n", "unknown section"),
        (
            "section .text\n    ret\nsection .data\nd:\n    dq 1\nsection .text\n.l:\n    ret\n",
            "another section",
        ),
        ("section .text\nf:\n    mov rax, (\n", "NASM subset"),
        ("section .text\nf:\n    db 1\n", "not allowed"),
        ("section .text\n.l:\n    ret\n", "no non-local label"),
    ];
    for (source, expected) in cases {
        let mut sources = Sources::new();
        let file = sources.add("bad.asm", "bad.asm", source.to_string());
        let mut asm = Asm::new();
        let diags = nasm::read(&mut asm, &sources, file).expect_err(source);
        let rendered = diag::render(&sources, &diags, false);
        assert!(rendered.contains(expected), "{:?}: {}", source, rendered);
    }
}

proptest::proptest! {
    #[test]
    fn the_reader_never_panics(text in "[ -~\n]{0,200}") {
        let mut sources = Sources::new();
        let file = sources.add("fuzz.asm", "fuzz.asm", text);
        let mut asm = Asm::new();
        if nasm::read(&mut asm, &sources, file).is_ok() {
            let _ = asm.assemble(link::layout);
        }
    }

    #[test]
    fn instruction_lines_never_panic(
        mnemonic in proptest::sample::select(vec!["mov", "add", "lea", "push", "imul", "shl", "jmp", "movzx", "cmp"]),
        a in "(rax|eax|al|r12|\\[rbx\\+8\\]|qword \\[rel x\\]|5|-1|x)",
        b in "(rbx|ecx|cl|\\[rsp\\]|byte \\[rax\\]|300|x|)",
    ) {
        let line = if b.is_empty() { format!("{} {}", mnemonic, a) } else { format!("{} {}, {}", mnemonic, a, b) };
        let mut sources = Sources::new();
        let file = sources.add("one.asm", "one.asm", format!("section .text\nf:\n    {}\nsection .data\nx:\n    dq 0\n", line));
        let mut asm = Asm::new();
        if nasm::read(&mut asm, &sources, file).is_ok() {
            let _ = asm.assemble(link::layout);
        }
    }
}

/// The NASM text flux-viz prints, read back, encodes to the very same bytes.
#[test]
fn printed_text_reads_back_to_the_same_bytes() {
    for program in [
        build(PRINTS).1,
        link_asm(builder_program(), Sources::new()).1,
    ] {
        let first = program.assemble(link::layout).expect("assemble");
        let text = program.to_nasm();
        let mut sources = Sources::new();
        let file = sources.add("printed.asm", "printed.asm", text.clone());
        let mut again = Asm::new();
        if let Err(d) = nasm::read(&mut again, &sources, file) {
            panic!("{}\n{}", diag::render(&sources, &d, false), text);
        }
        let second = again.assemble(link::layout).expect("assemble again");
        for section in Section::ALL {
            assert_eq!(
                first.section_bytes(section),
                second.section_bytes(section),
                "{}",
                section.name()
            );
            assert_eq!(
                first.size(section),
                second.size(section),
                "{}",
                section.name()
            );
        }
    }
}

// ----- the source map ----------------------------------------------------------------

#[test]
fn source_map_lookups() {
    let (sources, _, image) = build(PRINTS);
    let main = image.symbol("flux$main").expect("flux$main");
    assert_eq!(main, link::CODE_BASE);
    let first = image.insn_at(main).expect("first instruction");
    assert_eq!(first.text, "push    rbx");
    assert_eq!(&*first.origin.function, "flux$main");
    assert_eq!(
        &*first.origin.explain,
        "keep rsp 16-byte aligned at calls, as generated code does"
    );
    assert_eq!(image.insn_bytes(first), &[0x53]);
    let second = image.insn_at(main + 1).expect("second instruction");
    assert_eq!(
        image.insn_at(main + 3).map(|e| e.addr),
        Some(second.addr),
        "inside an instruction"
    );
    assert_eq!(
        image.source_line(main + 1, &sources),
        Some(("test.asm".to_string(), 5))
    );
    let alloc = image.symbol("rt_alloc").expect("rt_alloc");
    let (sym, off) = image.nearest_symbol(alloc + 30).expect("a symbol");
    assert_eq!(
        (sym.name.as_str(), off),
        ("rt_alloc", 30),
        "local labels do not name code"
    );
    assert!(image
        .describe(alloc, &sources)
        .contains("runtime/alloc.asm:"));
    let listing = image.listing(&sources);
    assert!(listing.contains("0000000000401000 <flux$main>:"));
    assert!(listing.contains("  401000:\t53"));
    assert!(listing.contains("test.asm:5: mov rdi, -1234"));
}

#[test]
fn layout_follows_the_documented_plan() {
    let (_, _, image) = build(PRINTS);
    let addr = |s: Section| image.region(s).map(|r| r.addr).expect("region");
    assert_eq!(addr(Section::Text), 0x401000);
    let stack = image.region(Section::Stack).expect("stack");
    assert_eq!(stack.size, 8 << 20);
    let bss_or_data_end = image
        .regions
        .iter()
        .filter(|r| r.addr < stack.addr)
        .map(|r| r.addr + r.mapped_size())
        .max();
    assert_eq!(
        bss_or_data_end,
        Some(stack.addr - link::GUARD_SIZE),
        "one unmapped guard page below the stack"
    );
    assert_eq!(image.region(Section::Heap).map(|h| h.size), Some(128 << 20));
    assert!(image
        .regions
        .windows(2)
        .all(|w| w[0].addr + w[0].mapped_size() <= w[1].addr));
}

// ----- native runs -------------------------------------------------------------------

fn programs() -> Vec<(&'static str, String)> {
    vec![
        ("prints", PRINTS.to_string()),
        ("divzero", failing_program("throw$divzero", 31)),
        ("stack", DEEP_RECURSION.to_string()),
    ]
}

#[test]
fn own_elf_runs_natively_like_the_emulator() {
    for (name, program) in programs() {
        let (_, _, image) = build(&program);
        let dir = scratch(&format!("elf-{}", name));
        let exe = dir.join(name);
        elf::write_file(&image, &exe).expect("write ELF");
        let emulated = run(&image);
        let native = run_native(&exe);
        assert_eq!(native.0, text(&emulated.stdout), "{}: stdout", name);
        assert_eq!(native.1, text(&emulated.stderr), "{}: stderr", name);
        assert_eq!(native.2, emulated.exit_code(), "{}: exit code", name);
    }
}

#[test]
fn native_guard_page_stops_runaway_recursion() {
    let unchecked = DEEP_RECURSION.replace("cmp rsp, [rel rt_stack_limit]", "cmp rsp, 0");
    let (_, _, image) = build(&unchecked);
    let dir = scratch("guard");
    let exe = dir.join("guard");
    elf::write_file(&image, &exe).expect("write ELF");
    let out = Command::new(&exe).output().expect("run");
    use std::os::unix::process::ExitStatusExt;
    assert_eq!(out.status.signal(), Some(11), "SIGSEGV on the guard page");
}

#[test]
fn nasm_and_ld_build_the_same_program() {
    if !have(&native::TOOLS) {
        return;
    }
    for (name, program) in programs() {
        let (_, asm, image) = build(&program);
        let dir = scratch(&format!("nasm-{}", name));
        let exe = nasm_ld(&asm, &image, &dir);
        let emulated = run(&image);
        let native = run_native(&exe);
        assert_eq!(native.0, text(&emulated.stdout), "{}: stdout", name);
        assert_eq!(native.1, text(&emulated.stderr), "{}: stderr", name);
        assert_eq!(native.2, emulated.exit_code(), "{}: exit code", name);
    }
}

/// Links nasm's object at our addresses and compares `.text` instruction by
/// instruction (and `.rodata`, `.data` byte by byte), naming the first
/// difference and its source line: `flux_viz::verify::native::byte_check`.
#[test]
fn nasm_bytes_equal_ours_instruction_for_instruction() {
    if !have(&native::TOOLS) {
        return;
    }
    for (name, (sources, asm, image)) in [
        ("prints", build(PRINTS)),
        ("builder", link_asm(builder_program(), Sources::new())),
    ] {
        let dir = scratch(&format!("bytes-{}", name));
        let exe = nasm_ld(&asm, &image, &dir);
        let compared =
            native::byte_check(&exe, &image, &sources).unwrap_or_else(|e| panic!("{name}: {e}"));
        assert_eq!(compared, image.map.len(), "{name}: every instruction");
        assert_eq!(
            run_native(&exe).0,
            text(&run(&image).stdout),
            "{}: runs at our addresses too",
            name
        );
    }
}

/// Only the runtime routines a program can reach are linked: a program
/// without async methods has no event loop, one that awaits has it, and a
/// routine that runs on into the next (rt_complete into rt_wake_awaiters)
/// brings it along.
#[test]
fn the_runtime_is_linked_as_far_as_the_program_reaches() {
    let routines = |source: &str| -> Vec<String> {
        let compiled = flux_viz::pipeline::compile_source("p.fs", source)
            .unwrap_or_else(|f| panic!("{}", f.render()));
        compiled
            .image
            .symbols
            .iter()
            .filter(|s| !s.local && s.section == Section::Text)
            .map(|s| s.name.clone())
            .collect()
    };
    let sync = routines("class P { static void Main() { System.Console.WriteLine(1); } }");
    assert!(sync.iter().any(|r| r == "_start"), "{sync:?}");
    assert!(sync.iter().any(|r| r == "rt_println_int"), "{sync:?}");
    for absent in [
        "rt_run_loop",
        "rt_alloc",
        "rt_str_concat",
        "rt_fmod",
        "rt_complete",
    ] {
        assert!(!sync.iter().any(|r| r == absent), "{absent} in {sync:?}");
    }
    let awaits = routines(
        "using System.Threading.Tasks;\nclass P { static async Task Main() { await Task.Yield(); System.Console.WriteLine(\"a\" + 1); } }",
    );
    for present in [
        "rt_run_loop",
        "rt_alloc",
        "rt_str_concat",
        "rt_complete",
        "rt_wake_awaiters",
    ] {
        assert!(
            awaits.iter().any(|r| r == present),
            "{present} in {awaits:?}"
        );
    }
    assert!(!awaits.iter().any(|r| r == "rt_fmod"), "{awaits:?}");
}
