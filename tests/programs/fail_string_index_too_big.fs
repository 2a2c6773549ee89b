// exit: 3
// stderr: System.IndexOutOfRangeException
// A string index equal to Length fails with IndexOutOfRangeException (exit 3).
using System;

class Program {
    static void Main() {
        string s = "abc" + "de";
        Console.WriteLine(s[4]);
        Console.WriteLine(s[s.Length]);
        Console.WriteLine("never printed");
    }
}
