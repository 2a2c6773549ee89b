// Console.WriteLine/Write of every type: int, long, bool, char, string, null string, negative numbers.
using System;

class Program {
    static void Main() {
        int i = -42;
        long l = 1234567890123L;
        bool t = true;
        bool f = false;
        char c = 'Z';
        string s = "text";
        string n = null;
        Console.WriteLine(i);
        Console.WriteLine(l);
        Console.WriteLine(t);
        Console.WriteLine(f);
        Console.WriteLine(c);
        Console.WriteLine(s);
        Console.WriteLine(n);
        Console.WriteLine(0);
        Console.WriteLine(-1L);
        Console.Write(i);
        Console.Write(c);
        Console.Write(t);
        Console.Write(l);
        Console.WriteLine(s);
    }
}
