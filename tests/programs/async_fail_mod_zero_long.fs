// exit: 4
// stderr: System.DivideByZeroException
// long modulo by zero after a Yield fails with exit 4.
using System;
using System.Threading.Tasks;

class Program {
    static async Task<long> Mod(long a, long b) {
        await Task.Yield();
        return a % b;
    }

    static async Task Main() {
        Console.WriteLine(await Mod(10000000007L, 10));
        Console.WriteLine(await Mod(10000000007L, 0));
    }
}
