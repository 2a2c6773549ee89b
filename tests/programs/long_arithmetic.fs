// long arithmetic: wrap-around at 64 bits, mixing int and long (widening), int overflow before widening.
using System;

class Program {
    static void Main() {
        long max = long.MaxValue;
        long min = long.MinValue;
        Console.WriteLine(max);
        Console.WriteLine(min);
        Console.WriteLine(max + 1);
        Console.WriteLine(min - 1);
        Console.WriteLine(-min);
        Console.WriteLine(max * 3);
        int a = 100000;
        long wrong = a * a;
        long right = (long)a * a;
        Console.WriteLine(wrong);
        Console.WriteLine(right);
        long f = 1;
        for (int i = 1; i <= 20; i++) f = f * i;
        Console.WriteLine("20! = " + f);
        for (int i = 21; i <= 25; i++) f = f * i;
        Console.WriteLine("25! wrapped = " + f);
        int small = -7;
        long mixed = small + 5000000000L;
        Console.WriteLine(mixed);
    }
}
