// Static fields with initializers, static methods calling each other, a static counter across instances, class constants.
using System;

class MathUtil {
    public const int Base = 10;
    public static int calls;
    public static long seed = 12345;

    public static int Digits(long n) {
        calls++;
        if (n < 0) n = -n;
        int d = 1;
        while (n >= Base) {
            n /= Base;
            d++;
        }
        return d;
    }

    public static long Next() {
        calls++;
        seed = (seed * 1103515245 + 12345) % 2147483648L;
        return seed;
    }
}

class Program {
    static int localStatic = 7;

    static void Main() {
        Console.WriteLine(MathUtil.Digits(0));
        Console.WriteLine(MathUtil.Digits(999));
        Console.WriteLine(MathUtil.Digits(-123456789012L));
        Console.WriteLine(MathUtil.Next());
        Console.WriteLine(MathUtil.Next());
        Console.WriteLine(MathUtil.calls);
        Console.WriteLine(MathUtil.Base * localStatic);
        localStatic += MathUtil.Base;
        Console.WriteLine(localStatic);
    }
}
