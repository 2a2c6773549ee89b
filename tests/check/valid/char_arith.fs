using System;
using System.Threading.Tasks;

class Program {
    static void Main() {
        char a = 'a';
        char b = 'b';
        int sum = a + b;
        var diff = b - a;
        char next = (char)(a + 1);
        a++;
        Console.WriteLine(sum);
        Console.WriteLine(diff);
        Console.WriteLine(next);
        Console.WriteLine(a);
    }
}
