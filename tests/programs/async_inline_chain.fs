// A chain of awaits unwinds inline: the innermost task's completion resumes each awaiter in turn, before the other task's queued turn.
using System;
using System.Threading.Tasks;

class Program {
    static async Task<int> Level(int n) {
        if (n == 0) {
            await Task.Yield();
            Console.WriteLine("bottom");
            return 0;
        }
        int below = await Level(n - 1);
        Console.WriteLine("level " + n + " resumes");
        return below + n;
    }

    static async Task Other() {
        await Task.Yield();
        Console.WriteLine("other");
        await Task.Yield();
        Console.WriteLine("other again");
    }

    static async Task Main() {
        Task<int> chain = Level(4);
        Task other = Other();
        Console.WriteLine("sum " + await chain);
        await other;
    }
}
