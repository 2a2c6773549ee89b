// exit: 3
// stderr: System.IndexOutOfRangeException
// A negative string index fails with IndexOutOfRangeException (exit 3).
using System;

class Program {
    static void Main() {
        string s = "abc";
        Console.WriteLine(s[0]);
        int i = -1;
        Console.WriteLine(s[i]);
        Console.WriteLine("never printed");
    }
}
