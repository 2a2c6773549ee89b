using System;
using System.Threading.Tasks;

class Program {
    static int F() { return "x"; }
    static void Main() {
        Console.WriteLine(F());
    }
}
