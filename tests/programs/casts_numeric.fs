// Explicit numeric casts: (int) truncates a long, (long) widens, (char) wraps into 16 bits.
using System;

class Program {
    static void Main() {
        long big = 5000000000L;
        Console.WriteLine((int)big);
        long lmin = long.MinValue;
        Console.WriteLine((int)lmin);
        long neg = -1;
        Console.WriteLine((int)neg);
        long x = 4294967295L;
        Console.WriteLine((int)x);
        int i = -5;
        Console.WriteLine((long)i);
        int code = 65 + 65536;
        Console.WriteLine((char)code);
        int w = 97;
        Console.WriteLine((char)w);
        long lw = 98;
        Console.WriteLine((char)lw);
        char c = 'C';
        Console.WriteLine((long)c + 1);
        Console.WriteLine((int)(char)(-1 + w - w + 65536 + 66));
        int m = int.MaxValue;
        Console.WriteLine((long)m + 1);
        Console.WriteLine((long)(m + 1));
    }
}
