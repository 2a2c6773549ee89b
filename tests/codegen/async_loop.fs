using System;
using System.Threading.Tasks;
class Program {
    static async Task<long> Sum(int n) {
        long sum = 0;
        int i = 0;
        while (i < n) {
            sum += i;
            await Task.Delay(1);
            i++;
        }
        return sum;
    }
    static async Task Main() {
        Task<long> a = Sum(3);
        Task<long> b = Sum(4);
        long[] both = await Task.WhenAll(a, b);
        Console.WriteLine(both[0] + both[1]);
    }
}
