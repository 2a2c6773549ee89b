using System;
class Program {
    static long Fib(int n) { return n < 2 ? n : Fib(n - 1) + Fib(n - 2); }
    static int Gcd(int a, int b) { return b == 0 ? a : Gcd(b, a % b); }
    static void Main() {
        Console.WriteLine(Fib(20));
        Console.WriteLine(Gcd(48, 18));
    }
}
