// IsCompleted before and after a task finishes, observed from another task polling it.
using System;
using System.Threading.Tasks;

class Program {
    static async Task<int> Slow() {
        await Task.Delay(10);
        return 1;
    }

    static async Task Main() {
        Task<int> t = Slow();
        int polls = 0;
        while (!t.IsCompleted) {
            polls++;
            await Task.Delay(3);
        }
        Console.WriteLine("completed after " + polls + " polls");
        Console.WriteLine(t.IsCompleted + " " + t.Result);
    }
}
