// exit: 3
// stderr: System.IndexOutOfRangeException
// An array index out of range inside an async loop fails with exit 3.
using System;
using System.Threading.Tasks;

class Program {
    static async Task<int> SumFirst(int[] a, int n) {
        int s = 0;
        for (int i = 0; i < n; i++) {
            await Task.Yield();
            s += a[i];
            Console.WriteLine("a[" + i + "] ok");
        }
        return s;
    }

    static async Task Main() {
        int[] a = new int[] { 1, 2, 3 };
        Console.WriteLine(await SumFirst(a, 3));
        Console.WriteLine(await SumFirst(a, 4));
    }
}
