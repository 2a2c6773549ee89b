// §7: Delay timers and Yield interleave two tasks in one FIFO queue.
using System;
using System.Threading.Tasks;

class Program {
    static async Task Worker(string name, int ms) {
        Console.WriteLine(name + " start");
        await Task.Delay(ms);
        Console.WriteLine(name + " woke at " + FluxOracle.VirtualTime.Now);
        await Task.Yield();
        Console.WriteLine(name + " after yield");
        await Task.Delay(ms);
        Console.WriteLine(name + " done at " + FluxOracle.VirtualTime.Now);
    }

    static async Task Main() {
        Task a = Worker("a", 20);
        Task b = Worker("b", 15);
        Console.WriteLine("main waits");
        await a;
        Console.WriteLine("main after a at " + FluxOracle.VirtualTime.Now);
        await b;
        Console.WriteLine("main end");
    }
}
