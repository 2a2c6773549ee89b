// Awaits inside string concatenation and interpolation.
using System;
using System.Threading.Tasks;

class Program {
    static async Task<string> Word(string w) {
        await Task.Yield();
        return w;
    }

    static async Task<int> Num(int n) {
        await Task.Delay(n);
        return n;
    }

    static async Task Main() {
        string s = "<" + await Word("a") + await Num(3) + await Word("b") + ">";
        Console.WriteLine(s);
        Console.WriteLine($"{await Word("x")}-{await Num(2)}-{await Word("y")}");
        Console.WriteLine(await Num(1) + await Num(1) + "!" + await Num(1));
    }
}
