// Shifts: << and >> (arithmetic) on int and long; C# masks the count (int: & 31, long: & 63).
using System;

class Program {
    static void Main() {
        int one = 1;
        long lone = 1;
        int neg = -256;
        Console.WriteLine(one << 4);
        Console.WriteLine(one << 31);
        Console.WriteLine(neg >> 4);
        Console.WriteLine(neg << 2);
        Console.WriteLine(-1 >> 28);
        int n = 32;
        Console.WriteLine(one << n);
        n = 33;
        Console.WriteLine(one << n);
        n = 40;
        Console.WriteLine(one << n);
        Console.WriteLine(neg >> n);
        n = -1;
        Console.WriteLine(one << n);
        Console.WriteLine(lone << 40);
        Console.WriteLine(lone << 63);
        n = 64;
        Console.WriteLine(lone << n);
        n = 65;
        Console.WriteLine(lone << n);
        long lneg = -1099511627776L;
        Console.WriteLine(lneg >> 8);
        n = 72;
        Console.WriteLine(lneg >> n);
        Console.WriteLine(int.MinValue >> 31);
        Console.WriteLine(long.MinValue >> 63);
        int x = 5;
        x <<= 3;
        Console.WriteLine(x);
        x >>= 1;
        Console.WriteLine(x);
    }
}
