using System;
using System.Threading.Tasks;

class Program {
    static void Main() {
        Console.WriteLine();
        Console.WriteLine(1);
        Console.WriteLine(1L);
        Console.WriteLine(true);
        Console.WriteLine('c');
        Console.WriteLine("s");
        Console.Write(1);
        Console.Write("x");
        Console.Write('\n');
        string n = null;
        Console.WriteLine(n);
    }
}
