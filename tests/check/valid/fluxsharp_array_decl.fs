using System;
using System.Threading.Tasks;

class Program {
    static void Main() {
        int[10] a;
        a[3] = 4;
        Console.WriteLine(a[3] + a.Length);
    }
}
