// Static and instance methods with parameters of every type; arguments are passed by value (reassigning a parameter does not change the caller's variable), objects by reference.
using System;

class Cell { public int v; }

class Program {
    static int Add3(int a, long b, char c) { return (int)(a + b + c); }

    static void Reassign(int n, string s, Cell cell) {
        n = 99;
        s = "changed";
        cell.v = 42;
        cell = new Cell();
        cell.v = -1;
    }

    static bool Both(bool a, bool b) { return a && b; }

    static int[] Range(int n) {
        int[] r = new int[n];
        for (int i = 0; i < n; i++) r[i] = i + 1;
        return r;
    }

    static void Main() {
        Console.WriteLine(Add3(1, 2, 'A'));
        int n = 1;
        string s = "orig";
        Cell c = new Cell();
        Reassign(n, s, c);
        Console.WriteLine(n + " " + s + " " + c.v);
        Console.WriteLine(Both(true, false) + " " + Both(true, true));
        int[] r = Range(4);
        Console.WriteLine(r[3] + " " + r.Length);
    }
}
