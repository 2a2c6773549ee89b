// exit: 9
// stderr: deadlock: Main never completed
// A task awaiting itself: the ready queue runs dry with no timers while Main is incomplete (exit 9); output before stays.
using System;
using System.Threading.Tasks;

class Program {
    static Task self;

    static async Task Loop() {
        await Task.Yield();
        Console.WriteLine("awaiting myself");
        await self;
        Console.WriteLine("never printed");
    }

    static async Task Main() {
        self = Loop();
        Console.WriteLine("main awaits the loop");
        await self;
        Console.WriteLine("never printed");
    }
}
