using System;
using System.Threading.Tasks;

class Program {
    static string F(long x) { return "long"; }
    static string F(string s) { return "string"; }
    static string G(int x) { return "int"; }
    static string G(long x) { return "long"; }
    static string H(int a, long b) { return "int,long"; }
    static string H(long a, long b) { return "long,long"; }

    static void Main() {
        Console.WriteLine(F(1));
        Console.WriteLine(F('c'));
        Console.WriteLine(F("s"));
        Console.WriteLine(F(null));
        Console.WriteLine(G(1));
        Console.WriteLine(G('c'));
        Console.WriteLine(G(1L));
        Console.WriteLine(H(1, 2));
        Console.WriteLine(H(1L, 2));
    }
}
