// exit: 9
// stderr: deadlock: Main never completed
// t.Result on a task that has not completed can never be satisfied on the one thread: the deadlock failure (exit 9).
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
        int v = t.Result;
        Console.WriteLine("never printed " + v);
    }
}
