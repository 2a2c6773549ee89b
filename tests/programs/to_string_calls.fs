// x.ToString() on every type Flux# has: the text C# prints for it (a class without a ToString of its own: its name; an array: its .NET type name).
using System;
class Point { public int X; public Point(int x) { X = x; } }
class Program {
    static void Main() {
        int n = 42; long big = 5000000000L; bool ok = true; char c = 'z'; string s = "str";
        Console.WriteLine(n.ToString() + "|" + big.ToString() + "|" + ok.ToString() + "|" + c.ToString() + "|" + s.ToString());
        Point p = new Point(3);
        Console.WriteLine(p.ToString());
        int[] xs = { 1 };
        Console.WriteLine(xs.ToString());
        Console.WriteLine((n + 1).ToString().Length);
        Console.WriteLine((-7).ToString());
    }
}
