using System;
using System.Threading.Tasks;

class Program {
    static void F() {
        return;
        Console.WriteLine("never");
    }

    static void Main() {
        F();
        while (true) {
            break;
            Console.WriteLine("never");
        }
    }
}
