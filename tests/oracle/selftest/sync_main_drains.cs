// A synchronous Main: the ready queue is drained after Main returns, pending timers are dropped.
using System;
using System.Threading.Tasks;

class Program {
    static async Task Job(int id) {
        await Task.Yield();
        Console.WriteLine("job " + id + " resumed");
        await Task.Delay(1);
        Console.WriteLine("never printed");
    }

    static void Main() {
        Job(1);
        Job(2);
        Console.WriteLine("main returns");
    }
}
