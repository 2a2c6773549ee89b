// Nested try statements inside loops, with awaits in the try blocks, the catches and the finally blocks: resuming inside a try makes its handler records again, so each exception lands in the right catch.
using System;
using System.Threading.Tasks;

class Program {
    static async Task<int> Step(int i, int j) {
        await Task.Yield();
        if ((i + j) % 3 == 0) throw new InvalidOperationException("step " + i + "," + j);
        if (i == j) throw new ArgumentException("diagonal " + i);
        return i * 10 + j;
    }

    static async Task<int> Grid(string name) {
        int total = 0;
        for (int i = 1; i < 4; i++) {
            try {
                for (int j = 1; j < 4; j++) {
                    try {
                        total += await Step(i, j);
                    } catch (InvalidOperationException e) {
                        Console.WriteLine(name + " inner catch: " + e.Message);
                        await Task.Yield();
                        if (j == 2) continue;
                    } finally {
                        Console.WriteLine(name + " inner finally " + i + "," + j);
                    }
                    Console.WriteLine(name + " after inner " + i + "," + j);
                }
            } catch (ArgumentException e) {
                Console.WriteLine(name + " outer catch: " + e.Message);
                if (i == 3) break;
            }
        }
        return total;
    }

    static async Task Main() {
        Task<int> a = Grid("a");
        Task<int> b = Grid("b");
        Console.WriteLine("totals " + await a + " " + await b);
    }
}
