// Async instance methods use this and fields across awaits; two objects run interleaved.
using System;
using System.Threading.Tasks;

class Counter {
    private string name;
    private int count;

    public Counter(string name) { this.name = name; }

    public async Task<int> CountTo(int n, int ms) {
        for (int i = 0; i < n; i++) {
            await Task.Delay(ms);
            count++;
            Console.WriteLine(name + " " + count);
        }
        return count;
    }
}

class Program {
    static async Task Main() {
        Counter a = new Counter("a");
        Counter b = new Counter("b");
        Task<int> ta = a.CountTo(3, 4);
        Task<int> tb = b.CountTo(2, 5);
        Console.WriteLine("totals " + await ta + " " + await tb);
    }
}
