using System;
using System.Threading.Tasks;

class Program {
    static Task Later() { return Task.Delay(1); }
    static Task<int> Get() { return Task.FromResult(3); }
    static async Task Main() {
        await Later();
        int x = await Get();
        Console.WriteLine(x);
    }
}
