// exit: 2
// stderr: System.NullReferenceException
// Indexing a null array fails with NullReferenceException (exit 2), not IndexOutOfRange.
using System;

class Program {
    static int[] data;

    static void Main() {
        Console.WriteLine(data == null);
        Console.WriteLine(data[0]);
        Console.WriteLine("never printed");
    }
}
