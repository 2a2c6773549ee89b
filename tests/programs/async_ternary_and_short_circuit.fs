// Awaits in ?: branches and after && / ||: only the branch or operand that is evaluated is started.
using System;
using System.Threading.Tasks;

class Program {
    static async Task<bool> Flag(string name, bool v) {
        Console.WriteLine("flag " + name);
        await Task.Yield();
        return v;
    }

    static async Task<string> Text(string s) {
        Console.WriteLine("text " + s);
        await Task.Delay(1);
        return s;
    }

    static async Task Main() {
        bool x = false && await Flag("never", true);
        bool y = true || await Flag("never", false);
        bool z = await Flag("left", true) && await Flag("right", false);
        Console.WriteLine(x + " " + y + " " + z);
        string s = z ? await Text("yes") : await Text("no");
        Console.WriteLine(s);
    }
}
