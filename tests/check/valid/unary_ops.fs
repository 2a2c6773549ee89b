using System;
using System.Threading.Tasks;

class Program {
    static void Main() {
        int a = 5;
        int b = -a;
        int c = +a;
        int d = ~a;
        long e = -5L;
        int f = -'a';
        bool g = !(a > 3);
        Console.WriteLine(b + c + d + e + f);
        Console.WriteLine(g);
    }
}
