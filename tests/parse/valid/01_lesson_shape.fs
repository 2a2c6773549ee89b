using System;                    // accepted and ignored
using System.Threading.Tasks;    // accepted and ignored

class Counter {
    private int count;
    public Counter(int start) { count = start; }
    public virtual int Next() { count++; return count; }
}

class Program {
    static async Task<int> Twice(int x) {
        await Task.Delay(10);
        return 2 * x;
    }
    static async Task Main() {
        Counter c = new Counter(40);
        int n = await Twice(c.Next());
        Console.WriteLine("n = " + n);
    }
}
