using System;
using System.Threading.Tasks;

class Program {
    static void Main() {
        long a = 5;
        int b = 5;
        Console.WriteLine(a == b);
        Console.WriteLine(a != 6);
        Console.WriteLine('a' == 97);
        Console.WriteLine(b >= 'a');
    }
}
