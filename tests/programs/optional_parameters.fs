// Optional parameters: a call may leave out the trailing ones, and the
// compiler passes their defaults (constants: numbers, strings, chars, bool,
// null), as C# does; an overload with exactly the arguments given wins.
using System;

class Greeter {
    public string Greet(string name, string greeting = "Hello", int times = 1, char end = '!') {
        string s = "";
        for (int i = 0; i < times; i++) s += greeting + ", " + name + end + " ";
        return s;
    }
}

class Program {
    static long Scale(long x, long factor = -2L) { return x * factor; }
    static string Tag(string s = null) { return s ?? "(none)"; }
    static string Pick(int a) { return "one"; }
    static string Pick(int a, int b = 0) { return "two"; }
    static bool Flag(bool on = true) { return on; }

    static void Main() {
        Greeter g = new Greeter();
        Console.WriteLine(g.Greet("Ada"));
        Console.WriteLine(g.Greet("Ada", "Hi"));
        Console.WriteLine(g.Greet("Ada", "Hi", 2));
        Console.WriteLine(g.Greet("Ada", "Hi", 1, '?'));
        Console.WriteLine(Scale(21) + " " + Scale(21, 3));
        Console.WriteLine(Tag() + " " + Tag("x"));
        Console.WriteLine(Pick(1) + " " + Pick(1, 2));
        Console.WriteLine(Flag() + " " + Flag(false));
    }
}
