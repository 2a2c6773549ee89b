// Nested awaits: await F(await G()), three deep, with suspensions at every level.
using System;
using System.Threading.Tasks;

class Program {
    static async Task<int> G() {
        await Task.Yield();
        Console.WriteLine("G done");
        return 2;
    }

    static async Task<int> F(int x) {
        Console.WriteLine("F got " + x);
        await Task.Delay(x);
        return x * 10;
    }

    static async Task<int> H(int x) {
        await Task.Yield();
        return x + 1;
    }

    static async Task Main() {
        int r = await H(await F(await G()));
        Console.WriteLine(r);
        Console.WriteLine(await F(await F(1)));
    }
}
