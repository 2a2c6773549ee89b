// Compute-bound benchmark: naive recursive Fibonacci, fib(32) = 2178309
// (about 7 million calls). Valid C# too: benches/native.rs runs it under mono.
using System;

class Program {
    static int Fib(int n) {
        if (n < 2) {
            return n;
        }
        return Fib(n - 1) + Fib(n - 2);
    }

    static void Main() {
        Console.WriteLine(Fib(32));
    }
}
