// Tasks sharing static fields and an array: the single-threaded event loop makes every interleaving deterministic.
using System;
using System.Threading.Tasks;

class Program {
    static int[] slots = new int[6];
    static int next = 0;
    static string log = "";

    static async Task Writer(int id, int ms) {
        for (int i = 0; i < 2; i++) {
            await Task.Delay(ms);
            slots[next] = id;
            next++;
            log += id;
        }
    }

    static async Task Main() {
        Task a = Writer(1, 3);
        Task b = Writer(2, 2);
        Task c = Writer(3, 3);
        await Task.WhenAll(a, b, c);
        string s = "";
        for (int i = 0; i < slots.Length; i++) s += slots[i] + " ";
        Console.WriteLine(s);
        Console.WriteLine(log);
    }
}
