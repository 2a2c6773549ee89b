// exit: 7
// stderr: System.StackOverflowException
// Unbounded recursion through an async method that never suspends (each call runs hot) overflows the stack: exit 7.
using System;
using System.Threading.Tasks;

class Program {
    static async Task<int> Forever(int n) {
        await Task.CompletedTask;
        return await Forever(n + 1) + 1;
    }

    static async Task Main() {
        Console.WriteLine("start");
        await Task.Delay(1);
        Console.WriteLine(await Forever(0));
    }
}
