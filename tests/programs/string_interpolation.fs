// Interpolated strings $"..." with holes of every type and with expressions, and {{ }} escapes.
using System;

class Program {
    static int Square(int x) {
        return x * x;
    }

    static void Main() {
        int x = 7;
        long big = -12345678901L;
        bool ok = true;
        char c = 'k';
        string s = "str";
        string n = null;
        Console.WriteLine($"x = {x}");
        Console.WriteLine($"{x} squared is {Square(x)}, plus one {x * x + 1}");
        Console.WriteLine($"big={big} ok={ok} c={c} s={s} n=[{n}]");
        Console.WriteLine($"nested {(x > 5 ? "big" : "small")} value");
        Console.WriteLine($"{{braces}} {x}");
        Console.WriteLine($"");
        Console.WriteLine($"{s}{s}{x}");
        string t = $"len {s.Length}";
        Console.WriteLine(t + " / " + t.Length);
    }
}
