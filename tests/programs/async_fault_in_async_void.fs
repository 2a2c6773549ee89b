// exit: 4
// stderr: System.DivideByZeroException
// An async void method's exception has no task to live in: C# posts it to the context, and the program fails when the event loop reaches it (work queued before it still runs).
using System;
using System.Threading.Tasks;

class Program {
    static int zero = 0;

    static async void FireAndForget() {
        await Task.Yield();
        Console.WriteLine("fire and forget runs");
        Console.WriteLine(10 / zero);
    }

    static async Task Other() {
        await Task.Yield();
        Console.WriteLine("other 1");
        await Task.Yield();
        Console.WriteLine("other 2");
    }

    static async Task Main() {
        FireAndForget();
        Task o = Other();
        await Task.Delay(1);
        Console.WriteLine("never printed");
    }
}
