// Properties read and written around awaits: `Total += await Next()` reads
// the property before the await and writes it after (C#'s order).
using System;
using System.Threading.Tasks;

class Counter {
    public int Total { get; set; }
    public int Steps { get; private set; }
    public async Task Add(int x) {
        await Task.Yield();
        Steps++;
        Total += x;
    }
}

class Program {
    static Counter counter = new Counter();
    static Counter Current {
        get {
            Console.WriteLine("get Current");
            return counter;
        }
    }

    static async Task<int> Next(int x) {
        await Task.Delay(1);
        Console.WriteLine("next " + x);
        return x;
    }

    static async Task Main() {
        Current.Total += await Next(5);
        Task a = counter.Add(1);
        Task b = counter.Add(2);
        Current.Total -= 1;
        await a;
        await b;
        Console.WriteLine(counter.Total + " after " + counter.Steps + " steps");
    }
}
