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
