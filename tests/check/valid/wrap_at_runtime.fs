using System;
using System.Threading.Tasks;

class Program {
    static void Main() {
        int max = int.MaxValue;
        int wrapped = max + 1;
        long lmax = long.MaxValue;
        long lw = lmax + 1;
        Console.WriteLine(wrapped);
        Console.WriteLine(lw);
    }
}
