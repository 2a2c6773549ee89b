// Lesson 05: Task.Delay, virtual time and timers.
//
// Task.Delay(ms) registers a timer at now + ms in virtual time. When nothing
// is ready, the event loop jumps virtual time to the earliest timer and fires
// every timer due then, in the order they were registered; each wakes the
// frames that await it. Task.WhenAll completes when all of its tasks have.
using System;
using System.Threading.Tasks;

class Program {
    static async Task<string> Brew(string drink, int minutes) {
        Console.WriteLine("start " + drink);
        await Task.Delay(minutes);
        Console.WriteLine(drink + " ready after " + minutes);
        return drink;
    }

    static async Task Main() {
        Task<string> tea = Brew("tea", 30);
        Task<string> coffee = Brew("coffee", 10);
        Task<string> cocoa = Brew("cocoa", 30);
        string[] all = await Task.WhenAll(tea, coffee, cocoa);
        Console.WriteLine("served: " + all[0] + ", " + all[1] + ", " + all[2]);
        await Task.Delay(0);
        Console.WriteLine("Delay(0) did not suspend");
    }
}
