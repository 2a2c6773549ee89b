// bool values: !, ==, != on bools, printing True/False, bools in conditions and in concatenation.
using System;

class Program {
    static bool IsEven(int n) {
        return n % 2 == 0;
    }

    static void Main() {
        bool t = true;
        bool f = !t;
        Console.WriteLine(t);
        Console.WriteLine(f);
        Console.WriteLine(t == f);
        Console.WriteLine(t != f);
        Console.WriteLine(!f == t);
        Console.WriteLine("even(4)=" + IsEven(4) + " even(7)=" + IsEven(7));
        bool x = 3 > 2;
        if (x) Console.WriteLine("3 > 2");
        if (!x) Console.WriteLine("not reached");
        bool both = IsEven(2) && !IsEven(3);
        Console.WriteLine(both);
        bool[] flags = new bool[3];
        flags[1] = true;
        Console.WriteLine(flags[0] + " " + flags[1] + " " + flags[2]);
        Console.WriteLine($"{t} and {f}");
    }
}
