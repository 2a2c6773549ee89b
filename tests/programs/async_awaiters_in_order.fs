// Several awaiters of one task resume inline in the order they began to wait; a timer's awaiters instead go through the ready queue.
using System;
using System.Threading.Tasks;

class Program {
    static async Task Source() {
        await Task.Yield();
        Console.WriteLine("source completes");
    }

    static async Task Waiter(string name, Task t) {
        await t;
        Console.WriteLine(name + " resumes");
    }

    static async Task TimerWaiter(string name, Task t) {
        await t;
        Console.WriteLine(name + " resumes after the timer");
    }

    static async Task Main() {
        Task s = Source();
        Task w1 = Waiter("first", s);
        Task w2 = Waiter("second", s);
        Task w3 = Waiter("third", s);
        await s;
        Console.WriteLine("main resumes");
        await Task.WhenAll(w1, w2, w3);
        Task timer = Task.Delay(3);
        Task t1 = TimerWaiter("one", timer);
        Task t2 = TimerWaiter("two", timer);
        await timer;
        Console.WriteLine("main after the timer");
        await t1;
        await t2;
        Console.WriteLine("done");
    }
}
