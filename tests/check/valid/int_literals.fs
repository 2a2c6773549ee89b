using System;
using System.Threading.Tasks;

class Program {
    static void Main() {
        int a = 0;
        int b = 2147483647;
        int c = -2147483648;
        long d = 2147483648;
        long e = -9223372036854775808;
        long f = 5L;
        var g = 3000000000;
        Console.WriteLine(a + b + c + d + e + f + g);
    }
}
