// exit: 6
// stderr: System.OutOfMemoryException
// A huge allocation inside an async method after an await fails with OutOfMemoryException (exit 6).
using System;
using System.Threading.Tasks;

class Program {
    static async Task<int> Allocate(int n) {
        await Task.Delay(1);
        long[] a = new long[n];
        return a.Length;
    }

    static async Task Main() {
        Console.WriteLine(await Allocate(10));
        Console.WriteLine(await Allocate(int.MaxValue));
    }
}
