// exit: 1
// stderr: System.ArgumentOutOfRangeException
// §7: Task.Delay(0) is complete at once, Task.Delay(-1) never completes, a delay below -1 throws ArgumentOutOfRangeException (as C#'s Task.Delay).
using System;
using System.Threading.Tasks;

class Program {
    static async Task Main() {
        Console.WriteLine(Task.Delay(0).IsCompleted);
        Task forever = Task.Delay(-1);
        await Task.Delay(1000);
        Console.WriteLine(forever.IsCompleted);
        Task bad = Task.Delay(-2);
        Console.WriteLine("not reached");
    }
}
