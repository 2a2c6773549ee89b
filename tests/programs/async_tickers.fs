// Periodic tasks with periods 3, 5 and 15: at equal deadlines the timer registered first fires first.
using System;
using System.Threading.Tasks;

class Program {
    static int now = 0;

    static async Task Ticker(string name, int period, int until) {
        int t = 0;
        while (t + period <= until) {
            await Task.Delay(period);
            t += period;
            if (t > now) now = t;
            Console.WriteLine(name + " at " + t);
        }
    }

    static async Task Main() {
        Task a = Ticker("fast", 3, 15);
        Task b = Ticker("mid", 5, 15);
        Task c = Ticker("slow", 15, 15);
        await Task.WhenAll(a, b, c);
        Console.WriteLine("virtual time " + now);
    }
}
