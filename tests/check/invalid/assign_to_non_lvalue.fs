using System;
using System.Threading.Tasks;

class Program {
    static int F() { return 1; }
    static void Main() {
        F() = 3;
        5 = 3;
        "abc"[0] = 'x';
        int[] a = new int[1];
        a.Length = 3;
    }
}
