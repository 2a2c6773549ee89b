// Delays and Yields interleaved: yields run in the current instant, timers only when the ready queue is empty.
using System;
using System.Threading.Tasks;

class Program {
    static async Task Spinner(int n) {
        for (int i = 0; i < n; i++) {
            Console.WriteLine("spin " + i);
            await Task.Yield();
        }
    }

    static async Task Sleeper() {
        Console.WriteLine("sleeper starts");
        await Task.Delay(1);
        Console.WriteLine("sleeper woke after all spins");
        await Task.Yield();
        Console.WriteLine("sleeper yielded");
    }

    static async Task Main() {
        Task s = Sleeper();
        Task p = Spinner(3);
        await Task.Delay(0);
        Console.WriteLine("main: Delay(0) did not suspend");
        await Task.Yield();
        Console.WriteLine("main after one yield");
        await s;
        await p;
        Console.WriteLine("end");
    }
}
