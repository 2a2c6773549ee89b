//! Random inputs for the front end: raw bytes, token soups, and mutations of
//! real programs (which get much deeper into the checker than random text).

/// A small deterministic generator (xorshift64*), so a failing case can be
/// reproduced from its seed without another dependency.
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Rng {
        Rng(seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1)
    }

    pub fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    pub fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
}

/// Words of Flux# and of the constructs it rejects, for token soups.
const TOKENS: &[&str] = &[
    "class",
    "Program",
    "static",
    "void",
    "Main",
    "(",
    ")",
    "{",
    "}",
    "[",
    "]",
    ";",
    ",",
    ".",
    "int",
    "long",
    "bool",
    "char",
    "string",
    "var",
    "const",
    "new",
    "return",
    "if",
    "else",
    "while",
    "do",
    "for",
    "break",
    "continue",
    "async",
    "await",
    "Task",
    "Task<int>",
    "<",
    ">",
    "=",
    "==",
    "!=",
    "+",
    "-",
    "*",
    "/",
    "%",
    "&&",
    "||",
    "!",
    "~",
    "^",
    "|",
    "&",
    "<<",
    ">>",
    "??",
    "?",
    ":",
    "++",
    "--",
    "+=",
    "x",
    "y",
    "a",
    "this",
    "base",
    "null",
    "true",
    "false",
    "0",
    "1",
    "2147483648",
    "-",
    "'c'",
    "\"s\"",
    "$\"{x}\"",
    "Console",
    "WriteLine",
    "virtual",
    "override",
    "abstract",
    "public",
    "private",
    "protected",
    "is",
    "as",
    "using",
    "print",
    "foreach",
    "switch",
    "try",
    "catch",
    "throw",
    "=>",
    "double",
    "1.5",
    "interface",
    "struct",
    "goto",
    "unsafe",
    "namespace",
    "int[,]",
    "get;",
    "set;",
    "delegate",
    "Task.Delay",
    "Task.WhenAll",
    "\n",
    " ",
    "//",
    "/*",
    "*/",
    "@\"",
    "\\",
    "'",
    "\"",
];

pub fn random_bytes(rng: &mut Rng) -> Vec<u8> {
    let len = rng.below(300);
    (0..len).map(|_| rng.next() as u8).collect()
}

pub fn token_soup(rng: &mut Rng) -> String {
    let len = rng.below(120);
    let mut out = String::new();
    for _ in 0..len {
        out.push_str(TOKENS[rng.below(TOKENS.len())]);
        if rng.below(3) != 0 {
            out.push(' ');
        }
    }
    out
}

/// Deletes, duplicates or replaces a few random spans of a real program.
pub fn mutate(rng: &mut Rng, program: &str) -> String {
    let mut bytes = program.as_bytes().to_vec();
    for _ in 0..1 + rng.below(4) {
        if bytes.is_empty() {
            break;
        }
        let at = rng.below(bytes.len());
        let len = rng.below(12).min(bytes.len() - at);
        match rng.below(3) {
            0 => {
                bytes.drain(at..at + len);
            }
            1 => {
                let copy: Vec<u8> = bytes[at..at + len].to_vec();
                let to = rng.below(bytes.len());
                bytes.splice(to..to, copy);
            }
            _ => {
                let token = TOKENS[rng.below(TOKENS.len())].as_bytes();
                bytes.splice(at..at + len, token.iter().copied());
            }
        }
    }
    String::from_utf8_lossy(&bytes).into_owned()
}

/// One input of the chosen kind (0 bytes, 1 tokens, else a mutation).
pub fn input(rng: &mut Rng, corpus: &[String]) -> String {
    match rng.below(4) {
        0 => String::from_utf8_lossy(&random_bytes(rng)).into_owned(),
        1 => token_soup(rng),
        _ if !corpus.is_empty() => {
            let program = &corpus[rng.below(corpus.len())];
            mutate(rng, program)
        }
        _ => token_soup(rng),
    }
}

/// What one input did on its way through the whole pipeline.
#[allow(dead_code)] // each user of this file uses part of it
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Outcome {
    /// Diagnostics: the front end (or the code generator) said no.
    Rejected,
    /// Compiled and ran to an exit, or to the budget.
    Ran,
    /// A bug: a type-checked program made the emulated CPU fault or make a
    /// forbidden system call, or the stepping engine disagreed with the
    /// emulator (stdout, stderr, exit code or instruction count).
    Finding(String),
}

/// Instruction budget of one fuzz run (an endless loop costs ~10 ms).
#[allow(dead_code)]
pub const FUZZ_BUDGET: u64 = 2_000_000;

/// Checks, compiles and runs `input` in the emulator; when `engine` is set,
/// also runs it in the stepping engine and compares the two runs.
#[allow(dead_code)]
pub fn through_pipeline(input: &str, engine: bool) -> Outcome {
    use flux_viz::emulate::{self, Options, Stop};
    let Ok(compiled) = flux_viz::pipeline::compile_source("fuzz.fs", input) else {
        return Outcome::Rejected;
    };
    let options = Options {
        max_insns: FUZZ_BUDGET,
        ..Options::default()
    };
    let emulated = emulate::run(&compiled.image, &options);
    match &emulated.stop {
        Stop::Fault(_) | Stop::Syscall { .. } => {
            let why = emulated.stop_message(&compiled.sources).unwrap_or_default();
            return Outcome::Finding(format!("the emulated program {why}"));
        }
        Stop::Exited(_) | Stop::Budget(_) => {}
    }
    if !engine {
        return Outcome::Ran;
    }
    let machine_options = flux_viz::machine::Options {
        max_insns: FUZZ_BUDGET,
        ..flux_viz::machine::Options::default()
    };
    let mut machine = match flux_viz::machine::Machine::with_options(compiled, machine_options) {
        Ok(m) => m,
        Err(e) => return Outcome::Finding(format!("the engine cannot start: {e}")),
    };
    if let Err(e) = machine.run_to_end() {
        return Outcome::Finding(format!("the engine failed: {e}"));
    }
    let (out, err) = (machine.stdout(), machine.stderr());
    let engine_exit = match machine.ended() {
        Some(flux_viz::machine::End::Exit(code)) => Some(*code),
        _ => None,
    };
    let emulated_exit = match emulated.stop {
        Stop::Exited(code) => Some(code),
        _ => None,
    };
    if out != emulated.stdout.as_slice()
        || err != emulated.stderr.as_slice()
        || engine_exit != emulated_exit
    {
        return Outcome::Finding(format!(
            "the engine and the emulator disagree: exit {engine_exit:?} vs {emulated_exit:?}, stdout {} vs {} bytes",
            out.len(),
            emulated.stdout.len()
        ));
    }
    Outcome::Ran
}
