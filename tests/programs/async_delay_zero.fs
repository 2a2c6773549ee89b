// Task.Delay(0) is complete at once: the await does not suspend, so no other task runs in between.
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
        Task zero = Task.Delay(0);
        Console.WriteLine(zero.IsCompleted);
        await zero;
        Console.WriteLine("c");
        await Task.Delay(1);
        Console.WriteLine("d");
        await o;
    }
}
