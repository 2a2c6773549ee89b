using System;
using System.Threading.Tasks;

class Program {
    static bool Check() { return true; }

    static void Main() {
        int a;
        if (Check()) a = 1; else a = 2;
        Console.WriteLine(a);
        int b;
        if (Check() && (b = 5) > 0) Console.WriteLine(b);
        int c;
        if (!Check() || (c = 3) > 0) { } else { Console.WriteLine(c); }
        int d;
        while (true) { d = 4; break; }
        Console.WriteLine(d);
        int e;
        do { e = 1; } while (e < 0);
        Console.WriteLine(e);
        int f;
        if (true) f = 1;
        Console.WriteLine(f);
        int g;
        for (;;) { g = 3; break; }
        Console.WriteLine(g);
        int h = 0, i = h + 1;
        Console.WriteLine(i);
    }
}
