//! The run-time checks as a security boundary: a program cannot write outside
//! its own objects, frames and stack, emulated or native, and a native build
//! can make no system call but read, write and exit.

use flux_viz::emulate::{self, Options, Stop};
use flux_viz::{diag, elf, link, pipeline};
use std::os::unix::process::ExitStatusExt;
use std::process::Command;

/// `Wide` takes `n` int parameters; `Deep` recurses without end and calls
/// `Wide` every 100 levels, so some call is made with rsp anywhere in the
/// last few KiB above the stack limit (where a `sub rsp, 8*(n-6)` once
/// stepped over a one-page guard).
fn wide_call_program(n: usize) -> String {
    let params: Vec<String> = (0..n).map(|i| format!("int p{i}")).collect();
    let args = vec!["1"; n].join(", ");
    format!(
        "class Program {{
    static int Wide({}) {{ return p0 + p{}; }}
    static int Deep(int d) {{
        int w = 0;
        if (d % 100 == 0) {{ w = Wide({args}); }}
        return Deep(d + 1) + w;
    }}
    static void Main() {{ Console.WriteLine(Deep(0)); }}
}}
",
        params.join(", "),
        n - 1
    )
}

fn first_line(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes)
        .lines()
        .next()
        .unwrap_or("")
        .to_string()
}

fn assert_stack_overflow_everywhere(n: usize) {
    let compiled = pipeline::compile_source("wide.fs", &wide_call_program(n))
        .unwrap_or_else(|f| panic!("{}", f.render()));
    let emulated = emulate::run(&compiled.image, &Options::default());
    assert_eq!(emulated.stop, Stop::Exited(7), "{n} arguments, emulated");
    assert_eq!(
        first_line(&emulated.stderr),
        "Unhandled exception. System.StackOverflowException: Operation caused a stack overflow."
    );
    let dir = tempfile::tempdir().unwrap();
    let exe = dir.path().join("wide");
    elf::write_file(&compiled.image, &exe).unwrap();
    let native = Command::new(&exe).output().unwrap();
    assert_eq!(
        native.status.code(),
        Some(7),
        "{n} arguments, native: {:?}",
        native.status
    );
    assert_eq!(first_line(&native.stderr), first_line(&emulated.stderr));
}

#[test]
fn a_call_with_10k_stack_arguments_near_the_limit_is_a_stack_overflow() {
    assert_stack_overflow_everywhere(10_000);
}

#[test]
fn a_call_with_1m_stack_arguments_is_a_stack_overflow() {
    assert_stack_overflow_everywhere(1_000_000);
}

#[test]
fn a_big_frame_checks_its_whole_extent_before_rsp_moves() {
    let compiled = pipeline::compile_source("wide.fs", &wide_call_program(3000)).unwrap();
    let text = compiled.asm.to_nasm();
    let deep = &text[text.find("\nProgram.Deep:").expect("Deep")..];
    let body: Vec<String> = deep
        .lines()
        .skip(2)
        .take(4)
        .map(|l| l.split_whitespace().collect::<Vec<_>>().join(" "))
        .collect();
    assert!(body[0].starts_with("lea r11, [rsp-"), "{body:?}");
    assert!(
        body[1].starts_with("cmp r11, [rel rt_stack_limit]"),
        "{body:?}"
    );
    assert!(body[2].starts_with("jb "), "{body:?}");
    assert!(body[3].starts_with("push rbp"), "then the frame: {body:?}");
}

#[test]
fn a_frame_beyond_the_guard_is_a_compile_error() {
    // 2.2 M stack arguments need more than the 16 MiB a single adjustment may take.
    let n = 2_200_000;
    let failure = match pipeline::compile_source("huge.fs", &wide_call_program(n)) {
        Err(failure) => failure.render(),
        Ok(_) => panic!("compiled"),
    };
    assert!(failure.contains("Flux# allows at most 16 MiB"), "{failure}");
}

#[test]
fn nothing_writable_lies_within_a_single_adjustment_below_the_stack() {
    let compiled = pipeline::compile_source("w.fs", "class P { static void Main() { } }").unwrap();
    let image = &compiled.image;
    let stack = image.region(flux_viz::asm::Section::Stack).expect("stack");
    let below = image
        .regions
        .iter()
        .filter(|r| r.addr < stack.addr)
        .map(|r| r.addr + r.mapped_size())
        .max()
        .unwrap();
    assert!(stack.addr - below > flux_viz::codegen::MAX_ADJUST);
}

/// A hand-written `flux$main` that asks for `execve("/bin/true")`.
const EXECVE: &str = "section .text
flux$main:
    lea rdi, [rel path]
    xor esi, esi
    xor edx, edx
    mov eax, 59
    syscall
    ret
section .rodata
path:
    db \"/bin/true\", 0
";

fn execve_image() -> link::Image {
    link::build_hand_written("execve.asm", EXECVE)
        .unwrap_or_else(|(sources, d)| panic!("{}", diag::render(&sources, &d, false)))
        .2
}

#[test]
fn a_native_build_is_killed_at_execve() {
    let image = execve_image();
    let dir = tempfile::tempdir().unwrap();
    let exe = dir.path().join("execve");
    elf::write_file(&image, &exe).unwrap();
    let out = Command::new(&exe).output().unwrap();
    assert_eq!(
        out.status.signal(),
        Some(9),
        "seccomp strict mode kills the process: {:?}",
        out.status
    );
}

#[test]
fn the_emulator_refuses_execve_as_the_kernel_would() {
    let out = emulate::run(&execve_image(), &Options::default());
    assert!(
        matches!(out.stop, Stop::Syscall { number: 59, .. }),
        "{:?}",
        out.stop
    );
}
