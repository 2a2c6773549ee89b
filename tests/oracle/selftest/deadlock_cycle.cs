// exit: 9
// stderr: deadlock: Main never completed
// A task that awaits itself: nothing ready, no timer, Main incomplete.
using System;
using System.Threading.Tasks;

class Program {
    static Task self;

    static async Task Loop() {
        await Task.Yield();
        Console.WriteLine("awaiting myself");
        await self;
    }

    static async Task Main() {
        self = Loop();
        await Task.Delay(5);
        Console.WriteLine("main waits");
        await self;
        Console.WriteLine("never printed");
    }
}
