// exit: 5
// stderr: System.OverflowException
// int.MinValue % -1 also throws OverflowException (exit 5) in C# (.NET and mono alike), although the mathematical result is 0.
using System;

class Program {
    static void Main() {
        int min = int.MinValue;
        int m1 = -1;
        Console.WriteLine(min % 2);
        Console.WriteLine(min % m1);
        Console.WriteLine("never printed");
    }
}
