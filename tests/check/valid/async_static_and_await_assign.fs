using System;
using System.Threading.Tasks;

class Program {
    static int counter = 1;
    static async Task<int> Inc(int x) { await Task.Yield(); return x + 1; }
    static async Task Main() {
        counter = await Inc(counter);
        counter += await Inc(1);
        Console.WriteLine(counter);
    }
}
