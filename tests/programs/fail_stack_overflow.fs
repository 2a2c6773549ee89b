// exit: 7
// stderr: System.StackOverflowException
// Infinite recursion fails with StackOverflowException (exit 7); the depth reached is not printed since it differs between implementations.
using System;

class Program {
    static long Forever(long n) {
        return Forever(n + 1) + 1;
    }

    static void Main() {
        Console.WriteLine("recursing");
        Console.WriteLine(Forever(0));
        Console.WriteLine("never printed");
    }
}
