using System;
using System.Threading.Tasks;

class Program {
    static void Main() {
        int a = 1;
        {
            int b = 2;
            a += b;
        }
        {
            int b = 3;
            a += b;
        }
        for (int i = 0; i < 2; i++) {
            int c = i;
            a += c;
        }
        for (int i = 0; i < 2; i++) { a += i; }
        Console.WriteLine(a);
    }
}
