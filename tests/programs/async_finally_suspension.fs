// A finally runs when its try ends (normally, by return or by an exception), never when the method merely suspends at an await inside the try; a finally may await itself.
using System;
using System.Threading.Tasks;

class Program {
    static async Task<int> Work(int n) {
        try {
            Console.WriteLine("work " + n + " starts");
            await Task.Yield();
            Console.WriteLine("work " + n + " resumed");
            if (n == 2) throw new ArgumentException("bad " + n);
            if (n == 3) return 30;
            await Task.Delay(5);
            Console.WriteLine("work " + n + " ends normally");
        } finally {
            Console.WriteLine("work " + n + " finally");
            await Task.Delay(1);
            Console.WriteLine("work " + n + " finally after its await");
        }
        return n;
    }

    static async Task Main() {
        Task<int> one = Work(1);
        Task<int> two = Work(2);
        Task<int> three = Work(3);
        Console.WriteLine("all started");
        Console.WriteLine("one = " + await one);
        try {
            Console.WriteLine(await two);
        } catch (ArgumentException e) {
            Console.WriteLine("two failed: " + e.Message);
        }
        Console.WriteLine("three = " + await three);
    }
}
