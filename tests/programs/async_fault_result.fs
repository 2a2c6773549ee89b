// exit: 5
// stderr: System.OverflowException
// t.Result of a faulted task throws its exception (C# wraps it in an AggregateException; the unhandled line names the inner one).
using System;
using System.Threading.Tasks;

class Program {
    static async Task<int> Quotient(int a, int b) {
        await Task.Yield();
        return a / b;
    }

    static async Task Main() {
        Task<int> ok = Quotient(10, 2);
        Task<int> bad = Quotient(int.MinValue, -1);
        await Task.Delay(1);
        Console.WriteLine("ok: " + ok.Result);
        Console.WriteLine("bad ended: " + bad.IsCompleted);
        Console.WriteLine(bad.Result);
    }
}
