// Tasks sleeping for different virtual times wake in deadline order, not start order.
using System;
using System.Threading.Tasks;

class Program {
    static async Task Sleep(string name, int ms) {
        Console.WriteLine(name + " sleeps " + ms);
        await Task.Delay(ms);
        Console.WriteLine(name + " wakes");
    }

    static async Task Main() {
        Task a = Sleep("a", 30);
        Task b = Sleep("b", 10);
        Task c = Sleep("c", 20);
        Task d = Sleep("d", 1);
        await a;
        await b;
        await c;
        await d;
        Console.WriteLine("all awake");
    }
}
