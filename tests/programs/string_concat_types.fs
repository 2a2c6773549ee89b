// String concatenation with every operand type: int, long, negative numbers, bool (True/False), char, null string, left-to-right grouping.
using System;

class Program {
    static void Main() {
        int i = -3;
        long l = 9000000000L;
        bool b = false;
        char c = '#';
        string n = null;
        Console.WriteLine("i=" + i + " l=" + l + " b=" + b + " c=" + c + " n=[" + n + "]");
        Console.WriteLine(1 + 2 + "3" + 4 + 5);
        Console.WriteLine("" + 1 + 2);
        Console.WriteLine(i + l + "!");
        Console.WriteLine(c + "" + c);
        Console.WriteLine(n + n);
        Console.WriteLine((n + "x").Length);
        Console.WriteLine(true + " " + 'q' + " " + long.MinValue);
        string s = "start";
        s = s + i;
        s = b + s;
        Console.WriteLine(s);
        Console.WriteLine("tab\there, quote\" backslash\\ done");
    }
}
