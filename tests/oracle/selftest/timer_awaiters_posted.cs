// §7: a timer's awaiters are posted to the ready queue when it fires (C# completes a timer on a timer thread), so a task already queued runs before them; a method's completion then resumes its awaiter inline.
using System;
using System.Threading.Tasks;

class Program {
    static async Task Sleeper(string name, Task timer) {
        await timer;
        Console.WriteLine(name + " after the timer");
    }

    static async Task<int> Worker() {
        await Task.Delay(2);
        Console.WriteLine("worker done");
        return 7;
    }

    static async Task Main() {
        Task timer = Task.Delay(2);
        Task a = Sleeper("a", timer);
        Task<int> w = Worker();
        Task b = Sleeper("b", timer);
        Console.WriteLine("main waits");
        Console.WriteLine("worker said " + await w);
        await a;
        await b;
    }
}
