using System;
using System.Threading.Tasks;

class Program {
    static async Task<int> V() { await Task.Yield(); return 1; }
    static async Task Main() {
        Task t = V();
        await t;
        Task<int> u = V();
        Task w = u;
        await w;
        Console.WriteLine(u.Result);
    }
}
