// The smallest async program: async Task Main awaiting one Delay and one async method with a result.
using System;
using System.Threading.Tasks;

class Program {
    static async Task<int> Answer() {
        await Task.Delay(10);
        return 42;
    }

    static async Task Main() {
        Console.WriteLine("before");
        await Task.Delay(5);
        Console.WriteLine("after delay");
        int a = await Answer();
        Console.WriteLine("answer " + a);
    }
}
