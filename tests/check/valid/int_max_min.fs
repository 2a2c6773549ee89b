using System;
using System.Threading.Tasks;

class Program {
    static void Main() {
        int a = int.MaxValue;
        int b = int.MinValue;
        long c = long.MaxValue;
        long d = long.MinValue;
        char e = char.MaxValue;
        Console.WriteLine(a);
        Console.WriteLine(b);
        Console.WriteLine(c + d);
        Console.WriteLine((int)e);
    }
}
