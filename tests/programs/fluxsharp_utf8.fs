// UTF-8 string literals (emoji, accents) are printed byte for byte, also when concatenated.
using System;

class Program {
    static void Check(string name, bool ok) {
        Console.WriteLine((ok ? "✅ PASS " : "❌ FAIL ") + name);
    }

    static void Main() {
        Check("addition", 1 + 1 == 2);
        Check("wrong on purpose", 1 + 1 == 3);
        print("héllo wörld — ünïcode");
        Console.WriteLine("→ " + 42 + " ←");
    }
}
