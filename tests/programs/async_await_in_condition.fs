// Awaits in if and while conditions and in ?: operands.
using System;
using System.Threading.Tasks;

class Program {
    static int polls = 0;

    static async Task<bool> Ready() {
        await Task.Delay(2);
        polls++;
        return polls >= 3;
    }

    static async Task<bool> Is(bool v) {
        await Task.Yield();
        return v;
    }

    static async Task<int> Num(int v) {
        await Task.Yield();
        return v;
    }

    static async Task Main() {
        while (!await Ready()) Console.WriteLine("not ready, poll " + polls);
        Console.WriteLine("ready after " + polls);
        if (await Is(true)) Console.WriteLine("if taken");
        if (await Is(false)) Console.WriteLine("not printed"); else Console.WriteLine("else taken");
        int v = await Is(polls > 1) ? await Num(10) : await Num(20);
        Console.WriteLine(v);
    }
}
