// The UI at 10^6 awaits (benches/tui.rs): two async workers that each await
// Task.Delay(1) 250,000 times and Task.Yield() 250,000 times, so half a
// million timer promises are made; Main awaits both and prints one line.
// Valid C# too.
using System;
using System.Threading.Tasks;

class Program {
    static async Task<int> Worker(int rounds) {
        int done = 0;
        for (int i = 0; i < rounds; i++) {
            await Task.Delay(1);
            await Task.Yield();
            done = done + 2;
        }
        return done;
    }

    static async Task Main() {
        Task<int> a = Worker(250000);
        Task<int> b = Worker(250000);
        int x = await a;
        int y = await b;
        Console.WriteLine("awaits " + (x + y));
    }
}
