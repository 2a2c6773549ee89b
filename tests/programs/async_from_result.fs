// Task.FromResult(v) gives a completed Task<T> for int, long, string and bool values.
using System;
using System.Threading.Tasks;

class Program {
    static Task<int> Cached(int x) {
        return Task.FromResult(x * 3);
    }

    static async Task Main() {
        Task<int> t = Task.FromResult(5);
        Console.WriteLine(t.IsCompleted + " " + t.Result);
        Console.WriteLine(await t + await Cached(2));
        Task<string> s = Task.FromResult("ready");
        Console.WriteLine(await s);
        Task<long> l = Task.FromResult(9000000000L);
        Console.WriteLine(await l);
        Task<bool> b = Task.FromResult(false);
        Console.WriteLine(await b);
    }
}
