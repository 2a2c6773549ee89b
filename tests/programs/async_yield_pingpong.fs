// Two tasks alternate strictly through Task.Yield(), which appends the continuation to the back of the ready queue.
using System;
using System.Threading.Tasks;

class Program {
    static async Task Player(string name, int rounds) {
        for (int i = 0; i < rounds; i++) {
            Console.WriteLine(name + " " + i);
            await Task.Yield();
        }
        Console.WriteLine(name + " done");
    }

    static async Task Main() {
        Task ping = Player("ping", 4);
        Task pong = Player("pong", 3);
        await ping;
        await pong;
        Console.WriteLine("end");
    }
}
