//! Generates large, valid Flux# programs for benchmarks and fuzzing.
//!
//! `program(lines)` returns a program of about `lines` lines: many classes, each
//! with fields, constructors, virtual and overriding methods, loops, strings,
//! arrays and async methods with awaits, and a `Main` that uses them all.

use std::fmt::Write;

/// One pair of classes (a base and a derived one) with async methods: 54 lines.
fn class_pair(out: &mut String, i: usize) {
    let _ = write!(
        out,
        r#"class Shape{i} {{
    protected int id;
    private long total;
    public static int made{i} = 0;
    public Shape{i}(int id) {{ this.id = id; made{i}++; }}
    public virtual int Area(int scale) {{
        int a = 0;
        for (int k = 0; k < scale; k++) {{
            if (k % 2 == 0) {{ a += k * id; }} else {{ a -= 1; }}
        }}
        return a;
    }}
    public long Sum(int[] values) {{
        long s = 0;
        int j = 0;
        while (j < values.Length) {{
            s += values[j];
            j++;
        }}
        total = total + s;
        return s;
    }}
    public string Describe() {{
        string name = "shape " + id;
        return $"{{name}} has area {{Area(3)}}";
    }}
    public async Task<int> Compute{i}(int n) {{
        await Task.Delay(n);
        int x = Area(n) + 1;
        await Task.Yield();
        return x * 2;
    }}
}}

class Square{i} : Shape{i} {{
    private int side;
    public Square{i}(int id, int side) : base(id) {{ this.side = side; }}
    public override int Area(int scale) {{
        if (side < 0) {{
            return 0;
        }}
        return side * side * scale + base.Area(1);
    }}
    public static async Task<long> Twice{i}(Square{i} sq) {{
        int first = await sq.Compute{i}(2);
        int second = await sq.Compute{i}(first % 7);
        bool big = first > second;
        char c = big ? 'b' : 's';
        Console.WriteLine("twice " + c + " " + (first + second));
        return (long)first * second;
    }}
}}

"#
    );
}

/// A program of at least `lines` lines.
pub fn program(lines: usize) -> String {
    let mut out = String::from("using System;\nusing System.Threading.Tasks;\n\n");
    let (mut pairs, mut count) = (0, out.lines().count());
    // Main adds two lines per pair it calls (at most 50 pairs) plus 4.
    while count + 2 * pairs.min(50) + 4 < lines {
        let before = out.len();
        class_pair(&mut out, pairs);
        count += out[before..].lines().count();
        pairs += 1;
    }
    out.push_str("class Program {\n    static async Task Main() {\n");
    for i in 0..pairs.min(50) {
        let _ = writeln!(
            out,
            "        long r{i} = await Square{i}.Twice{i}(new Square{i}({i}, 3));\n        Console.WriteLine(r{i});"
        );
    }
    out.push_str("    }\n}\n");
    out
}
