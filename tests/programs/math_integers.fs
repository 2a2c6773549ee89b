// exit: 5
// stderr: System.OverflowException
// Math.Max, Min, Abs and Sign on int and long (lib/System.fs), overloads chosen by the argument types; Math.Abs(int.MinValue) throws OverflowException as in C#.
using System;

class Program {
    static void Main() {
        Console.WriteLine(Math.Max(3, 7) + " " + Math.Min(3, 7) + " " + Math.Abs(-5) + " " + Math.Max(2L, 9));
        Console.WriteLine(Math.Sign(-3) + " " + Math.Sign(0) + " " + Math.Sign(12L) + " " + Math.Max('a', 'b'));
        long big = 5000000000L;
        Console.WriteLine(Math.Min(big, 7) + " " + Math.Abs(-big));
        int m = int.MinValue;
        try {
            Console.WriteLine(Math.Abs(m));
        } catch (OverflowException e) {
            Console.WriteLine("OverflowException: " + e.Message);
        }
        int best = int.MinValue;
        int[] xs = { 4, -9, 17, 3 };
        foreach (int x in xs) best = Math.Max(best, Math.Abs(x));
        Console.WriteLine(best);
        Console.WriteLine(Math.Abs(long.MinValue));
    }
}
