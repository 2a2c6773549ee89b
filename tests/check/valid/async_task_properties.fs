using System;
using System.Threading.Tasks;

class Program {
    static async Task Main() {
        Task<int> t = Task.FromResult(5);
        Console.WriteLine(t.IsCompleted);
        Console.WriteLine(t.Result);
        Task done = Task.CompletedTask;
        Console.WriteLine(done.IsCompleted);
        await done;
        int v = await t;
        Task<string> s = Task.FromResult("x");
        Console.WriteLine(await s + v);
    }
}
