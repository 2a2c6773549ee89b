// A faulted task that nobody awaits is dropped: the program goes on and exits 0 (C# does not end the process for it).
using System;
using System.Threading.Tasks;

class Node {
    public int Value;
}

class Program {
    static async Task Crash(Node n) {
        await Task.Delay(2);
        Console.WriteLine("crash reads " + n.Value);
    }

    static async Task Main() {
        Task t = Crash(null);
        await Task.Delay(5);
        Console.WriteLine("main goes on; the task ended: " + t.IsCompleted);
        Task u = Crash(null);
        Console.WriteLine("done");
    }
}
