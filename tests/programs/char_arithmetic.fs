// char: printing, comparison, widening to int in arithmetic, explicit casts between char, int and long.
using System;

class Program {
    static void Main() {
        char c = 'A';
        Console.WriteLine(c);
        Console.WriteLine(c + 1);
        Console.WriteLine((char)(c + 1));
        Console.WriteLine((int)c);
        int code = 'z';
        Console.WriteLine(code);
        long lc = 'q';
        Console.WriteLine(lc);
        Console.WriteLine('a' < 'b');
        Console.WriteLine('a' == 97);
        Console.WriteLine('9' - '0');
        char d = (char)100;
        Console.WriteLine(d);
        string s = "";
        for (char x = 'a'; x <= 'e'; x++) s = s + x;
        Console.WriteLine(s);
        Console.WriteLine("" + 'x' + 'y');
        Console.WriteLine('x' + 'y');
        Console.WriteLine("sum " + ('x' + 'y'));
        char nl = '\n';
        Console.WriteLine((int)nl);
        Console.WriteLine('\'' + "" + '\\');
    }
}
