using System;
class Program {
    static int Max(params int[] values) {
        int best = values[0];
        foreach (int v in values) best = Math.Max(best, v);
        return best;
    }
    static void Main() {
        Console.WriteLine(Max(3, 9, 4));
        Console.WriteLine(Max(new int[] { -1, -5 }));
    }
}
