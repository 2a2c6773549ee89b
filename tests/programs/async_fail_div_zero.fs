// exit: 4
// stderr: System.DivideByZeroException
// Division by zero after a Delay, propagated through two awaiting async methods to Main, fails with exit 4.
using System;
using System.Threading.Tasks;

class Program {
    static async Task<int> Divide(int a, int b) {
        await Task.Delay(3);
        Console.WriteLine("dividing " + a + " by " + b);
        return a / b;
    }

    static async Task<int> Middle(int b) {
        int r = await Divide(10, b);
        Console.WriteLine("middle got " + r);
        return r;
    }

    static async Task Main() {
        Console.WriteLine(await Middle(5));
        Console.WriteLine(await Middle(0));
    }
}
