// exit: 7
// stderr: System.StackOverflowException
// Infinite recursion of a synchronous method called from an async method after an await fails with exit 7.
using System;
using System.Threading.Tasks;

class Program {
    static int Down(int n) {
        return Down(n + 1) + 1;
    }

    static async Task<int> Go() {
        await Task.Yield();
        Console.WriteLine("recursing");
        return Down(0);
    }

    static async Task Main() {
        Console.WriteLine(await Go());
    }
}
