// Bitwise & | ^ ~ on int and long, and & | ^ on bool (no short-circuit).
using System;

class Program {
    static int calls = 0;

    static bool Touch(bool v) {
        calls++;
        return v;
    }

    static void Main() {
        int a = 12;
        int b = 10;
        Console.WriteLine(a & b);
        Console.WriteLine(a | b);
        Console.WriteLine(a ^ b);
        Console.WriteLine(~a);
        Console.WriteLine(~0);
        Console.WriteLine(-1 & 255);
        long la = 1099511627775L;
        long lb = 4294967296L;
        Console.WriteLine(la & lb);
        Console.WriteLine(la | lb);
        Console.WriteLine(la ^ lb);
        Console.WriteLine(~la);
        Console.WriteLine(true & false);
        Console.WriteLine(true | false);
        Console.WriteLine(true ^ true);
        bool r = Touch(false) & Touch(true);
        Console.WriteLine(r + " after " + calls + " calls");
        r = Touch(true) | Touch(false);
        Console.WriteLine(r + " after " + calls + " calls");
    }
}
