// exit: 4
// stderr: System.DivideByZeroException
// An exception before the first await faults the task: the caller gets it back and goes on; the exception comes out where the task is awaited.
using System;
using System.Threading.Tasks;

class Program {
    static async Task<int> Div(int a, int b) {
        int q = a / b;
        await Task.Delay(1);
        return q;
    }

    static async Task Main() {
        Task<int> bad = Div(1, 0);
        Console.WriteLine("after the call");
        Console.WriteLine("completed: " + bad.IsCompleted);
        Console.WriteLine(await bad);
        Console.WriteLine("never printed");
    }
}
