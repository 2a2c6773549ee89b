using System;
using System.Threading.Tasks;

class Program {
    static bool F() { return true; }
    static void Main() {
        int x;
        if (F()) x = 1;
        Console.WriteLine(x);
    }
}
