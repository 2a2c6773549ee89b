// exit: 4
// stderr: System.DivideByZeroException
// int modulo by zero fails with DivideByZeroException (exit 4).
using System;

class Program {
    static void Main() {
        int zero = 0;
        Console.WriteLine(7 % 3);
        int r = 7 % zero;
        Console.WriteLine(r);
    }
}
