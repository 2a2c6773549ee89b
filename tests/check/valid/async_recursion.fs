using System;
using System.Threading.Tasks;

class Program {
    static async Task<int> Sum(int n) {
        if (n == 0) return 0;
        return n + await Sum(n - 1);
    }
    static async Task Main() {
        Console.WriteLine(await Sum(5));
    }
}
