// exit: 4
// stderr: System.DivideByZeroException
// A failure in the synchronous part of an async method (before its first await), awaited at once, fails with exit 4.
using System;
using System.Threading.Tasks;

class Program {
    static async Task<int> Check(int d) {
        Console.WriteLine("checking " + d);
        int q = 100 / d;
        await Task.Delay(1);
        return q;
    }

    static async Task Main() {
        Console.WriteLine(await Check(4));
        Console.WriteLine(await Check(0));
    }
}
