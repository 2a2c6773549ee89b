// A chain of 200 nested async calls, each suspending, completing from the innermost out (each completion queues its awaiter).
using System;
using System.Threading.Tasks;

class Program {
    static int resumed = 0;

    static async Task<int> Nest(int depth) {
        if (depth == 0) {
            await Task.Delay(5);
            return 0;
        }
        int below = await Nest(depth - 1);
        resumed++;
        return below + 1;
    }

    static async Task Main() {
        Task<int> t = Nest(200);
        Console.WriteLine("started, completed: " + t.IsCompleted);
        Console.WriteLine("depth " + await t + ", resumed " + resumed);
    }
}
