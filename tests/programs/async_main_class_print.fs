// Async code inside a program that prints with FluxSharp's print: async static methods awaited from async Main.
using System;
using System.Threading.Tasks;

class Program {
    static async Task<string> Stage(int n) {
        await Task.Delay(n);
        return "stage " + n;
    }

    static async Task Main() {
        print(await Stage(2));
        print(await Stage(1));
        Task<string> t = Stage(3);
        print(t.IsCompleted);
        print(await t);
    }
}
