// A synchronous Main that starts a task which faults: the task keeps its exception and nobody awaits it, so the program ends normally.
using System;
using System.Threading.Tasks;

class Program {
    static async Task Fails(string s) {
        await Task.Yield();
        Console.WriteLine("length " + s.Length);
    }

    static void Main() {
        Task t = Fails(null);
        Console.WriteLine("main returns");
    }
}
