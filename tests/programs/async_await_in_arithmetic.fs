// Awaits inside arithmetic: int x = await A() + await B() * await C(); operands are evaluated left to right, each awaited before the next starts.
using System;
using System.Threading.Tasks;

class Program {
    static async Task<int> Val(string name, int v, int ms) {
        Console.WriteLine(name + " starts");
        await Task.Delay(ms);
        Console.WriteLine(name + " returns " + v);
        return v;
    }

    static async Task Main() {
        int x = await Val("a", 1, 30) + await Val("b", 2, 10) * await Val("c", 3, 20);
        Console.WriteLine("x = " + x);
        long y = 10 - await Val("d", 4, 1) - (long)await Val("e", 5, 1);
        Console.WriteLine("y = " + y);
    }
}
