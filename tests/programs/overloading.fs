// Method overloading by parameter count and by types: exact match first, then widening (int to long, char to int).
using System;

class Program {
    static string F(int x) { return "F(int " + x + ")"; }
    static string F(long x) { return "F(long " + x + ")"; }
    static string F(string s) { return "F(string " + s + ")"; }
    static string F(char c) { return "F(char " + c + ")"; }
    static string F(bool b) { return "F(bool " + b + ")"; }
    static string F(int a, int b) { return "F(int, int " + (a + b) + ")"; }
    static string F(long a, int b) { return "F(long, int " + (a + b) + ")"; }

    static string G(long x) { return "G(long " + x + ")"; }
    static string H(int x) { return "H(int " + x + ")"; }
    static string K(string s, int n) { return "K(string, int)"; }
    static string K(int n, string s) { return "K(int, string)"; }

    static void Main() {
        int i = 5;
        long l = 6;
        char c = 'c';
        Console.WriteLine(F(i));
        Console.WriteLine(F(l));
        Console.WriteLine(F("s"));
        Console.WriteLine(F(c));
        Console.WriteLine(F(c + 1));
        Console.WriteLine(F(true));
        Console.WriteLine(F(1, 2));
        Console.WriteLine(F(l, 2));
        Console.WriteLine(G(i));
        Console.WriteLine(G(c));
        Console.WriteLine(H(c));
        Console.WriteLine(K("a", 1));
        Console.WriteLine(K(1, "a"));
    }
}
