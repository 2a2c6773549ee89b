// Recursion through async methods: an async Fibonacci that yields at every call, and an async countdown with delays.
using System;
using System.Threading.Tasks;

class Program {
    static async Task<int> Fib(int n) {
        await Task.Yield();
        if (n < 2) return n;
        return await Fib(n - 1) + await Fib(n - 2);
    }

    static async Task Countdown(int n) {
        if (n == 0) {
            Console.WriteLine("liftoff");
            return;
        }
        Console.WriteLine(n);
        await Task.Delay(10);
        await Countdown(n - 1);
    }

    static async Task<long> SumDeep(int n) {
        if (n == 0) return 0;
        return n + await SumDeep(n - 1);
    }

    static async Task Main() {
        Console.WriteLine("fib(15) = " + await Fib(15));
        await Countdown(3);
        Console.WriteLine("sum = " + await SumDeep(500));
    }
}
