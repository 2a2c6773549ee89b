// Timers due at the same virtual time fire in registration order (also when registered at different times for the same deadline).
using System;
using System.Threading.Tasks;

class Program {
    static async Task At(string name, int ms) {
        await Task.Delay(ms);
        Console.WriteLine(name);
    }

    static async Task Late(string name) {
        await Task.Delay(5);
        Task t = At(name + " (registered at 5 for 10)", 5);
        await t;
    }

    static async Task Main() {
        Task x = At("x (registered at 0 for 10)", 10);
        Task l = Late("l");
        Task y = At("y (registered at 0 for 10)", 10);
        Task z = At("z (registered at 0 for 5)", 5);
        await Task.WhenAll(x, l, y, z);
        Console.WriteLine("done");
    }
}
