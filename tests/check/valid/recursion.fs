using System;
using System.Threading.Tasks;

class Program {
    static int Fib(int n) {
        if (n < 2) return n;
        return Fib(n - 1) + Fib(n - 2);
    }
    static long Fact(long n) { return n <= 1 ? 1 : n * Fact(n - 1); }

    static void Main() {
        Console.WriteLine(Fib(10));
        Console.WriteLine(Fact(20));
    }
}
