using System;
using System.Threading.Tasks;

class Program {
    static void Main() {
        const int N = 3;
        const long L = N * 2L;
        const string S = "a" + "b";
        const bool B = N > 2;
        const char C = 'c';
        int[] a = new int[N];
        Console.WriteLine(a.Length + L);
        Console.WriteLine(S + B + C);
    }
}
