using System;
using System.Threading.Tasks;

class Program {
    static int F() { return 0; }
    static int F(int a) { return a; }
    static int F(int a, int b) { return a + b; }

    static void Main() {
        Console.WriteLine(F() + F(1) + F(1, 2));
    }
}
