// total += await F() reads total before the await (C# evaluation order), so a concurrent update made meanwhile is overwritten.
using System;
using System.Threading.Tasks;

class Program {
    static int total = 0;

    static async Task<int> Slow(int v, int ms) {
        await Task.Delay(ms);
        return v;
    }

    static async Task AddSlow() {
        total += await Slow(100, 10);
        Console.WriteLine("AddSlow wrote " + total);
    }

    static async Task AddFast() {
        total += await Slow(1, 5);
        Console.WriteLine("AddFast wrote " + total);
    }

    static async Task Main() {
        Task a = AddSlow();
        Task b = AddFast();
        await a;
        await b;
        Console.WriteLine("total " + total);
        int local = 5;
        local = local * await Slow(3, 1) + await Slow(4, 1);
        Console.WriteLine("local " + local);
    }
}
