// async void methods are fire-and-forget tasks: they start hot and finish on their own.
using System;
using System.Threading.Tasks;

class Program {
    static int fired = 0;

    static async void Fire(string name, int ms) {
        Console.WriteLine(name + " fired");
        await Task.Delay(ms);
        fired++;
        Console.WriteLine(name + " landed");
    }

    static async Task Main() {
        Fire("one", 5);
        Fire("two", 2);
        Console.WriteLine("main continues, landed " + fired);
        await Task.Delay(10);
        Console.WriteLine("landed " + fired);
    }
}
