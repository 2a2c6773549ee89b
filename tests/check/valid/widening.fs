using System;
using System.Threading.Tasks;

class Program {
    static void Main() {
        int i = 5;
        long l = i;
        char c = 'a';
        int ci = c;
        long cl = c;
        l = l + i;
        Console.WriteLine(l + ci + cl);
    }
}
