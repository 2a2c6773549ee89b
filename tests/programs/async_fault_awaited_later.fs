// exit: 3
// stderr: System.IndexOutOfRangeException
// A task faults after an await while other tasks go on printing; the exception travels up a chain of awaits and ends Main only when Main awaits it.
using System;
using System.Threading.Tasks;

class Program {
    static async Task<int> Pick(int[] a, int i) {
        await Task.Yield();
        Console.WriteLine("pick " + i);
        return a[i];
    }

    static async Task<int> Sum(int[] a) {
        int first = await Pick(a, 0);
        int second = await Pick(a, 7);
        Console.WriteLine("never printed");
        return first + second;
    }

    static async Task Ticker(int n) {
        for (int i = 0; i < n; i++) {
            await Task.Yield();
            Console.WriteLine("tick " + i);
        }
    }

    static async Task Main() {
        Task<int> sum = Sum(new int[] { 1, 2, 3 });
        Task ticker = Ticker(4);
        await ticker;
        Console.WriteLine("ticker done; sum faulted: " + sum.IsCompleted);
        Console.WriteLine(await sum);
    }
}
