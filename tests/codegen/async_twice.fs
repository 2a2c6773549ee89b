using System;
using System.Threading.Tasks;
class Program {
    static async Task<int> Twice(int x) {
        await Task.Delay(10);
        return 2 * x;
    }
    static async Task Main() {
        int n = await Twice(41);
        Console.WriteLine("n = " + n);
    }
}
