// Task.WhenAll waits for every task; it completes when the last one does, and already-complete tasks count at once.
using System;
using System.Threading.Tasks;

class Program {
    static async Task Step(string name, int ms) {
        await Task.Delay(ms);
        Console.WriteLine(name + " finished");
    }

    static async Task Main() {
        Task a = Step("a", 20);
        Task b = Step("b", 5);
        Task c = Task.CompletedTask;
        Console.WriteLine("waiting for all");
        await Task.WhenAll(a, b, c);
        Console.WriteLine("all finished: " + a.IsCompleted + " " + b.IsCompleted);
        await Task.WhenAll(a, b);
        Console.WriteLine("WhenAll of completed tasks does not suspend");
    }
}
