// C# on one thread: when A completes, its awaiter (Main) resumes inline, inside A's completion, before B's queued continuation runs.
using System;
using System.Threading.Tasks;

class Program {
    static async Task A() {
        await Task.Yield();
        Console.WriteLine("A done");
    }

    static async Task B() {
        await Task.Yield();
        Console.WriteLine("B runs");
    }

    static async Task Main() {
        Task a = A();
        Task b = B();
        await a;
        Console.WriteLine("main resumed");
        await b;
        Console.WriteLine("main done");
    }
}
