// Operands and arguments are evaluated left to right, including array index expressions and assignment targets.
using System;

class Program {
    static int Log(int v) {
        Console.Write(v + " ");
        return v;
    }

    static int Three(int a, int b, int c) { return a * 100 + b * 10 + c; }

    static void Main() {
        int r = Log(1) + Log(2) * Log(3);
        Console.WriteLine("= " + r);
        Console.WriteLine(Three(Log(4), Log(5), Log(6)));
        int[] a = new int[3];
        a[Log(0)] = Log(7);
        Console.WriteLine();
        int i = 0;
        a[i] = i = 2;
        Console.WriteLine(a[0] + " " + i);
        int j = 1;
        int k = j++ * 10 + j;
        Console.WriteLine(k);
        bool b = Log(8) > Log(9) || Log(10) > 0;
        Console.WriteLine(b);
    }
}
