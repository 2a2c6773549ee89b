// When Main's task completes and the ready queue is empty the program ends; timers still pending are dropped.
using System;
using System.Threading.Tasks;

class Program {
    static async Task Slow() {
        await Task.Delay(1000);
        Console.WriteLine("never printed");
    }

    static async Task Main() {
        Slow();
        Task s = Slow();
        await Task.Delay(10);
        Console.WriteLine("main ends, slow completed: " + s.IsCompleted);
    }
}
