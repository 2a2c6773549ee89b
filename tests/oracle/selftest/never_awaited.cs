// Hot start: an unawaited task runs to its first await at once and keeps running; async void too; timers pending at the end are dropped.
using System;
using System.Threading.Tasks;

class Program {
    static async Task Background(string name) {
        Console.WriteLine(name + " runs at once");
        await Task.Yield();
        Console.WriteLine(name + " continues");
        await Task.Delay(5);
        Console.WriteLine(name + " after delay");
        await Task.Delay(1000);
        Console.WriteLine("never printed: Main ended before 1000");
    }

    static async void FireAndForget() {
        Console.WriteLine("async void starts");
        await Task.Delay(1);
        Console.WriteLine("async void ends");
    }

    static async Task Main() {
        Background("bg");
        FireAndForget();
        Console.WriteLine("main continues");
        await Task.Delay(10);
        Console.WriteLine("main ends");
    }
}
