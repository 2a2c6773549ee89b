// Task<T> chains, nested awaits, recursion through async methods, Task.FromResult, Task.CompletedTask.
using System;
using System.Threading.Tasks;

class Program {
    static async Task<int> Double(int x) {
        await Task.Yield();
        return 2 * x;
    }

    static async Task<int> AddLater(int a, int b) {
        await Task.Delay(a);
        return a + b;
    }

    static async Task<long> SumTo(int n) {
        if (n == 0) return 0;
        await Task.Yield();
        long rest = await SumTo(n - 1);
        return rest + n;
    }

    static async Task Main() {
        int x = await Double(await Double(await AddLater(3, 4)));
        Console.WriteLine("x = " + x + " at " + FluxOracle.VirtualTime.Now);
        Console.WriteLine("sum = " + await SumTo(100));
        Task<int> ready = Task.FromResult(41);
        Console.WriteLine(ready.IsCompleted + " " + (await ready + 1));
        await Task.CompletedTask;
        Task<int> pending = Double(5);
        Console.WriteLine("pending " + pending.IsCompleted);
        await pending;
        Console.WriteLine("now " + pending.IsCompleted + " " + pending.Result);
    }
}
