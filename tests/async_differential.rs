//! Differential test of the async execution model (LANGUAGE.md §7): a
//! deterministic generator writes random async Flux# programs (async `Task` /
//! `Task<int>` methods calling each other, `await Task.Yield()`,
//! `await Task.Delay(k)` with small k including 0, `Task.WhenAll` over 2–3
//! tasks, tasks started and awaited later or never, several awaiters of one
//! task, loops and branches with awaits, `t.IsCompleted` and `t.Result`,
//! shared state), and each one is run emulated by flux-viz and as real C#
//! under mono (the oracle, tests/oracle/), under both schedules (`csharp` and
//! `--schedule queued`): stdout, stderr and the exit code must be identical.
//!
//! The programs never fail a run-time check (no division by a variable, no
//! indexing, no null, no `Task.Delay(-1)`, `t.Result` only on a task already
//! awaited). Exceptions they do throw, all caught: `try` statements around
//! awaits, with a `throw` that depends on the state and awaits of `Risky`,
//! whose task faults for some arguments; catch clauses that do not match
//! first, catches that await, `finally` blocks that print and await.
//!
//! Mono policy as in tests/oracle_corpus.rs: without mono the test is skipped
//! with a note, unless CI is set. Each seed's program is written to
//! target/async-differential/seed_N.fs (handy for reproducing a failure with
//! `flux-viz verify --schedule queued target/async-differential/seed_N.fs`);
//! mono's executables are cached by content under target/oracle-cache/.
//!
//! Seeds left out of [`SEEDS`] because flux-viz and mono disagree on them:
//! none. Searched with this generator: seeds 0..60 (the list below) and
//! 2000..2400 under both schedules, every program agreed; in 2000..2400, 230
//! of 411 programs print a caught exception and 206 a finally block. Earlier
//! generators (without try statements; without `async void`, kept delays,
//! awaits in conditions and arguments) were searched over 2000..2500 and
//! 1000..1400. About 40 % of the programs print differently under the two
//! schedules, so the comparison does see the schedule. A longer search:
//! [`search_more_seeds`].

#[path = "oracle/mod.rs"]
mod oracle;

use flux_viz::pipeline;
use flux_viz::pipeline::Schedule;
use std::fmt::Write as _;
use std::path::PathBuf;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Mutex;

/// The seeds checked (each one program, run under both schedules).
const SEEDS: std::ops::Range<u64> = 0..60;

/// A tiny deterministic PRNG (SplitMix64).
struct Rng(u64);

impl Rng {
    fn new(seed: u64) -> Rng {
        Rng(seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) ^ 0xD1B5_4A32_D192_ED03)
    }
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    /// Uniform in 0..n (n > 0).
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
    /// True with probability pct %.
    fn chance(&mut self, pct: usize) -> bool {
        self.below(100) < pct
    }
    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }
}

/// A task-typed local: its name and whether it is a `Task<int>`.
#[derive(Clone)]
struct TaskVar {
    name: String,
    int: bool,
}

/// One block's task locals: declared here, and known complete here.
#[derive(Default)]
struct Block {
    declared: Vec<TaskVar>,
    /// Declared here and not yet awaited at this level.
    pending: Vec<TaskVar>,
    /// Awaited by an earlier statement of this block (so complete from here on).
    done: Vec<TaskVar>,
}

/// A generated async method M{i}.
struct Method {
    int: bool,
    /// Statements it prints / steps it takes when run once (incl. callees):
    /// bounds the size of the run.
    cost: usize,
}

struct Gen {
    rng: Rng,
    /// Methods generated so far, indexed by number; M{i} calls only M{j}, j > i.
    methods: Vec<Option<Method>>,
    /// The method being generated (`None`: Main).
    current: Option<usize>,
    blocks: Vec<Block>,
    /// Unique suffixes for locals and markers.
    counter: usize,
    /// Loop variables in scope.
    loop_vars: Vec<String>,
    /// Cost of the body generated so far, and the multiplier of the loops around.
    cost: usize,
    multiplier: usize,
    budget: usize,
    depth: usize,
}

fn indent(out: &mut String, level: usize) {
    for _ in 0..level {
        out.push_str("    ");
    }
}

impl Gen {
    fn fresh(&mut self, prefix: &str) -> String {
        self.counter += 1;
        format!("{prefix}{}", self.counter)
    }

    fn label(&self) -> String {
        match self.current {
            Some(i) => format!("M{i}"),
            None => "Main".to_string(),
        }
    }

    /// A small int expression over what is in scope (never fails).
    fn arg(&mut self) -> String {
        let mut options = vec![
            format!("{}", self.rng.below(10)),
            format!("acc % {}", 2 + self.rng.below(7)),
            format!("acc + {}", self.rng.below(5)),
        ];
        if self.current.is_some() {
            options.push(format!("x + {}", self.rng.below(4)));
        }
        if let Some(v) = self.loop_vars.last() {
            options.push(format!("{v} * {}", 1 + self.rng.below(3)));
        }
        self.rng.pick(&options).clone()
    }

    /// Callable methods (numbers) whose cost fits the remaining budget.
    fn callees(&self) -> Vec<usize> {
        let first = self.current.map_or(0, |i| i + 1);
        (first..self.methods.len())
            .filter(|&j| {
                let m = self.methods[j].as_ref().expect("callee generated first");
                self.cost + (m.cost + 1) * self.multiplier <= self.budget
            })
            .collect()
    }

    fn charge(&mut self, callee: usize) {
        let c = self.methods[callee].as_ref().unwrap().cost + 1;
        self.cost += c * self.multiplier;
    }

    fn step(&mut self) {
        self.cost += self.multiplier;
    }

    fn in_scope(&self) -> Vec<TaskVar> {
        self.blocks
            .iter()
            .flat_map(|b| b.declared.iter().cloned())
            .collect()
    }

    fn known_done(&self) -> Vec<TaskVar> {
        self.blocks
            .iter()
            .flat_map(|b| b.done.iter().cloned())
            .collect()
    }

    fn mark_done(&mut self, names: &[TaskVar]) {
        for v in names {
            for b in self.blocks.iter_mut() {
                b.pending.retain(|p| p.name != v.name);
            }
            self.blocks.last_mut().unwrap().done.push(v.clone());
        }
    }

    fn declare(&mut self, v: TaskVar) {
        let b = self.blocks.last_mut().unwrap();
        b.declared.push(v.clone());
        b.pending.push(v);
    }

    fn print(&mut self, out: &mut String, level: usize, what: &str) {
        let marker = self.fresh("p");
        let label = self.label();
        indent(out, level);
        writeln!(out, "Console.WriteLine(\"{marker} {label} \" + {what});").unwrap();
        self.step();
    }

    /// One statement at `level`.
    fn statement(&mut self, out: &mut String, level: usize) {
        let scope = self.in_scope();
        let pending: Vec<TaskVar> = self.blocks.iter().flat_map(|b| b.pending.clone()).collect();
        let callees = self.callees();
        let mut kind = self.rng.below(123);
        // Lean toward concurrency: several tasks in flight, joined by WhenAll
        // or by extra awaiters.
        if pending.len() >= 2 && self.rng.chance(30) {
            kind = 72;
        } else if !callees.is_empty()
            && self
                .rng
                .chance(if self.current.is_none() { 30 } else { 12 })
        {
            kind = 44;
        } else if !scope.is_empty() && self.rng.chance(8) {
            kind = 79;
        }
        match kind {
            0..=11 => {
                let what = match self.rng.below(4) {
                    0 if self.current.is_some() => "x + \" \" + acc".to_string(),
                    1 => "g".to_string(),
                    2 if !self.loop_vars.is_empty() => {
                        format!("{} + \" \" + acc", self.loop_vars.last().unwrap())
                    }
                    _ => "acc".to_string(),
                };
                self.print(out, level, &what);
            }
            12..=21 => {
                indent(out, level);
                out.push_str("await Task.Yield();\n");
                self.step();
            }
            22..=31 => {
                let k = *self.rng.pick(&[0, 0, 1, 1, 2, 3, 5, 10]);
                indent(out, level);
                writeln!(out, "await Task.Delay({k});").unwrap();
                self.step();
            }
            32..=43 if !callees.is_empty() => {
                // Call and await at once.
                let j = *self.rng.pick(&callees);
                self.charge(j);
                let a = self.arg();
                indent(out, level);
                if self.methods[j].as_ref().unwrap().int {
                    match self.rng.below(3) {
                        0 => writeln!(out, "acc += await M{j}({a});").unwrap(),
                        1 => {
                            let v = self.fresh("v");
                            writeln!(out, "int {v} = await M{j}({a});").unwrap();
                            indent(out, level);
                            writeln!(out, "acc = acc * 3 + {v};").unwrap();
                        }
                        _ => writeln!(out, "acc = acc - 2 * await M{j}({a}) + 1;").unwrap(),
                    }
                } else {
                    writeln!(out, "await M{j}({a});").unwrap();
                }
            }
            44..=55 if !callees.is_empty() => {
                // Start now, await later (or never).
                let j = *self.rng.pick(&callees);
                self.charge(j);
                let a = self.arg();
                let int = self.methods[j].as_ref().unwrap().int;
                let t = self.fresh("t");
                indent(out, level);
                let ty = if int { "Task<int>" } else { "Task" };
                writeln!(out, "{ty} {t} = M{j}({a});").unwrap();
                self.declare(TaskVar { name: t, int });
            }
            56..=65 if !scope.is_empty() => {
                // Await a started task (preferably one not awaited yet).
                let v = if !pending.is_empty() && self.rng.chance(80) {
                    self.rng.pick(&pending).clone()
                } else {
                    self.rng.pick(&scope).clone()
                };
                indent(out, level);
                if v.int {
                    writeln!(out, "acc = acc * 5 + await {};", v.name).unwrap();
                } else {
                    writeln!(out, "await {};", v.name).unwrap();
                }
                self.step();
                self.mark_done(&[v]);
            }
            66..=71 if !scope.is_empty() => {
                let v = self.rng.pick(&scope).clone();
                let name = v.name.clone();
                self.print(out, level, &format!("\"{name} \" + {name}.IsCompleted"));
            }
            72..=78 if scope.len() >= 2 => {
                let n = if scope.len() >= 3 && self.rng.chance(40) {
                    3
                } else {
                    2
                };
                let mut chosen: Vec<TaskVar> = Vec::new();
                while chosen.len() < n {
                    let v = self.rng.pick(&scope).clone();
                    if !chosen.iter().any(|c| c.name == v.name) {
                        chosen.push(v);
                    }
                }
                let list = chosen
                    .iter()
                    .map(|v| v.name.clone())
                    .collect::<Vec<_>>()
                    .join(", ");
                let list = if self.rng.chance(20) {
                    format!("{list}, Task.Delay({})", self.rng.below(4))
                } else {
                    list
                };
                indent(out, level);
                if self.rng.chance(30) {
                    // Keep the WhenAll task and await it later (or never).
                    let w = self.fresh("w");
                    writeln!(out, "Task {w} = Task.WhenAll({list});").unwrap();
                    self.declare(TaskVar {
                        name: w,
                        int: false,
                    });
                } else {
                    writeln!(out, "await Task.WhenAll({list});").unwrap();
                    self.mark_done(&chosen);
                    let ints: Vec<&TaskVar> = chosen.iter().filter(|v| v.int).collect();
                    if !ints.is_empty() && self.rng.chance(60) {
                        let sum = ints
                            .iter()
                            .map(|v| format!("{}.Result", v.name))
                            .collect::<Vec<_>>()
                            .join(" + ");
                        indent(out, level);
                        writeln!(out, "acc = acc * 7 + {sum};").unwrap();
                    }
                }
                self.step();
            }
            79..=83 if !scope.is_empty() => {
                // Another awaiter of the same task.
                let v = self.rng.pick(&scope).clone();
                let w = self.fresh("u");
                let id = self.counter;
                indent(out, level);
                if v.int {
                    writeln!(out, "Task<int> {w} = WatchInt({}, {id});", v.name).unwrap();
                } else {
                    writeln!(out, "Task {w} = Watch({}, {id});", v.name).unwrap();
                }
                self.cost += 2 * self.multiplier;
                self.declare(TaskVar {
                    name: w,
                    int: v.int,
                });
            }
            84..=88 if self.depth < 2 => {
                let n = 1 + self.rng.below(3);
                let i = self.fresh("i");
                indent(out, level);
                writeln!(out, "for (int {i} = 0; {i} < {n}; {i}++) {{").unwrap();
                self.loop_vars.push(i.clone());
                self.multiplier *= n;
                let k = 1 + self.rng.below(3);
                self.body(out, level + 1, k);
                self.multiplier /= n;
                self.loop_vars.pop();
                indent(out, level);
                out.push_str("}\n");
            }
            89..=92 if self.depth < 2 => {
                let m = 2 + self.rng.below(3);
                indent(out, level);
                writeln!(out, "if ((acc % {m} + {m}) % {m} == 0) {{").unwrap();
                let k = 1 + self.rng.below(2);
                self.body(out, level + 1, k);
                indent(out, level);
                if self.rng.chance(50) {
                    out.push_str("} else {\n");
                    let k = 1 + self.rng.below(2);
                    self.body(out, level + 1, k);
                    indent(out, level);
                }
                out.push_str("}\n");
            }
            93..=95 => {
                let k = 1 + self.rng.below(9);
                indent(out, level);
                writeln!(out, "g = g * 7 + {k} + acc % 3;").unwrap();
                self.step();
            }
            96..=97 => {
                indent(out, level);
                if self.rng.chance(50) {
                    writeln!(out, "acc += await Task.FromResult({});", self.rng.below(9)).unwrap();
                } else {
                    out.push_str("await Task.CompletedTask;\n");
                }
                self.step();
            }
            98..=99 => {
                let done: Vec<TaskVar> = self.known_done().into_iter().filter(|v| v.int).collect();
                if let Some(v) = done.first() {
                    let name = v.name.clone();
                    indent(out, level);
                    writeln!(out, "acc += {name}.Result;").unwrap();
                    self.step();
                } else {
                    self.print(out, level, "acc");
                }
            }
            100..=103 => {
                // A delay task kept and awaited later (maybe by several).
                let k = *self.rng.pick(&[0, 1, 2, 3, 5]);
                let d = self.fresh("d");
                indent(out, level);
                writeln!(out, "Task {d} = Task.Delay({k});").unwrap();
                self.declare(TaskVar {
                    name: d,
                    int: false,
                });
                self.step();
            }
            104..=106 if self.depth < 2 => {
                let ints: Vec<usize> = callees
                    .iter()
                    .copied()
                    .filter(|&j| self.methods[j].as_ref().unwrap().int)
                    .collect();
                if ints.is_empty() {
                    return self.print(out, level, "acc");
                }
                let j = *self.rng.pick(&ints);
                self.charge(j);
                let a = self.arg();
                indent(out, level);
                writeln!(out, "if (await M{j}({a}) % 2 == 0) {{").unwrap();
                let k = 1 + self.rng.below(2);
                self.body(out, level + 1, k);
                indent(out, level);
                out.push_str("} else {\n");
                let k = 1 + self.rng.below(2);
                self.body(out, level + 1, k);
                indent(out, level);
                out.push_str("}\n");
            }
            107..=108 if scope.iter().any(|v| v.int) => {
                let ints: Vec<TaskVar> = scope.iter().filter(|v| v.int).cloned().collect();
                let v = self.rng.pick(&ints).clone();
                let name = v.name.clone();
                self.print(out, level, &format!("\"{name}=\" + await {name}"));
                self.mark_done(&[v]);
            }
            109..=110 if !scope.is_empty() => {
                // Fire and forget: an async void awaiter.
                let v = self.rng.pick(&scope).clone();
                let id = self.counter + 1;
                self.counter += 1;
                indent(out, level);
                writeln!(out, "Fire({}, {id});", v.name).unwrap();
                self.cost += 2 * self.multiplier;
            }
            111..=112 if !callees.is_empty() => {
                // await inside the arguments of a call that is awaited.
                let ints: Vec<usize> = callees
                    .iter()
                    .copied()
                    .filter(|&j| self.methods[j].as_ref().unwrap().int)
                    .collect();
                let j = *self.rng.pick(&callees);
                self.charge(j);
                let inner = match ints.iter().copied().rfind(|&k| k != j) {
                    Some(k)
                        if self.cost + self.methods[k].as_ref().unwrap().cost * self.multiplier
                            <= self.budget =>
                    {
                        self.charge(k);
                        let a = self.arg();
                        format!("await M{k}({a})")
                    }
                    _ => "await Task.FromResult(acc % 10)".to_string(),
                };
                indent(out, level);
                if self.methods[j].as_ref().unwrap().int {
                    writeln!(out, "acc += await M{j}({inner});").unwrap();
                } else {
                    writeln!(out, "await M{j}({inner});").unwrap();
                }
            }
            113..=114 if !callees.is_empty() => {
                // WhenAll over tasks started in its own arguments.
                let j = *self.rng.pick(&callees);
                self.charge(j);
                let a = self.arg();
                let other = match scope.last() {
                    Some(v) if self.rng.chance(50) => v.name.clone(),
                    _ => format!("Task.Delay({})", self.rng.below(4)),
                };
                indent(out, level);
                if self.rng.chance(50) {
                    writeln!(out, "await Task.WhenAll(M{j}({a}), {other});").unwrap();
                } else {
                    writeln!(out, "await Task.WhenAll({other}, M{j}({a}));").unwrap();
                }
            }
            115..=122 if self.depth < 2 => self.try_statement(out, level),
            _ => self.print(out, level, "acc"),
        }
    }

    /// `try { … } catch … finally …` around statements that may await, with
    /// a throw that depends on `acc` somewhere among them (or an await of
    /// `Risky`, whose task faults for some arguments); the catch may await,
    /// print the message or rethrow to an outer try.
    fn try_statement(&mut self, out: &mut String, level: usize) {
        indent(out, level);
        out.push_str(
            "try {
",
        );
        self.blocks.push(Block::default());
        self.depth += 1;
        let n = 1 + self.rng.below(3);
        let throw_at = self.rng.below(n + 1);
        for i in 0..=n {
            if i == throw_at {
                let m = 2 + self.rng.below(3);
                let marker = self.fresh("t");
                indent(out, level + 1);
                if self.rng.chance(50) {
                    writeln!(out, "if ((acc % {m} + {m}) % {m} == 0) throw new InvalidOperationException(\"{marker} \" + acc);").unwrap();
                } else {
                    let k = self.rng.below(4);
                    writeln!(out, "acc += await Risky(acc + {k});").unwrap();
                }
                self.step();
            }
            if i < n {
                self.statement(out, level + 1);
            }
        }
        self.depth -= 1;
        self.blocks.pop();
        indent(out, level);
        if self.rng.chance(30) {
            // A clause that does not match comes first.
            out.push_str("} catch (ArgumentException) {\n");
            self.print(out, level + 1, "\"never: argument\"");
            indent(out, level);
        }
        out.push_str("} catch (InvalidOperationException e) {\n");
        self.print(out, level + 1, "\"caught \" + e.Message");
        match self.rng.below(3) {
            0 => {
                indent(out, level + 1);
                out.push_str("await Task.Yield();\n");
            }
            1 => {
                indent(out, level + 1);
                writeln!(out, "acc += {};", 1 + self.rng.below(5)).unwrap();
            }
            _ => {}
        }
        self.step();
        indent(out, level);
        if self.rng.chance(50) {
            out.push_str("} finally {\n");
            self.print(out, level + 1, "\"finally \" + acc");
            if self.rng.chance(40) {
                indent(out, level + 1);
                writeln!(out, "await Task.Delay({});", self.rng.below(3)).unwrap();
            }
            indent(out, level);
        }
        out.push_str("}\n");
    }

    /// A block of `n` statements (its own scope) at `level`.
    fn body(&mut self, out: &mut String, level: usize, n: usize) {
        self.blocks.push(Block::default());
        self.depth += 1;
        for _ in 0..n {
            self.statement(out, level);
        }
        self.depth -= 1;
        self.blocks.pop();
    }

    /// The statements of a method body (the method's top block).
    fn method_body(&mut self, out: &mut String, n: usize, finish_pending: bool) {
        self.blocks = vec![Block::default()];
        self.loop_vars.clear();
        self.cost = 1;
        self.multiplier = 1;
        self.depth = 0;
        for _ in 0..n {
            self.statement(out, 2);
        }
        let pending = self.blocks[0].pending.clone();
        for v in pending {
            if finish_pending || self.rng.chance(50) {
                indent(out, 2);
                if v.int {
                    writeln!(out, "acc += await {};", v.name).unwrap();
                } else {
                    writeln!(out, "await {};", v.name).unwrap();
                }
            }
        }
    }
}

/// The program of one seed.
fn generate(seed: u64) -> String {
    let mut rng = Rng::new(seed);
    let n = 3 + rng.below(4);
    let mut g = Gen {
        rng,
        methods: (0..n).map(|_| None).collect(),
        current: None,
        blocks: Vec::new(),
        counter: 0,
        loop_vars: Vec::new(),
        cost: 0,
        multiplier: 1,
        budget: 0,
        depth: 0,
    };
    let mut methods = Vec::new();
    // Last method first: every method calls only later ones (no recursion).
    for i in (0..n).rev() {
        let int = g.rng.chance(60);
        g.current = Some(i);
        g.budget = 12 + g.rng.below(30);
        let mut text = String::new();
        let ty = if int { "Task<int>" } else { "Task" };
        writeln!(text, "    static async {ty} M{i}(int x) {{").unwrap();
        writeln!(text, "        int acc = x * {};", 1 + g.rng.below(5)).unwrap();
        writeln!(text, "        Console.WriteLine(\"M{i} start \" + x);").unwrap();
        let statements = 2 + g.rng.below(6);
        g.method_body(&mut text, statements, false);
        writeln!(text, "        Console.WriteLine(\"M{i} end \" + acc);").unwrap();
        if int {
            writeln!(text, "        return acc % 1000;").unwrap();
        }
        text.push_str("    }\n\n");
        g.methods[i] = Some(Method {
            int,
            cost: g.cost + 2,
        });
        methods.push(text);
    }
    methods.reverse();
    g.current = None;
    g.budget = 250;
    let mut main = String::new();
    main.push_str("    static async Task Main() {\n        int acc = 0;\n");
    let statements = 5 + g.rng.below(8);
    let finish = g.rng.chance(80);
    g.method_body(&mut main, statements, finish);
    main.push_str("        Console.WriteLine(\"Main end \" + acc + \" \" + g);\n    }\n");

    let mut src = format!("// Generated by tests/async_differential.rs, seed {seed}.\n");
    src.push_str("using System;\nusing System.Threading.Tasks;\n\nclass Program {\n");
    src.push_str("    static int g = 1;\n\n");
    src.push_str(
        "    static async Task Watch(Task t, int id) {\n\
         \x20       Console.WriteLine(\"watch \" + id + \" waits \" + t.IsCompleted);\n\
         \x20       await t;\n\
         \x20       Console.WriteLine(\"watch \" + id + \" woke\");\n\
         \x20   }\n\n\
         \x20   static async Task<int> WatchInt(Task<int> t, int id) {\n\
         \x20       Console.WriteLine(\"watchint \" + id + \" waits \" + t.IsCompleted);\n\
         \x20       int v = await t;\n\
         \x20       Console.WriteLine(\"watchint \" + id + \" got \" + v);\n\
         \x20       return v + id;\n\
         \x20   }\n\n",
    );
    src.push_str(
        "    static async Task<int> Risky(int v) {\n\
         \x20       await Task.Yield();\n\
         \x20       if (v % 3 == 0) throw new InvalidOperationException(\"risky \" + v);\n\
         \x20       return v % 7;\n\
         \x20   }\n\n",
    );
    src.push_str(
        "    static async void Fire(Task t, int id) {\n\
         \x20       Console.WriteLine(\"fire \" + id + \" waits \" + t.IsCompleted);\n\
         \x20       await t;\n\
         \x20       Console.WriteLine(\"fire \" + id + \" woke\");\n\
         \x20   }\n\n",
    );
    for m in methods {
        src.push_str(&m);
    }
    src.push_str(&main);
    src.push_str("}\n");
    src
}

fn work_dir() -> PathBuf {
    oracle::cache_dir()
        .parent()
        .expect("target directory")
        .join("async-differential")
}

fn show(run: &oracle::Outcome) -> String {
    format!(
        "exit {}\n--- stdout\n{}--- stderr\n{}",
        run.exit_code,
        String::from_utf8_lossy(&run.stdout),
        String::from_utf8_lossy(&run.stderr)
    )
}

/// Generates, runs both ways under both schedules; Err describes a disagreement.
fn check_seed(seed: u64) -> Result<(), String> {
    let src = generate(seed);
    let path = work_dir().join(format!("seed_{seed}.fs"));
    std::fs::write(&path, &src).map_err(|e| format!("{}: {e}", path.display()))?;
    let exe = oracle::compile_with_mono(&path).map_err(|e| format!("seed {seed}: {e}"))?;
    let mut problems = Vec::new();
    for schedule in [Schedule::Csharp, Schedule::Queued] {
        let ours = oracle::run_emulated(&path, schedule)
            .map_err(|e| format!("seed {seed} ({}): flux-viz: {e}", schedule.name()))?;
        let theirs = oracle::run_exe_with(&exe, schedule)
            .map_err(|e| format!("seed {seed} ({}): mono: {e}", schedule.name()))?;
        if ours.stdout != theirs.stdout
            || ours.exit_code != theirs.exit_code
            || ours.stderr != theirs.stderr
        {
            problems.push(format!(
                "seed {seed} ({}) disagrees ({}):\n=== flux-viz: {}\n=== mono: {}",
                schedule.name(),
                path.display(),
                show(&ours),
                show(&theirs)
            ));
        } else if !ours.stderr.is_empty() || ours.exit_code != 0 {
            problems.push(format!(
                "seed {seed} ({}): the generator made a failing program ({}):\n{}",
                schedule.name(),
                path.display(),
                show(&ours)
            ));
        }
    }
    if problems.is_empty() {
        Ok(())
    } else {
        Err(problems.join("\n\n"))
    }
}

fn check_seeds(seeds: &[u64]) -> Vec<String> {
    std::fs::create_dir_all(work_dir()).unwrap();
    let next = AtomicUsize::new(0);
    let failures = Mutex::new(Vec::new());
    std::thread::scope(|s| {
        for _ in 0..2 {
            s.spawn(|| {
                while let Some(&seed) = seeds.get(next.fetch_add(1, Ordering::SeqCst)) {
                    if let Err(e) = check_seed(seed) {
                        failures.lock().unwrap().push((seed, e));
                    }
                }
            });
        }
    });
    let mut failures = failures.into_inner().unwrap();
    failures.sort();
    failures.into_iter().map(|(_, e)| e).collect()
}

#[test]
fn generator_is_deterministic_and_checks_clean() {
    for seed in 0..20 {
        let a = generate(seed);
        assert_eq!(a, generate(seed), "seed {seed}");
        if let Err(f) = pipeline::check_source("generated.fs", &a) {
            panic!("seed {seed} does not check:\n{}\n{a}", f.render());
        }
    }
}

#[test]
fn random_async_programs_agree_with_mono() {
    if !oracle::require_mono("random_async_programs_agree_with_mono") {
        return;
    }
    let seeds: Vec<u64> = SEEDS.collect();
    let failures = check_seeds(&seeds);
    assert!(
        failures.is_empty(),
        "{} of {} generated programs disagree with real C#:\n\n{}",
        failures.len(),
        seeds.len(),
        failures.join("\n\n")
    );
}

/// A longer search, by hand: `FUZZ_ASYNC_SEEDS=1000..1200 cargo test --release
/// --test async_differential -- --ignored`.
#[test]
#[ignore]
fn search_more_seeds() {
    if !oracle::require_mono("search_more_seeds") {
        return;
    }
    let spec = std::env::var("FUZZ_ASYNC_SEEDS").unwrap_or_else(|_| "1000..1100".into());
    let (a, b) = spec.split_once("..").expect("FUZZ_ASYNC_SEEDS=A..B");
    let seeds: Vec<u64> = (a.parse().unwrap()..b.parse().unwrap()).collect();
    let failures = check_seeds(&seeds);
    for f in &failures {
        eprintln!("{f}\n");
    }
    assert!(failures.is_empty(), "{} seeds disagree", failures.len());
}
