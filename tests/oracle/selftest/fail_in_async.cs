// exit: 4
// stderr: System.DivideByZeroException
// An exception thrown after an await propagates through awaiting tasks to Main's task.
using System;
using System.Threading.Tasks;

class Program {
    static async Task<int> Divide(int a, int b) {
        await Task.Delay(3);
        Console.WriteLine("dividing");
        return a / b;
    }

    static async Task<int> Middle() {
        int r = await Divide(10, 0);
        Console.WriteLine("never printed");
        return r;
    }

    static async Task Main() {
        Console.WriteLine("start");
        Console.WriteLine(await Middle());
    }
}
