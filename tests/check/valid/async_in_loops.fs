using System;
using System.Threading.Tasks;

class Program {
    static async Task Main() {
        int total = 0;
        for (int i = 0; i < 3; i++) {
            await Task.Delay(i);
            total += i;
        }
        do { await Task.Yield(); total--; } while (total > 0);
        Console.WriteLine(total);
    }
}
