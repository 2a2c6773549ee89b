// A task awaited both directly and through WhenAll: the direct awaiter and the WhenAll are woken in registration order.
using System;
using System.Threading.Tasks;

class Program {
    static async Task<int> Job(int ms) {
        await Task.Delay(ms);
        Console.WriteLine("job " + ms + " done");
        return ms;
    }

    static async Task Direct(Task<int> t) {
        Console.WriteLine("direct got " + await t);
    }

    static async Task Main() {
        Task<int> j = Job(10);
        Task<int> k = Job(4);
        Task all = Task.WhenAll(j, k);
        Task d = Direct(j);
        await all;
        Console.WriteLine("WhenAll woke main");
        await d;
        Console.WriteLine("end");
    }
}
