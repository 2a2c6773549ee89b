using System;
using System.Threading.Tasks;

class Program {
    static void Main() {
        int a = 12 & 10;
        int b = 12 | 10;
        int c = 12 ^ 10;
        int d = ~12;
        long e = 12L & 10;
        bool t = true & false;
        bool u = true | false;
        bool v = true ^ true;
        Console.WriteLine(a + b + c + d);
        Console.WriteLine(e);
        Console.WriteLine(t || u || v);
    }
}
