// switch and foreach in an async method: awaits inside case sections and foreach bodies, continue and break from a switch inside a foreach, the switch value and the loop's hidden locals saved across the awaits.
using System;
using System.Threading.Tasks;

class Program {
    static async Task<int> Cost(string item) {
        await Task.Delay(item.Length);
        return item.Length * 10;
    }

    static async Task<int> Total(string[] items) {
        int total = 0;
        foreach (string item in items) {
            switch (item[0]) {
                case 'a':
                case 'b':
                    total += await Cost(item);
                    break;
                case 's':
                    await Task.Yield();
                    Console.WriteLine("skipping " + item);
                    continue;
                case 'x':
                    Console.WriteLine("stop at " + item);
                    return total;
                default:
                    total += 1;
                    break;
            }
            Console.WriteLine(item + ": " + total);
        }
        return total;
    }

    static async Task Main() {
        Task<int> first = Total(new string[] { "apple", "skip", "bread", "cheese" });
        Task<int> second = Total(new string[] { "banana", "xenon", "apple" });
        Console.WriteLine("started");
        Console.WriteLine(await first + " " + await second);
    }
}
