using System;
class Program {
    static void Main() {
        int[] xs = { 4, 9, 2 };
        int best = int.MinValue;
        foreach (int x in xs) best = Math.Max(best, x);
        Console.WriteLine(best);
    }
}
