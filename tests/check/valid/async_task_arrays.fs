using System;
using System.Threading.Tasks;

class Program {
    static async Task<int> V(int x) { await Task.Delay(x); return x; }
    static async Task Main() {
        Task<int>[] ts = new Task<int>[3];
        for (int i = 0; i < 3; i++) ts[i] = V(i);
        int[] rs = await Task.WhenAll(ts);
        int sum = 0;
        for (int i = 0; i < rs.Length; i++) sum += await ts[i] + rs[i];
        Console.WriteLine(sum);
    }
}
