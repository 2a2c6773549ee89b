//! `cargo bench --bench machine`: the stepping engine's figures.
//!
//! 1. Run-to-next-event throughput with event detection on (every recorded
//!    kind detected and recorded, stopping at each `timer` event), against
//!    the same image in a bare Unicorn with only the syscall hook
//!    (`emulate::run` with counting off), side by side in one run.
//! 2. The history at a depth of 100 million executed instructions: time to
//!    step back one instruction and back to the previous async event, and
//!    the memory the history holds.
//! 3. For the history design: what a memory-write hook (the alternative to
//!    comparing pages at checkpoints) costs on the same program.

use flux_viz::emulate::{self, Counting};
use flux_viz::machine::{EventKind, KindSet, Machine, Options, Stop};
use flux_viz::pipeline::{self, Compiled};
use std::time::{Duration, Instant};
use unicorn_engine::{Arch, HookType, Mode, RegisterX86, Unicorn, X86Insn};

const WORKERS: &str = include_str!("machine/workers.fs");

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
    let options = emulate::Options {
        counting: Counting::Off,
        ..emulate::Options::default()
    };
    let insns = emulate::run(&compiled.image, &emulate::Options::default()).insns;
    let mut bare = Vec::new();
    let mut detected = Vec::new();
    let mut stops = 0;
    let mut events = 0;
    for _ in 0..5 {
        bare.push(time(|| emulate::run(&compiled.image, &options)).0);
        let mut machine = Machine::new(compile(200, 20_000)).expect("loads");
        let (t, n) = time(|| {
            let mut n = 0;
            while let Ok(Stop::Event(_)) = machine.run_to(KindSet::of(&[EventKind::Timer])) {
                n += 1;
            }
            n
        });
        stops = n;
        events = machine.events().len();
        detected.push(t);
    }
    let (bare, detected) = (median(bare), median(detected));
    let rate = |d: Duration| insns as f64 / d.as_secs_f64() / 1e6;
    println!("run to next event: {insns} instructions, {events} events recorded, {stops} stops at `timer`, median of 5");
    println!(
        "  bare Unicorn (syscall hook only)   {:>8.3} s  {:>6.0} M insn/s",
        bare.as_secs_f64(),
        rate(bare)
    );
    println!(
        "  machine, detection on              {:>8.3} s  {:>6.0} M insn/s",
        detected.as_secs_f64(),
        rate(detected)
    );
    println!(
        "  ratio machine / bare: {:.2} (goal >= 0.5)",
        bare.as_secs_f64() / detected.as_secs_f64()
    );
}

fn deep_history() {
    let depth = 100_000_000;
    let mut machine = Machine::new(compile(2_000, 20_000)).expect("loads");
    let (t, _) = time(|| machine.goto(depth).expect("runs"));
    assert_eq!(
        machine.icount(),
        depth,
        "the program runs at least 100 M instructions"
    );
    println!(
        "history at {} M instructions: reached in {:.2} s, {} checkpoints, {:.1} MiB",
        depth / 1_000_000,
        t.as_secs_f64(),
        machine.checkpoints(),
        machine.history_bytes() as f64 / (1 << 20) as f64
    );
    let mut backs = Vec::new();
    for _ in 0..5 {
        backs.push(time(|| machine.step_back().expect("steps back")).0);
    }
    let mut events = Vec::new();
    for _ in 0..5 {
        events.push(time(|| machine.back_to(KindSet::ASYNC).expect("goes back")).0);
    }
    println!(
        "  step back one instruction      {:>8.2} ms (median of 5; goal < 50)",
        median(backs).as_secs_f64() * 1e3
    );
    println!(
        "  back to the previous async event {:>6.2} ms (median of 5; goal < 50)",
        median(events).as_secs_f64() * 1e3
    );
    println!(
        "  history memory {:.1} MiB (goal < 512)",
        machine.history_bytes() as f64 / (1 << 20) as f64
    );
}

/// The same program in a bare Unicorn with a memory-write hook that marks dirty pages.
fn write_hook_cost() {
    let compiled = compile(200, 20_000);
    let image = &compiled.image;
    let (t_bare, _) = time(|| {
        emulate::run(
            image,
            &emulate::Options {
                counting: Counting::Off,
                ..Default::default()
            },
        )
    });
    let (t_hook, _) = time(|| {
        let mut uc = Unicorn::new_with_data(Arch::X86, Mode::MODE_64, vec![0u8; 1 << 18]).unwrap();
        for r in &image.regions {
            uc.mem_map(r.addr, r.mapped_size(), unicorn_engine::Prot::ALL)
                .unwrap();
            uc.mem_write(r.addr, &r.bytes).unwrap();
        }
        uc.reg_write(RegisterX86::RSP, image.symbol("rt_stack_top").unwrap())
            .unwrap();
        uc.add_mem_hook(HookType::MEM_WRITE, 1, 0, |uc, _, addr, _, _| {
            let page = (addr >> 12) as usize & ((1 << 18) - 1);
            uc.get_data_mut()[page] = 1;
            true
        })
        .unwrap();
        uc.add_insn_sys_hook(X86Insn::SYSCALL, 1, 0, |uc| {
            if uc.reg_read(RegisterX86::RAX).unwrap() != 1 {
                uc.emu_stop().unwrap();
            }
        })
        .unwrap();
        uc.emu_start(image.entry, 0, 0, 0).unwrap();
    });
    println!(
        "memory-write hook (dirty pages marked on every store): {:.3} s vs bare {:.3} s, ratio {:.2}",
        t_hook.as_secs_f64(),
        t_bare.as_secs_f64(),
        t_bare.as_secs_f64() / t_hook.as_secs_f64()
    );
}

fn main() {
    let _ = Options::default();
    throughput();
    write_hook_cost();
    deep_history();
}
