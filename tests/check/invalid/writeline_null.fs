using System;

class Program {
    static void Main() {
        Console.WriteLine(null);
        string s = null;
        Console.WriteLine(s);
    }
}
