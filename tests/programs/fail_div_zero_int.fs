// exit: 4
// stderr: System.DivideByZeroException
// int division by zero fails with DivideByZeroException (exit 4).
using System;

class Program {
    static int Divide(int a, int b) { return a / b; }

    static void Main() {
        Console.WriteLine(Divide(10, 3));
        Console.WriteLine(Divide(10, 0));
        Console.WriteLine("never printed");
    }
}
