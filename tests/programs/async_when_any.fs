// Task.WhenAny: the first task to end is its result (the later ones find it
// done), one that has ended already wins at once, a faulted winner rethrows
// only when awaited, and no tasks at all is C#'s ArgumentException.
using System;
using System.Threading.Tasks;

class Program {
    static async Task<int> After(int ms, int v) {
        await Task.Delay(ms);
        Console.WriteLine("done " + v);
        return v;
    }
    static async Task<int> Fails(int ms) {
        await Task.Delay(ms);
        throw new InvalidOperationException("boom");
    }

    static async Task Main() {
        var a = After(30, 1);
        var b = After(10, 2);
        Task<int> first = await Task.WhenAny(a, b);
        Console.WriteLine("first " + first.Result + " " + (first == b));
        Task t = await Task.WhenAny(new Task[] { a, Task.Delay(5) });
        Console.WriteLine(t == a);
        Console.WriteLine((await Task.WhenAny(Task.FromResult(7), b)).Result);
        var f = Fails(1);
        var winner = await Task.WhenAny(f, After(50, 3));
        Console.WriteLine("winner faulted: " + (winner == f));
        try {
            await winner;
        } catch (InvalidOperationException e) {
            Console.WriteLine("awaited: " + e.Message);
        }
        try {
            await Task.WhenAny(new Task[0]);
        } catch (ArgumentException e) {
            Console.WriteLine(e.Message);
        }
        await a;
        Console.WriteLine("end");
    }
}
