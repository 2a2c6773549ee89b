using System;
using System.Threading.Tasks;

class Program {
    static void Main() {
        int[] a = new int[5];
        long[] b = new long[] { 1, 2, 3 };
        string[] c = new string[2];
        bool[] d = new bool[3];
        char[] e = new char[] { 'a', 'b' };
        int[] f = new int[3] { 1, 2, 3 };
        a[0] = 5;
        b[1] = a[0];
        c[0] = "x";
        d[2] = true;
        Console.WriteLine(a.Length + b.Length + c.Length + d.Length + e.Length + f.Length);
        Console.WriteLine(b[1] + c[0] + d[2] + e[1]);
    }
}
