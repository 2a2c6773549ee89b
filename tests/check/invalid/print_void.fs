using System;
using System.Threading.Tasks;

class Program {
    static void F() { }
    static void Main() {
        Console.WriteLine(F());
        string s = "a" + F();
    }
}
