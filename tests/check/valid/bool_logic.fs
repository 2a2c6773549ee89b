using System;
using System.Threading.Tasks;

class Program {
    static void Main() {
        bool a = true;
        bool b = !a;
        bool c = a && b;
        bool d = a || b;
        bool e = a == b;
        bool f = a != b;
        Console.WriteLine(a);
        Console.WriteLine(c || d && e || f);
    }
}
