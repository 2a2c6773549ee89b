//! lib/Double.fs against an independent reference: a Flux# program prints
//! 700 doubles (random bit patterns, short decimals, powers of ten from the
//! subnormals to the largest, and the edge cases) with `ToString()`, `F3`
//! and `E5`, run in the emulator; Rust formats the same doubles. Rust's
//! `{:e}` gives the shortest round-trip digits, as .NET's ToString() does
//! (laid out by `inspect::dotnet_double`), and its `{:.3}` and `{:.5e}`
//! round the exact value with ties to even, as .NET's standard formats do.

use flux_viz::machine::inspect::dotnet_double;

/// A fixed pseudo-random sequence (xorshift64*): the same doubles every run.
struct Bits(u64);

impl Bits {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
}

fn doubles() -> Vec<f64> {
    let mut bits = Bits(0x9E37_79B9_7F4A_7C15);
    let mut values = Vec::new();
    for _ in 0..400 {
        values.push(f64::from_bits(bits.next()));
    }
    for _ in 0..150 {
        let n = (bits.next() % 2_000_001) as f64 - 1_000_000.0;
        let d = [1.0, 10.0, 100.0, 1000.0, 7.0, 3.0, 1e5][(bits.next() % 7) as usize];
        values.push(n / d);
    }
    for e in (-323..=308).step_by(9) {
        for m in ["1", "1.5", "9.999", "5", "2.5"] {
            values.push(format!("{m}e{e}").parse().unwrap());
        }
    }
    values.extend([
        f64::from_bits(1),
        f64::from_bits(0x000F_FFFF_FFFF_FFFF),
        f64::MIN_POSITIVE,
        f64::MAX,
        1.0,
        2f64.powi(53),
        0.125,
        0.375,
        2.675,
        -0.0,
        0.0,
    ]);
    values.retain(|v| v.is_finite());
    values
}

/// `{:.5e}` in .NET's layout: `1.23450E+004`.
fn dotnet_e5(v: f64) -> String {
    let sign = if v.is_sign_negative() { "-" } else { "" };
    let text = format!("{:.5e}", v.abs());
    let (mantissa, exponent) = text.split_once('e').unwrap();
    let e: i32 = exponent.parse().unwrap();
    let e_sign = if e < 0 { '-' } else { '+' };
    format!("{sign}{mantissa}E{e_sign}{:03}", e.abs())
}

/// Compiles `source` and runs it in the emulator (a generous instruction
/// budget: big-number arithmetic per value); its stdout.
fn run_emulated(name: &str, source: &str) -> String {
    let dir = std::env::temp_dir().join(format!("flux-double-{name}-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join(format!("{name}.fs"));
    std::fs::write(&path, source).unwrap();
    let compiled =
        flux_viz::pipeline::compile_file(&path).unwrap_or_else(|f| panic!("{}", f.render()));
    let options = flux_viz::emulate::Options {
        max_insns: 4_000_000_000,
        ..Default::default()
    };
    let outcome = flux_viz::emulate::run(&compiled.image, &options);
    let _ = std::fs::remove_dir_all(&dir);
    assert_eq!(
        outcome.exit_code(),
        0,
        "{}",
        String::from_utf8_lossy(&outcome.stderr)
    );
    String::from_utf8(outcome.stdout).unwrap()
}

#[test]
fn double_text_matches_an_independent_formatter() {
    let values = doubles();
    let literals: Vec<String> = values
        .iter()
        .map(|v| format!("{}L", v.to_bits() as i64))
        .collect();
    let source = format!(
        "class P {{ static void Main() {{ long[] bits = {{ {} }}; \
         foreach (long b in bits) {{ double d = BitConverter.Int64BitsToDouble(b); \
         Console.WriteLine(d + \"|\" + d.ToString(\"F3\") + \"|\" + d.ToString(\"E5\")); }} }} }}",
        literals.join(", ")
    );
    let printed = run_emulated("doubles", &source);
    let mut wrong = Vec::new();
    for (v, line) in values.iter().zip(printed.lines()) {
        let sign = if v.is_sign_negative() { "-" } else { "" };
        let expected = format!(
            "{}|{sign}{:.3}|{}",
            dotnet_double(*v),
            v.abs(),
            dotnet_e5(*v)
        );
        if line != expected {
            wrong.push(format!(
                "{:#018x}: printed {line}\n           expected {expected}",
                v.to_bits()
            ));
        }
    }
    assert_eq!(printed.lines().count(), values.len());
    assert!(
        wrong.is_empty(),
        "{} of {} differ:\n{}",
        wrong.len(),
        values.len(),
        wrong.join("\n")
    );
}

/// double.Parse against Rust's `str::parse::<f64>` (correctly rounded):
/// 600 decimal texts — each double's shortest digits, 17 and 25 significant
/// digits, random digit strings with exponents from the subnormals to past
/// the largest double, and 50-digit numbers (beyond the 40 kept digits).
#[test]
fn double_parse_finds_the_nearest_double() {
    let mut bits = Bits(0xD1B5_4A32_D192_ED03);
    let mut texts: Vec<String> = Vec::new();
    for _ in 0..120 {
        let v = f64::from_bits(bits.next() >> 1);
        if !v.is_finite() {
            continue;
        }
        texts.push(format!("{v:e}"));
        texts.push(format!("{v:.16e}"));
        texts.push(format!("{v:.24e}"));
    }
    for _ in 0..150 {
        let digits = 1 + bits.next() % 20;
        let mut text: String = (0..digits)
            .map(|_| char::from(b'0' + (bits.next() % 10) as u8))
            .collect();
        let point = (bits.next() % (digits + 1)) as usize;
        text.insert(point, '.');
        let exponent = (bits.next() % 660) as i64 - 340;
        texts.push(format!("{text}e{exponent}"));
    }
    for _ in 0..40 {
        let text: String = (0..50)
            .map(|_| char::from(b'1' + (bits.next() % 9) as u8))
            .collect();
        let exponent = (bits.next() % 80) as i64 - 60;
        texts.push(format!("0.{text}e{exponent}"));
    }
    texts.extend(
        [
            "2.4703282292062327e-324",
            "2.4703282292062328e-324",
            "1.7976931348623158e308",
            "9007199254740993",
            "0.1",
            "1e23",
        ]
        .map(String::from),
    );
    let literals: Vec<String> = texts.iter().map(|t| format!("\"{t}\"")).collect();
    let source = format!(
        "class P {{ static void Main() {{ string[] texts = {{ {} }}; \
         foreach (string t in texts) Console.WriteLine(BitConverter.DoubleToInt64Bits(double.Parse(t))); }} }}",
        literals.join(", ")
    );
    let printed = run_emulated("parse", &source);
    assert_eq!(printed.lines().count(), texts.len());
    let wrong: Vec<String> = texts
        .iter()
        .zip(printed.lines())
        .filter_map(|(t, line)| {
            let expected = t.parse::<f64>().unwrap().to_bits() as i64;
            (line != expected.to_string())
                .then(|| format!("{t}: parsed {line}, expected {expected}"))
        })
        .collect();
    assert!(
        wrong.is_empty(),
        "{} of {} differ:\n{}",
        wrong.len(),
        texts.len(),
        wrong.join("\n")
    );
}
