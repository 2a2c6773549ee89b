using System;
using System.Threading.Tasks;

class Program {
    static async Task<int> Twice(int x) {
        await Task.Delay(1);
        return 2 * x;
    }
    static async Task Nothing() {
        await Task.Yield();
        return;
    }
    static async Task Main() {
        await Task.Delay(10);
        int x = await Twice(21);
        Console.WriteLine(x);
        await Nothing();
    }
}
