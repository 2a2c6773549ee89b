//! title: Task.Delay, virtual time and timers
//! goal: see each Task.Delay register a timer at now + ms
//! goal: see virtual time jump to the earliest deadline when nothing is ready
//! goal: see timers with equal deadlines fire in the order they were set
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

//@ on start: Press a to go from one async event to the next; the timers pane shows the deadlines.
//@ on suspend Brew#1: tea waits for its timer at 30 ms; the starter returns the pending task to Main.
//@ on timer#1: tea's Task.Delay(30) registers a timer due at now + 30 = 30 ms; coffee's and cocoa's follow.
//@ on timer#4: Nothing is ready: virtual time jumps from 0 to 10 ms, the earliest deadline, and coffee's timer fires.
//@ on timer#6: Now from 10 to 30 ms: tea's and cocoa's timers are due together and fire in the order they were set.
//@ on complete Brew#3: The last brew completes, which completes the WhenAll, which resumes Main right there, inline.
//@ on end: Task.Delay(0) completed at once, so that await did not suspend.
