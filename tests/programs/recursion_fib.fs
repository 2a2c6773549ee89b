// Recursion: naive Fibonacci (fib(20), ~22 thousand calls), factorial with long, and recursion 2000 levels deep.
using System;

class Program {
    static int Fib(int n) {
        if (n < 2) return n;
        return Fib(n - 1) + Fib(n - 2);
    }

    static long Fact(int n) {
        return n <= 1 ? 1 : n * Fact(n - 1);
    }

    static int Depth(int n) {
        if (n == 0) return 0;
        return 1 + Depth(n - 1);
    }

    static void Main() {
        for (int i = 0; i <= 10; i++) Console.Write(Fib(i) + " ");
        Console.WriteLine();
        Console.WriteLine(Fib(20));
        Console.WriteLine(Fact(20));
        Console.WriteLine(Depth(2000));
    }
}
