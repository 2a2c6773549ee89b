using System;
using System.Threading.Tasks;

class Program {
    static async Task Work(int n) {
        await Task.Delay(n);
        Console.WriteLine(n);
    }
    static async Task<int> Value(int n) {
        await Task.Yield();
        return n;
    }
    static async Task Main() {
        Task a = Work(1);
        Task b = Work(2);
        await Task.WhenAll(a, b);
        Task<int> c = Value(3);
        Task<int> d = Value(4);
        int[] both = await Task.WhenAll(c, d);
        Console.WriteLine(both[0] + both[1]);
        Task[] tasks = new Task[] { Work(5), Work(6) };
        await Task.WhenAll(tasks);
        await Task.WhenAll(a, c);
    }
}
