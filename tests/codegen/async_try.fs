using System;
using System.Threading.Tasks;

class Program {
    static async Task<int> Risky(int n) {
        await Task.Yield();
        if (n > 1) throw new InvalidOperationException("too big");
        return n;
    }

    static async Task<int> Safe(int n) {
        try {
            return await Risky(n);
        } catch (InvalidOperationException e) {
            Console.WriteLine(e.Message);
            await Task.Yield();
            return -1;
        } finally {
            Console.WriteLine("safe done");
        }
    }

    static async Task Main() {
        Console.WriteLine(await Safe(1) + await Safe(2));
    }
}
