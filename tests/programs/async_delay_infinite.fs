// exit: 9
// stderr: deadlock
// Task.Delay(-1) is C#'s infinite delay: a task that never completes. Main may start one and go on; awaiting it when nothing else can run is a deadlock.
using System;
using System.Threading.Tasks;

class Program {
    static async Task Main() {
        Task forever = Task.Delay(-1);
        Console.WriteLine(forever.IsCompleted);
        await Task.Delay(5);
        Console.WriteLine("after 5 ms: " + forever.IsCompleted);
        await forever;
        Console.WriteLine("never printed");
    }
}
