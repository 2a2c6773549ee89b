//! Emulated speed: `flux-viz run` (emulate::run, instructions counted per block,
//! budget enforced) against a bare Unicorn running the same image with no hook
//! but the syscall one, side by side on a compute-bound sieve (> 100 million
//! instructions). Also times Unicorn's own `count` argument to `emu_start`,
//! the other way to enforce a budget. The same sieve compiled from Flux#
//! (benches/programs/sieve.fs) runs the same way, and its instruction count
//! is compared with the hand-written loop's. Run: `cargo bench --bench emulate`.

use flux_viz::emulate::{self, Counting, Options, Stop};
use flux_viz::link::{self, Image};
use flux_viz::pipeline;
use std::time::{Duration, Instant};
use unicorn_engine::{Arch, Mode, Prot, RegisterX86, Unicorn, X86Insn};

/// Sieve of Eratosthenes up to N = 10,000,000; prints the number of primes.
const SIEVE: &str = r#"
N equ 10000000
section .text
flux$main:
    push rbx
    mov edi, N + 1
    call rt_alloc               ; rax = N+1 zeroed flags: 0 = maybe prime
    mov rbx, rax
    mov ecx, 2                  ; candidate p
.outer:
    mov rax, rcx
    imul rax, rcx
    cmp rax, N
    ja .count                   ; p*p > N: done crossing out
    cmp byte [rbx+rcx], 0
    jne .next                   ; p already crossed out
.cross:
    mov byte [rbx+rax], 1       ; cross out every multiple from p*p on
    add rax, rcx
    cmp rax, N
    jbe .cross
.next:
    inc rcx
    jmp .outer
.count:
    xor edi, edi                ; number of primes
    mov ecx, 2
.scan:
    movzx eax, byte [rbx+rcx]
    xor eax, 1
    add rdi, rax
    inc rcx
    cmp rcx, N
    jbe .scan
    call rt_println_int
    pop rbx
    ret
"#;

/// Nested register-only loops: 4-instruction blocks, the worst case for a block hook.
const LOOPS: &str = r#"
section .text
flux$main:
    xor eax, eax
    mov ecx, 10000
.outer:
    mov edx, 2500
.inner:
    add rax, rdx
    xor rax, rcx
    dec edx
    jnz .inner
    dec ecx
    jnz .outer
    mov rdi, rax
    jmp rt_println_int
"#;

/// The Flux# sieve to 10,000,000 (also run natively by benches/native.rs).
const SIEVE_FS: &str = include_str!("programs/sieve.fs");

/// The budget of every emulated run here, explicit rather than `run`'s
/// default (`emulate::DEFAULT_MAX_INSNS`): the Flux# sieve needs several
/// hundred million instructions (issue 13 found it over the default of the
/// time), so a default that changes, or code that gets slower, must show up
/// as the failed `Stop::Exited(0)` assertion below, never as a budget stop
/// timed as if it were the program.
const BUDGET: u64 = 20_000_000_000;

fn image(text: &str) -> Image {
    match link::build_hand_written("bench.asm", text) {
        Ok((_, _, image)) => image,
        Err(_) => panic!("the bench program links"),
    }
}

/// A bare Unicorn run, written independently of flux-viz's emulator: map the
/// regions, hook `syscall` (exit stops; write is ignored), run. `count` > 0 uses
/// Unicorn's own instruction limit.
fn bare(image: &Image, count: usize) -> Duration {
    let mut emu = Unicorn::new(Arch::X86, Mode::MODE_64).expect("unicorn");
    for r in &image.regions {
        let prot = if r.exec {
            Prot::READ | Prot::EXEC
        } else {
            Prot::READ | Prot::WRITE
        };
        emu.mem_map(r.addr, r.mapped_size(), prot).expect("map");
        emu.mem_write(r.addr, &r.bytes).expect("write");
    }
    emu.add_insn_sys_hook(X86Insn::SYSCALL, 1, 0, |uc| {
        let number = uc.reg_read(RegisterX86::RAX).unwrap_or(0);
        if number == 231 || number == 60 {
            let _ = uc.emu_stop();
        } else if number == 157 {
            let _ = uc.reg_write(RegisterX86::RAX, 0); // _start's seccomp prctl: on
        } else {
            let len = uc.reg_read(RegisterX86::RDX).unwrap_or(0);
            let _ = uc.reg_write(RegisterX86::RAX, len);
        }
    })
    .expect("hook");
    let start = Instant::now();
    emu.emu_start(image.entry, 0, 0, count).expect("bare run");
    start.elapsed()
}

fn flux(image: &Image, counting: Counting, expected: &str) -> (Duration, u64) {
    let start = Instant::now();
    let out = emulate::run(
        image,
        &Options {
            max_insns: BUDGET,
            counting,
            ..Options::default()
        },
    );
    let elapsed = start.elapsed();
    assert_eq!(out.stop, Stop::Exited(0));
    assert_eq!(out.stdout, expected.as_bytes());
    (elapsed, out.insns)
}

fn median(mut v: Vec<Duration>) -> Duration {
    v.sort();
    v[v.len() / 2]
}

fn main() {
    let hand = compare("sieve to 10,000,000", &image(SIEVE), "664579\n", 5);
    let compiled =
        pipeline::compile_source("sieve.fs", SIEVE_FS).unwrap_or_else(|f| panic!("{}", f.render()));
    let flux = compare(
        "sieve.fs (Flux#) to 10,000,000",
        &compiled.image,
        "664579\n",
        3,
    );
    println!(
        "  Flux# sieve / hand-written sieve: {:.2}x the instructions (goal <= 2)",
        flux as f64 / hand as f64
    );
    compare(
        "nested loops 10,000 x 2,500",
        &image(LOOPS),
        "31151064320\n",
        5,
    );
}

/// Times the four ways side by side (interleaved, median of `runs` runs
/// each); returns the instruction count.
fn compare(name: &str, image: &Image, expected: &str, runs: usize) -> u64 {
    let (mut b, mut c, mut f, mut off) = (Vec::new(), Vec::new(), Vec::new(), Vec::new());
    let mut insns = 0;
    for _ in 0..runs {
        b.push(bare(image, 0));
        let (t, n) = flux(image, Counting::Blocks, expected);
        f.push(t);
        insns = n;
        off.push(flux(image, Counting::Off, expected).0);
        c.push(bare(image, BUDGET as usize));
    }
    let (b, c, f, off) = (median(b), median(c), median(f), median(off));
    let rate = |d: Duration| insns as f64 / d.as_secs_f64() / 1e6;
    println!("{}: {} instructions, median of {} runs", name, insns, runs);
    println!(
        "  bare Unicorn (syscall hook only)       {:>8.3} s  {:>7.0} M insn/s",
        b.as_secs_f64(),
        rate(b)
    );
    println!(
        "  flux-viz run (block-counted budget)    {:>8.3} s  {:>7.0} M insn/s",
        f.as_secs_f64(),
        rate(f)
    );
    println!(
        "  flux-viz run, counting off             {:>8.3} s  {:>7.0} M insn/s",
        off.as_secs_f64(),
        rate(off)
    );
    println!(
        "  bare Unicorn with emu_start count      {:>8.3} s  {:>7.0} M insn/s",
        c.as_secs_f64(),
        rate(c)
    );
    println!(
        "  ratio flux-viz run / bare Unicorn speed: {:.2} (goal >= 0.8)",
        b.as_secs_f64() / f.as_secs_f64()
    );
    insns
}
