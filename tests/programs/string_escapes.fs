// Escape sequences in string and char literals: \n \t \" \' \\ \0 printed as their bytes.
using System;

class Program {
    static void Main() {
        Console.WriteLine("line1\nline2");
        Console.WriteLine("a\tb");
        Console.WriteLine("say \"hi\"");
        Console.WriteLine("back\\slash");
        Console.WriteLine('\'');
        Console.WriteLine('\\');
        Console.WriteLine("it's");
        string s = "x\ny";
        Console.WriteLine(s.Length);
        Console.WriteLine((int)s[1]);
        Console.WriteLine((int)'\t');
        Console.WriteLine((int)'\0');
    }
}
