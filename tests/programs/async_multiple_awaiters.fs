// Several tasks awaiting the same task are all woken, in the order they began to wait.
using System;
using System.Threading.Tasks;

class Program {
    static async Task<int> Source() {
        await Task.Delay(10);
        Console.WriteLine("source completes");
        return 5;
    }

    static async Task Waiter(string name, Task<int> t) {
        Console.WriteLine(name + " waits");
        int v = await t;
        Console.WriteLine(name + " got " + v);
    }

    static async Task Main() {
        Task<int> s = Source();
        Task c = Waiter("c", s);
        Task a = Waiter("a", s);
        Task b = Waiter("b", s);
        await Task.WhenAll(a, b, c);
        Console.WriteLine("main got " + await s);
    }
}
