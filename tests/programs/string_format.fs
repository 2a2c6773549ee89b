// Composite formatting: interpolation holes with alignment and format
// strings (D, X, N, F, E, G, 0000, #,##0), string.Format and
// Console.WriteLine(format, args) with arguments evaluated once, in order.
using System;

enum Day { Monday, Tuesday }

class Point {
    public int X;
    public int Y;
    public Point(int x, int y) { X = x; Y = y; }
    public override string ToString() { return $"({X}, {Y})"; }
}

class Program {
    static int calls = 0;
    static int Next() { calls++; return calls * 10; }

    static void Main() {
        int n = 1234; int m = -42; long big = 9876543210L;
        Console.WriteLine($"{n:D6}|{m:D4}|{n:X}|{m:X}|{m:x8}|{big:X}|{(long)m:X}|{n:N}|{m:N0}|{big:N1}|{n:F}|{m:F3}|{n:G}|{n:0000000}|{n,8}|{n,-8}|{m,6:D3}|");
        Console.WriteLine($"{n:E}|{n:e2}|{n:#,##0}|{n:G2}|{999999:G3}|{0:E}|{5:E0}|{-98765:G2}");
        Console.WriteLine($"{"ab",5}|{true,-6}|{'c',3}|{"s":D4}|{Day.Monday,8}|{Day.Tuesday:G}|");
        Console.WriteLine(string.Format("{0} and {1,4} and {0:D3} {{x}}", 7, "ab"));
        Console.WriteLine("{0,-6}|{1,6}|", "left", "right");
        Console.WriteLine("Point {0} is {1} away", new Point(3, 4), 5);
        Console.WriteLine("{0} then {1} then {2}", Next(), Next(), Next());
        Console.Write("{0}+{1}={2}\n", 1, 2, 1 + 2);
        string nothing = null;
        Console.WriteLine($"[{nothing,3}][{nothing}]");
        Console.WriteLine($"{n:d}{n:x}{int.MinValue:D}{int.MinValue:X}{0:N}{0:D3}");
        Console.WriteLine($"{n:D0}{n:N5}{n:X2}{long.MinValue:D}{long.MinValue:N0}");
        for (int i = 1; i <= 3; i++) Console.WriteLine($"{i,3}{i * i,5}{i * i * i,6:D4}");
        try {
            Console.WriteLine($"{n:Q}");
        } catch (FormatException e) {
            Console.WriteLine(e.Message);
        }
    }
}
