using System;
using System.Threading.Tasks;

class Program {
    static void Main() {
        int x = 1;
        if (x) Console.WriteLine("x");
        while (x) { }
    }
}
