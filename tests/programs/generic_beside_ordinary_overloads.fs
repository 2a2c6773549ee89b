// A generic method beside ordinary ones of the same name: defaults and named arguments still pick the ordinary ones; the generic one takes what they cannot.
using System;
class P {
    static void Show(int n, int w = 3) { Console.WriteLine("int " + n + " " + w); }
    static void Show(int n, string s) { Console.WriteLine("str " + n + s); }
    static void Show<T>(T a, T b, T c) { Console.WriteLine("gen " + a + b + c); }
    static void Main() {
        Show(5);
        Show(s: "x", n: 1);
        Show("a", "b", "c");
        Show(1, 2);
    }
}
