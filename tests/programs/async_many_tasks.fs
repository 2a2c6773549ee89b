// 10,000 concurrent tasks each doing 10 awaits (Yield and Delay), then awaited one by one.
using System;
using System.Threading.Tasks;

class Program {
    static int finished = 0;

    static async Task<int> Work(int id) {
        int s = 0;
        for (int i = 0; i < 10; i++) {
            if (i % 2 == 0) await Task.Yield();
            else await Task.Delay(id % 7 + 1);
            s += i;
        }
        finished++;
        return s + id % 3;
    }

    static async Task Main() {
        int n = 10000;
        Task<int>[] ts = new Task<int>[n];
        for (int i = 0; i < n; i++) ts[i] = Work(i);
        Console.WriteLine("started " + n + ", finished " + finished);
        long sum = 0;
        for (int i = 0; i < n; i++) sum += await ts[i];
        Console.WriteLine("finished " + finished + ", sum " + sum);
    }
}
