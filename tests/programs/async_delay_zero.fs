// Task.Delay(0) and negative delays complete at once: the await does not suspend, so no other task runs in between.
using System;
using System.Threading.Tasks;

class Program {
    static async Task Other() {
        await Task.Yield();
        Console.WriteLine("other");
    }

    static async Task Main() {
        Task o = Other();
        Console.WriteLine("a");
        await Task.Delay(0);
        Console.WriteLine("b");
        await Task.Delay(-10);
        Console.WriteLine("c");
        await Task.Delay(1);
        Console.WriteLine("d");
        await o;
    }
}
