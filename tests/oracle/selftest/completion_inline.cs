// §7: completing a task resumes its awaiters inline, in the order they began to wait, before the completion returns; a timer's awaiters go through the ready queue. (completion_inline.queued.stdout: every continuation queued.)
using System;
using System.Threading.Tasks;

class Program {
    static async Task Inner() {
        await Task.Yield();
        Console.WriteLine("inner completes");
    }

    static async Task Other() {
        await Task.Yield();
        Console.WriteLine("other 1");
        await Task.Yield();
        Console.WriteLine("other 2");
    }

    static async Task Waiter(string name, Task t) {
        await t;
        Console.WriteLine(name + " woke");
    }

    static async Task<int> Timed() {
        await Task.Delay(10);
        Console.WriteLine("timed completes");
        return 1;
    }

    static async Task Main() {
        Task i = Inner();
        Task o = Other();
        await i;
        Console.WriteLine("main resumed");
        await o;
        Task<int> t = Timed();
        Task w1 = Waiter("w1", t);
        Task w2 = Waiter("w2", t);
        int r = await t;
        Console.WriteLine("main woke " + r);
        await Task.WhenAll(w1, w2);
        Console.WriteLine("end");
    }
}
