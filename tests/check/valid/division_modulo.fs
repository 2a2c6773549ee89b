using System;
using System.Threading.Tasks;

class Program {
    static void Main() {
        int a = 17 / 5;
        int b = -17 % 5;
        long c = 17L / -5;
        int d = int.MinValue;
        int zero = 0;
        Console.WriteLine(a + b + c + d + zero);
    }
}
