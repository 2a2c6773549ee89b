using System;
using System.Threading.Tasks;

class Program {
    static void Main() {
        int[] a = new int[4];
        long i = 2;
        a[i] = 7;
        int[] b = new int[i];
        Console.WriteLine(a[2] + b.Length);
    }
}
