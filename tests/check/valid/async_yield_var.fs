using System;
using System.Threading.Tasks;

class Program {
    static async Task Main() {
        var y = Task.Yield();
        await y;
        var t = Task.Delay(2);
        await t;
        Console.WriteLine("ok");
    }
}
