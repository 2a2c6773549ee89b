//! `cargo bench --bench machine`: the stepping engine's figures.
//!
//! 1. Run-to-next-event throughput with event detection on (every recorded
//!    kind detected and recorded, stopping at each `timer` event), against
//!    the same image in plain Unicorn: the image's regions mapped with
//!    unicorn-engine directly, the kernel's argument block, and one syscall
//!    hook (write, exit, the seccomp prctl of `_start`), no other hook. Also
//!    `flux-viz run`'s emulator (`emulate::run`, instructions counted per
//!    block) on the same image, side by side in one run.
//! 2. The history at the UI's checkpoint interval (100,000 instructions,
//!    src/tui/session.rs): step back once at instruction 1, 10, 40, 100,
//!    1 k, 100 k, 10 M and 100 M; at 100 M also back to the previous async
//!    event, and the memory the history holds.
//! 3. For the history design: what a memory-write hook (the alternative to
//!    comparing pages at checkpoints) costs on the same program, against
//!    plain Unicorn.

use flux_viz::emulate;
use flux_viz::link::Image;
use flux_viz::machine::{EventKind, KindSet, Machine, Options, Stop};
use flux_viz::pipeline::{self, Compiled};
use std::time::{Duration, Instant};
use unicorn_engine::{Arch, HookType, Mode, Prot, RegisterX86, Unicorn, X86Insn};

const WORKERS: &str = include_str!("machine/workers.fs");

/// The UI's checkpoint interval (what a student's step back replays).
const UI_CHECKPOINT_INTERVAL: u64 = flux_viz::tui::session::CHECKPOINT_INTERVAL;

/// What a plain Unicorn run produced.
#[derive(Default)]
struct Plain {
    stdout: Vec<u8>,
    exit: Option<u64>,
    /// Pages marked by the optional memory-write hook.
    dirty: Vec<u8>,
}

/// Runs `image` in plain Unicorn, independently of flux-viz's emulator: the
/// regions mapped with their rights, the kernel's argument block at
/// `emulate::LOADER_BLOCK` with rsp on it (what `_start` reads; only argv[0]),
/// and one syscall hook for what the runtime uses: write (kept for fd 1),
/// exit, and prctl(PR_SET_SECCOMP) answered 0. With `write_hook`, also a
/// memory-write hook that marks dirty pages. Returns the time of
/// `emu_start` alone.
fn plain_unicorn(image: &Image, write_hook: bool) -> (Duration, Plain) {
    let mut uc = Unicorn::new_with_data(Arch::X86, Mode::MODE_64, Plain::default()).unwrap();
    for r in &image.regions {
        let mut prot = Prot::READ;
        if r.write {
            prot |= Prot::WRITE;
        }
        if r.exec {
            prot |= Prot::EXEC;
        }
        uc.mem_map(r.addr, r.mapped_size(), prot).unwrap();
        if !r.bytes.is_empty() {
            uc.mem_write(r.addr, &r.bytes).unwrap();
        }
    }
    let block = emulate::loader_block(&[]);
    uc.mem_map(
        emulate::LOADER_BLOCK,
        (block.len() as u64).next_multiple_of(4096),
        Prot::READ,
    )
    .unwrap();
    uc.mem_write(emulate::LOADER_BLOCK, &block).unwrap();
    uc.reg_write(RegisterX86::RSP, emulate::LOADER_BLOCK)
        .unwrap();
    uc.add_insn_sys_hook(X86Insn::SYSCALL, 1, 0, |uc| {
        let reg = |uc: &Unicorn<'_, Plain>, r| uc.reg_read(r).unwrap();
        match reg(uc, RegisterX86::RAX) {
            1 => {
                let (fd, buf, len) = (
                    reg(uc, RegisterX86::RDI),
                    reg(uc, RegisterX86::RSI),
                    reg(uc, RegisterX86::RDX),
                );
                let bytes = uc.mem_read_as_vec(buf, len as usize).unwrap();
                if fd == 1 {
                    uc.get_data_mut().stdout.extend_from_slice(&bytes);
                }
                uc.reg_write(RegisterX86::RAX, len).unwrap();
            }
            157 => uc.reg_write(RegisterX86::RAX, 0).unwrap(), // seccomp strict mode: on
            number => {
                let code = reg(uc, RegisterX86::RDI);
                uc.get_data_mut().exit = Some(if number == 60 { code } else { u64::MAX });
                uc.emu_stop().unwrap();
            }
        }
    })
    .unwrap();
    if write_hook {
        uc.get_data_mut().dirty = vec![0u8; 1 << 18];
        uc.add_mem_hook(HookType::MEM_WRITE, 1, 0, |uc, _, addr, _, _| {
            let page = (addr >> 12) as usize & ((1 << 18) - 1);
            uc.get_data_mut().dirty[page] = 1;
            true
        })
        .unwrap();
    }
    let start = Instant::now();
    uc.emu_start(image.entry, 0, 0, 0).unwrap();
    let took = start.elapsed();
    let plain = std::mem::take(uc.get_data_mut());
    assert_eq!(
        plain.exit,
        Some(0),
        "plain Unicorn: the program exits with 0"
    );
    (took, plain)
}

fn compile(rounds: u32, work: u32) -> Compiled {
    let source = WORKERS
        .replace("ROUNDS", &rounds.to_string())
        .replace("WORK", &work.to_string());
    pipeline::compile_source("workers.fs", &source).unwrap_or_else(|f| panic!("{}", f.render()))
}

fn median(mut v: Vec<Duration>) -> Duration {
    v.sort();
    v[v.len() / 2]
}

fn time<T>(f: impl FnOnce() -> T) -> (Duration, T) {
    let start = Instant::now();
    let value = f();
    (start.elapsed(), value)
}

fn throughput() {
    let compiled = compile(200, 20_000);
    let reference = emulate::run(&compiled.image, &emulate::Options::default());
    assert_eq!(reference.stop, emulate::Stop::Exited(0));
    let insns = reference.insns;
    let (mut plain, mut run, mut detected) = (Vec::new(), Vec::new(), Vec::new());
    let mut stops = 0;
    let mut events = 0;
    for _ in 0..5 {
        let (t, out) = plain_unicorn(&compiled.image, false);
        assert_eq!(
            out.stdout, reference.stdout,
            "plain Unicorn prints the same"
        );
        plain.push(t);
        run.push(time(|| emulate::run(&compiled.image, &emulate::Options::default())).0);
        let mut machine = Machine::new(compile(200, 20_000)).expect("loads");
        let (t, n) = time(|| {
            let mut n = 0;
            while let Ok(Stop::Event(_)) = machine.run_to(KindSet::of(&[EventKind::Timer])) {
                n += 1;
            }
            n
        });
        assert_eq!(
            machine.icount(),
            insns,
            "the machine runs the same instructions"
        );
        stops = n;
        events = machine.event_count();
        detected.push(t);
    }
    let (plain, run, detected) = (median(plain), median(run), median(detected));
    let rate = |d: Duration| insns as f64 / d.as_secs_f64() / 1e6;
    println!("run to next event: {insns} instructions, {events} events recorded, {stops} stops at `timer`, median of 5");
    println!(
        "  plain Unicorn (syscall hook only)        {:>8.3} s  {:>6.0} M insn/s",
        plain.as_secs_f64(),
        rate(plain)
    );
    println!(
        "  flux-viz run (emulate::run, counted)     {:>8.3} s  {:>6.0} M insn/s",
        run.as_secs_f64(),
        rate(run)
    );
    println!(
        "  machine, detection on                    {:>8.3} s  {:>6.0} M insn/s",
        detected.as_secs_f64(),
        rate(detected)
    );
    println!(
        "  ratio machine / plain Unicorn speed: {:.2} (goal >= 0.5)",
        plain.as_secs_f64() / detected.as_secs_f64()
    );
}

/// Step back once at each depth, the first instructions included, at the
/// UI's checkpoint interval; then, at 100 M, back to the previous async event.
fn history() {
    let options = Options {
        checkpoint_interval: UI_CHECKPOINT_INTERVAL,
        ..Options::default()
    };
    let mut machine = Machine::with_options(compile(2_000, 20_000), options).expect("loads");
    println!(
        "history at the UI's checkpoint interval ({UI_CHECKPOINT_INTERVAL} instructions): step back once at each depth, median of 5 (goal < 5 ms each)"
    );
    let mut reach = Duration::ZERO;
    for depth in [1, 10, 40, 100, 1_000, 100_000, 10_000_000, 100_000_000u64] {
        let mut backs = Vec::new();
        for _ in 0..5 {
            let (t, _) = time(|| machine.goto(depth).expect("runs"));
            reach += t;
            assert_eq!(machine.icount(), depth, "the program runs past {depth}");
            let (t, _) = time(|| machine.step_back().expect("steps back"));
            assert_eq!(machine.icount(), depth - 1);
            backs.push(t);
        }
        let ms = median(backs).as_secs_f64() * 1e3;
        let verdict = if ms < 5.0 { "ok" } else { "OVER BUDGET" };
        println!("  at instruction {depth:>11}  {ms:>8.3} ms   ({verdict})");
    }
    machine.goto(100_000_000).expect("runs");
    let mut events = Vec::new();
    for _ in 0..5 {
        events.push(time(|| machine.back_to(KindSet::ASYNC).expect("goes back")).0);
    }
    println!(
        "  at 100 M, back to the previous async event {:>8.3} ms (median of 5; goal < 50)",
        median(events).as_secs_f64() * 1e3
    );
    println!(
        "  going forward to 100 M took {:.2} s in all; history there: {} checkpoints, {:.1} MiB (goal < 512)",
        reach.as_secs_f64(),
        machine.checkpoints(),
        machine.history_bytes() as f64 / (1 << 20) as f64
    );
}

/// The same program in plain Unicorn with a memory-write hook that marks
/// dirty pages, against plain Unicorn (median of 3 each).
fn write_hook_cost() {
    let compiled = compile(200, 20_000);
    let (mut bare, mut hooked) = (Vec::new(), Vec::new());
    for _ in 0..3 {
        bare.push(plain_unicorn(&compiled.image, false).0);
        let (t, out) = plain_unicorn(&compiled.image, true);
        assert!(out.dirty.contains(&1), "the hook saw writes");
        hooked.push(t);
    }
    let (bare, hooked) = (median(bare), median(hooked));
    println!(
        "memory-write hook (dirty pages marked on every store): {:.3} s vs plain Unicorn {:.3} s, speed ratio {:.2}",
        hooked.as_secs_f64(),
        bare.as_secs_f64(),
        bare.as_secs_f64() / hooked.as_secs_f64()
    );
}

fn main() {
    throughput();
    write_hook_cost();
    history();
}
