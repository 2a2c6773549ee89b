// exit: 2
// stderr: System.NullReferenceException
// Length of a null array fails with NullReferenceException (exit 2).
using System;

class Program {
    static void Main() {
        string[] names = new string[2];
        Console.WriteLine(names.Length);
        names = null;
        Console.WriteLine(names.Length);
        Console.WriteLine("never printed");
    }
}
