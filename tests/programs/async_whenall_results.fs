// WhenAll over Task<int>s, then reading each task's Result once complete.
using System;
using System.Threading.Tasks;

class Program {
    static async Task<int> Compute(int x, int ms) {
        await Task.Delay(ms);
        Console.WriteLine("computed " + x);
        return x * x;
    }

    static async Task Main() {
        Task<int> a = Compute(3, 30);
        Task<int> b = Compute(4, 10);
        Task<int> c = Compute(5, 20);
        await Task.WhenAll(a, b, c);
        Console.WriteLine(a.Result + b.Result + c.Result);
    }
}
