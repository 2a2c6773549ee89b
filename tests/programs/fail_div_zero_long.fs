// exit: 4
// stderr: System.DivideByZeroException
// long division by zero fails with DivideByZeroException (exit 4).
using System;

class Program {
    static void Main() {
        long big = 10000000000L;
        long zero = 0;
        Console.WriteLine(big / 7);
        Console.WriteLine(big / zero);
    }
}
