// oracle: skip — FluxSharp-only: the declaration form int[10] a; (an array of 10 zeroed elements)
using System;

class Program {
    static void Main() {
        int[10] a;
        Console.WriteLine(a.Length);
        Console.WriteLine(a[9]);
        for (int i = 0; i < a.Length; i++) a[i] = i * 2;
        Console.WriteLine(a[9]);
        bool[3] flags;
        Console.WriteLine(flags[2]);
        string[2] names;
        Console.WriteLine(names[0] == null);
    }
}
