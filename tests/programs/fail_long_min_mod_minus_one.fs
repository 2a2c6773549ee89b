// exit: 5
// stderr: System.OverflowException
// long.MinValue % -1 throws OverflowException (exit 5) in C#.
using System;

class Program {
    static void Main() {
        long min = long.MinValue;
        long m1 = -1;
        Console.WriteLine(min % 3);
        Console.WriteLine(min % m1);
        Console.WriteLine("never printed");
    }
}
