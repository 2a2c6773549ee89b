// exit: 2
// stderr: System.NullReferenceException
// Length of a null string fails with NullReferenceException (exit 2); printing or concatenating null was fine.
using System;

class Program {
    static void Main() {
        string s = null;
        Console.WriteLine("[" + s + "]");
        Console.WriteLine(s);
        Console.WriteLine(s.Length);
        Console.WriteLine("never printed");
    }
}
