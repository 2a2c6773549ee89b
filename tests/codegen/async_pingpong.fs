using System;
using System.Threading.Tasks;
class Program {
    static async Task Player(string name, int rounds) {
        for (int i = 0; i < rounds; i++) {
            Console.WriteLine(name + " " + i);
            await Task.Yield();
        }
    }
    static async Task Main() {
        Task ping = Player("ping", 3);
        Task pong = Player("pong", 3);
        await Task.WhenAll(ping, pong);
    }
}
