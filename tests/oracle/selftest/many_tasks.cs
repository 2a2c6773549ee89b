// 10,000 concurrent tasks, 10 awaits each (Yield and Delay), joined with WhenAll.
using System;
using System.Threading.Tasks;

class Program {
    static int finished;

    static async Task<int> Work(int id) {
        int s = 0;
        for (int i = 0; i < 10; i++) {
            if (i % 2 == 0) await Task.Yield();
            else await Task.Delay(id % 7);
            s += i;
        }
        finished++;
        return s;
    }

    static async Task Main() {
        Task<int>[] ts = new Task<int>[10000];
        for (int i = 0; i < 10000; i++) ts[i] = Work(i);
        Console.WriteLine("started, finished so far: " + finished);
        await Task.WhenAll(ts);
        long sum = 0;
        for (int i = 0; i < 10000; i++) sum += ts[i].Result;
        Console.WriteLine("finished " + finished + " sum " + sum + " at " + FluxOracle.VirtualTime.Now);
    }
}
