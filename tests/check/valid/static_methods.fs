using System;
using System.Threading.Tasks;

class Program {
    static int Add(int a, int b) { return a + b; }
    static long Add(long a, long b) { return a + b; }
    static void Hello() { Console.WriteLine("hello"); }

    static void Main() {
        Hello();
        Console.WriteLine(Add(1, 2));
        Console.WriteLine(Add(1L, 2));
        Console.WriteLine(Program.Add(3, 4));
    }
}
