// exit: 4
// stderr: System.DivideByZeroException
// Task.WhenAll waits for every task, faulted or not, then faults with the first task's exception in argument order.
using System;
using System.Threading.Tasks;

class Program {
    static async Task<int> Work(string name, int ms, int divisor) {
        await Task.Delay(ms);
        Console.WriteLine(name + " finishes at " + ms);
        return 100 / divisor;
    }

    static async Task Main() {
        Task<int> a = Work("a", 3, 1);
        Task<int> b = Work("b", 1, 0);
        Task<int> c = Work("c", 2, 5);
        Task all = Task.WhenAll(a, b, c);
        Console.WriteLine("waiting");
        await all;
        Console.WriteLine("never printed");
    }
}
