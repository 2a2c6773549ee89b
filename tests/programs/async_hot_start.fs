// Hot start: calling an async method runs its body at once up to the first await of an incomplete task; completed awaits on the way do not suspend.
using System;
using System.Threading.Tasks;

class Program {
    static async Task<int> Work(string name) {
        Console.WriteLine(name + ": runs synchronously");
        await Task.CompletedTask;
        await Task.Delay(0);
        Console.WriteLine(name + ": still synchronous");
        await Task.Yield();
        Console.WriteLine(name + ": resumed from the queue");
        return 1;
    }

    static async Task<int> NoAwait() {
        Console.WriteLine("NoAwait body");
        return 5;
    }

    static async Task Main() {
        Console.WriteLine("calling");
        Task<int> t = Work("w");
        Console.WriteLine("call returned, completed: " + t.IsCompleted);
        Task<int> n = NoAwait();
        Console.WriteLine("NoAwait completed: " + n.IsCompleted + " result " + n.Result);
        await t;
        Console.WriteLine("end");
    }
}
