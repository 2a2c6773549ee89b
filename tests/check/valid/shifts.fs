using System;
using System.Threading.Tasks;

class Program {
    static void Main() {
        int a = 1 << 10;
        long b = 1L << 40;
        int c = -16 >> 2;
        long d = b >> 3;
        int count = 3;
        int e = a << count;
        long f = b << count;
        char ch = 'a';
        int g = ch << 1;
        Console.WriteLine(a + c + e + g);
        Console.WriteLine(d + f);
    }
}
