// Tasks started and never awaited still run to completion while Main waits on other things.
using System;
using System.Threading.Tasks;

class Program {
    static int done = 0;

    static async Task Background(int id, int ms) {
        await Task.Delay(ms);
        Console.WriteLine("background " + id + " ran");
        done++;
    }

    static async Task Main() {
        for (int i = 0; i < 4; i++) Background(i, 10 - 2 * i);
        Console.WriteLine("started, nothing awaited");
        await Task.Delay(20);
        Console.WriteLine("done " + done);
    }
}
