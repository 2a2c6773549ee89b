// Task<T> chains: each async method awaits the next one and transforms its result (int, long, string, bool).
using System;
using System.Threading.Tasks;

class Program {
    static async Task<int> Level3() {
        await Task.Delay(3);
        return 7;
    }

    static async Task<long> Level2() {
        int v = await Level3();
        await Task.Yield();
        return v * 1000000000L;
    }

    static async Task<string> Level1() {
        long v = await Level2();
        return "value=" + v;
    }

    static async Task<bool> Check() {
        string s = await Level1();
        return s.Length > 10;
    }

    static async Task Main() {
        Console.WriteLine(await Level1());
        Console.WriteLine(await Check());
    }
}
