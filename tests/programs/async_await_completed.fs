// Awaiting an already completed task does not suspend: a queued task does not get to run in between.
using System;
using System.Threading.Tasks;

class Program {
    static async Task<int> Quick() {
        return 3;
    }

    static async Task Other() {
        await Task.Yield();
        Console.WriteLine("other ran");
    }

    static async Task Main() {
        Task<int> q = Quick();
        Task o = Other();
        int a = await q;
        int b = await q;
        await Task.CompletedTask;
        Console.WriteLine("main did not suspend: " + (a + b));
        await Task.Yield();
        Console.WriteLine("after a real suspension");
        await o;
    }
}
