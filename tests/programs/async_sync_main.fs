// A synchronous static void Main may start async work: the body runs hot; queued continuations still run after Main returns, pending timers do not.
using System;
using System.Threading.Tasks;

class Program {
    static async Task Job(string name) {
        Console.WriteLine(name + " starts");
        await Task.Yield();
        Console.WriteLine(name + " resumed after Main returned");
        await Task.Delay(5);
        Console.WriteLine("never printed");
    }

    static void Main() {
        Job("j1");
        Job("j2");
        Console.WriteLine("Main returns");
    }
}
