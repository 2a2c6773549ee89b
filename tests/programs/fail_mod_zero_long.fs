// exit: 4
// stderr: System.DivideByZeroException
// long modulo by zero fails with DivideByZeroException (exit 4), also through compound %=.
using System;

class Program {
    static void Main() {
        long x = 10000000001L;
        long d = 4;
        x %= d;
        Console.WriteLine(x);
        d -= 4;
        x %= d;
        Console.WriteLine(x);
    }
}
