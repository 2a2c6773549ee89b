// exit: 5
// stderr: System.OverflowException
// int.MinValue / -1 inside an async method fails with OverflowException (exit 5).
using System;
using System.Threading.Tasks;

class Program {
    static async Task<int> Div(int a, int b) {
        await Task.Delay(1);
        return a / b;
    }

    static async Task Main() {
        Console.WriteLine(await Div(int.MinValue, 2));
        Console.WriteLine(await Div(int.MinValue, -1));
    }
}
