using System;
using System.Threading.Tasks;
class Program {
    static async Task<int> Get(int v) {
        await Task.Delay(v);
        return v;
    }
    static async Task Main() {
        int total = 1;
        total += await Get(2) + await Get(await Get(3));
        if (await Get(1) > 0 && await Get(0) == 0) {
            Console.WriteLine(total);
        }
    }
}
