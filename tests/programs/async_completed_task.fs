// Task.CompletedTask: completed, awaitable without suspending, usable as the result of a non-async method returning Task.
using System;
using System.Threading.Tasks;

class Program {
    static Task Nothing() {
        Console.WriteLine("Nothing called");
        return Task.CompletedTask;
    }

    static async Task Main() {
        Task c = Task.CompletedTask;
        Console.WriteLine(c.IsCompleted);
        await c;
        await Nothing();
        await Task.WhenAll(Task.CompletedTask, Nothing());
        Console.WriteLine("end");
    }
}
