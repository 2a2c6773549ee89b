using System;
using System.Threading.Tasks;

class Program {
    static void Main() {
        int a = 2 * 3 + 4;
        long b = 1L << 62;
        int c = 7 % 3;
        bool d = 3 > 2 && 1 < 2;
        string e = "a" + "b" + "c";
        Console.WriteLine(a + b + c);
        Console.WriteLine(d + e);
    }
}
