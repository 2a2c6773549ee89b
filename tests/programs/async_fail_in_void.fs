// exit: 2
// stderr: System.NullReferenceException
// A failure inside an async void method (fire-and-forget) still fails the program with exit 2.
using System;
using System.Threading.Tasks;

class Program {
    static string name = null;

    static async void Report() {
        await Task.Delay(2);
        Console.WriteLine("reporting");
        Console.WriteLine(name.Length);
    }

    static async Task Main() {
        Report();
        Console.WriteLine("main waits");
        await Task.Delay(5);
        Console.WriteLine("never printed");
    }
}
