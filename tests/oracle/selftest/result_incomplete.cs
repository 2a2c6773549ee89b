// exit: 9
// stderr: deadlock: Main never completed
// t.Result on a task that is not complete blocks the only thread: the deadlock failure.
using System;
using System.Threading.Tasks;

class Program {
    static async Task<int> Later() {
        await Task.Delay(10);
        return 1;
    }

    static async Task Main() {
        Task<int> t = Later();
        Console.WriteLine("completed: " + t.IsCompleted);
        Console.WriteLine(t.Result);
    }
}
