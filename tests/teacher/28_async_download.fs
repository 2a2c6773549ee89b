using System;
using System.Threading.Tasks;
using System.Collections.Generic;
class Program {
    static async Task<int> Download(string name, int ms) {
        Console.WriteLine("start " + name);
        await Task.Delay(ms);
        Console.WriteLine("done " + name);
        return ms;
    }
    static async Task Main() {
        var tasks = new List<Task<int>> { Download("a", 30), Download("b", 10), Download("c", 20) };
        int total = 0;
        foreach (var t in tasks) total += await t;
        Console.WriteLine("total " + total);
    }
}
