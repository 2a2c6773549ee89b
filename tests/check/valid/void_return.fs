using System;
using System.Threading.Tasks;

class Program {
    static void F(int x) {
        if (x > 0) return;
        Console.WriteLine("non-positive");
    }

    static void Main() {
        F(1);
        F(-1);
    }
}
