// exit: 9
// stderr: deadlock: Main never completed
// Two tasks awaiting each other after their timers have fired: nothing ready, no timer, Main incomplete (exit 9).
using System;
using System.Threading.Tasks;

class Program {
    static Task first;
    static Task second;

    static async Task A() {
        await Task.Delay(5);
        Console.WriteLine("A waits for B");
        await second;
    }

    static async Task B() {
        await Task.Delay(10);
        Console.WriteLine("B waits for A");
        await first;
    }

    static async Task Main() {
        first = A();
        second = B();
        await Task.WhenAll(first, second);
        Console.WriteLine("never printed");
    }
}
