// Awaits inside for/while/do bodies: loop variables and accumulators survive every suspension.
using System;
using System.Threading.Tasks;

class Program {
    static async Task<int> Twice(int x) {
        await Task.Yield();
        return 2 * x;
    }

    static async Task Main() {
        int sum = 0;
        for (int i = 0; i < 5; i++) {
            sum += await Twice(i);
            await Task.Delay(1);
        }
        Console.WriteLine("for sum " + sum);
        long prod = 1;
        int k = 1;
        while (k <= 5) {
            prod *= await Twice(k);
            k++;
        }
        Console.WriteLine("while prod " + prod);
        string s = "";
        int n = 0;
        do {
            s += await Twice(n);
            s += ",";
            n++;
        } while (n < 4);
        Console.WriteLine("do " + s);
        for (int i = 0; i < 10; i++) {
            if (i % 3 == 0) continue;
            if (await Twice(i) > 14) break;
            Console.Write(i + " ");
        }
        Console.WriteLine();
    }
}
