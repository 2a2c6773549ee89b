// Tasks kept in a Task<int>[] and awaited one by one in index order, whatever order they complete in.
using System;
using System.Threading.Tasks;

class Program {
    static async Task<int> Job(int i) {
        await Task.Delay(10 - i);
        Console.WriteLine("job " + i + " done");
        return i * 10;
    }

    static async Task Main() {
        Task<int>[] jobs = new Task<int>[5];
        for (int i = 0; i < jobs.Length; i++) jobs[i] = Job(i);
        int sum = 0;
        for (int i = 0; i < jobs.Length; i++) {
            int v = await jobs[i];
            Console.WriteLine("awaited job " + i);
            sum += v;
        }
        Console.WriteLine("sum " + sum);
    }
}
