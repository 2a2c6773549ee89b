// int.MinValue and long.MinValue: printing, in concatenation, negation, abs by hand, division and modulo by other values.
using System;

class Program {
    static void Main() {
        int imin = int.MinValue;
        long lmin = long.MinValue;
        Console.WriteLine(imin);
        Console.WriteLine(lmin);
        Console.WriteLine("int.MinValue = " + imin);
        Console.WriteLine("long.MinValue = " + lmin);
        Console.WriteLine($"interpolated {imin} {lmin}");
        Console.WriteLine(-imin == imin);
        Console.WriteLine(-lmin == lmin);
        Console.WriteLine(imin / 2);
        Console.WriteLine(imin % 10);
        Console.WriteLine(imin / 1);
        Console.WriteLine(lmin / 10);
        Console.WriteLine(lmin % 10);
        Console.WriteLine(imin - 1);
        Console.WriteLine((long)imin - 1);
        Console.WriteLine(int.MaxValue);
        Console.WriteLine(long.MaxValue);
        long widened = imin;
        Console.WriteLine(widened * 2);
    }
}
