using System;
using System.Threading.Tasks;

class Program {
    static void Main() {
        int a = 5;
        int b = a > 3 ? 10 : 20;
        long c = a > 3 ? 1 : 2L;
        string s = a > 3 ? "big" : null;
        string t = a < 3 ? null : "x";
        Console.WriteLine(b + c);
        Console.WriteLine(s + t);
    }
}
