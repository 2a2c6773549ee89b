// exit: 5
// stderr: System.OverflowException
// long.MinValue / -1 fails with OverflowException (exit 5).
using System;

class Program {
    static void Main() {
        long min = long.MinValue;
        long m1 = -1;
        Console.WriteLine(min / 2);
        Console.WriteLine(min / m1);
        Console.WriteLine("never printed");
    }
}
