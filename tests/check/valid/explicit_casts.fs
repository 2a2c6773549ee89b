using System;
using System.Threading.Tasks;

class Program {
    static void Main() {
        long l = 1L << 40;
        int i = (int)l;
        char c = (char)65;
        int back = (int)'z';
        long big = (long)i * 2;
        char fromLong = (char)l;
        Console.WriteLine(i);
        Console.WriteLine(c);
        Console.WriteLine(back + big);
        Console.WriteLine(fromLong == 'x');
    }
}
