// exit: 5
// stderr: System.OverflowException
// int.MinValue / -1 fails with OverflowException (exit 5), while other divisions of int.MinValue are fine.
using System;

class Program {
    static void Main() {
        int min = int.MinValue;
        int m1 = -1;
        Console.WriteLine(min / 1);
        Console.WriteLine(min / -2);
        Console.WriteLine(min / m1);
        Console.WriteLine("never printed");
    }
}
