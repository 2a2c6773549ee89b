// Two tasks take turns with Task.Yield(): every iteration is one await-and-resume
// cycle per task. The benchmark compiles this with ROUNDS replaced.
using System;
using System.Threading.Tasks;

class Program {
    static async Task Player(int rounds) {
        for (int i = 0; i < rounds; i++) {
            await Task.Yield();
        }
    }

    static async Task Main() {
        Task a = Player(ROUNDS);
        Task b = Player(ROUNDS);
        await a;
        await b;
        Console.WriteLine("done");
    }
}
