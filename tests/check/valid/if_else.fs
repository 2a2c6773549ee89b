using System;
using System.Threading.Tasks;

class Program {
    static void Main() {
        int x = 3;
        if (x > 2) Console.WriteLine("a");
        if (x > 5) Console.WriteLine("b"); else Console.WriteLine("c");
        if (x == 1) {
            Console.WriteLine("one");
        } else if (x == 3) {
            Console.WriteLine("three");
        } else {
            Console.WriteLine("other");
        }
    }
}
