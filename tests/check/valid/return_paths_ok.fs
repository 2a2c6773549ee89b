using System;
using System.Threading.Tasks;

class Program {
    static int A(int x) { if (x > 0) return 1; else return 2; }
    static int B() { while (true) { } }
    static int C(int x) { for (;;) { if (x > 3) return x; x++; } }
    static int D(bool b) { if (b) { return 1; } return 0; }
    static int E() { do { return 1; } while (true); }
    static int F(int x) { while (true) { if (x > 3) return x; x++; } }
    static int G() { return 1; Console.WriteLine("unreachable"); }

    static void Main() {
        Console.WriteLine(A(1) + C(1) + D(true) + E() + F(0) + G());
    }
}
