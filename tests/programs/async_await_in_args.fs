// Awaits as call arguments (static, instance and constructor calls), evaluated left to right.
using System;
using System.Threading.Tasks;

class Pair {
    public int a;
    public int b;
    public Pair(int a, int b) { this.a = a; this.b = b; }
    public int Mix(int x, int y) { return a * x + b * y; }
}

class Program {
    static async Task<int> Get(int v) {
        Console.WriteLine("get " + v);
        await Task.Delay(v);
        return v;
    }

    static int Sum3(int x, int y, int z) { return x + y + z; }

    static async Task Main() {
        Console.WriteLine(Sum3(await Get(3), 100, await Get(1)));
        Pair p = new Pair(await Get(2), await Get(4));
        Console.WriteLine(p.Mix(await Get(1), 10));
        Console.WriteLine(await Get(5));
    }
}
