// int arithmetic wraps around (C# unchecked): +, -, *, unary minus, ++ and -- at the limits.
using System;

class Program {
    static void Main() {
        int max = int.MaxValue;
        int min = int.MinValue;
        Console.WriteLine(max + 1);
        Console.WriteLine(min - 1);
        Console.WriteLine(max * 2);
        Console.WriteLine(-min);
        int big = 100000;
        Console.WriteLine(big * big);
        int x = max;
        x++;
        Console.WriteLine(x);
        x--;
        Console.WriteLine(x);
        int m = 65536;
        Console.WriteLine(m * m);
        Console.WriteLine(46341 * big / big);
        int f = 1;
        for (int i = 1; i <= 20; i++) f = f * i;
        Console.WriteLine("20! as int = " + f);
    }
}
