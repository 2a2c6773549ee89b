// The stepping engine's benchmark program: async workers that compute between
// awaits (a realistic lesson mix: loops, calls, string output, timers, yields).
using System;
using System.Threading.Tasks;

class Program {
    static int Work(int seed, int n) {
        int x = seed;
        for (int i = 0; i < n; i++) {
            x = (x * 1103515245 + 12345) % 1000003;
            if (x < 0) x = -x;
        }
        return x;
    }

    static async Task<int> Worker(string name, int rounds, int n) {
        int total = 0;
        for (int r = 0; r < rounds; r++) {
            total = (total + Work(r, n)) % 1000003;
            if (r % 2 == 0) await Task.Delay(1); else await Task.Yield();
        }
        Console.WriteLine(name + " done " + total);
        return total;
    }

    static async Task Main() {
        Task<int> a = Worker("a", ROUNDS, WORK);
        Task<int> b = Worker("b", ROUNDS, WORK);
        int x = await a;
        int y = await b;
        Console.WriteLine("sum " + (x + y));
    }
}
