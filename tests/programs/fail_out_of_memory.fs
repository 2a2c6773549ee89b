// exit: 6
// stderr: System.OutOfMemoryException
// Allocating new long[int.MaxValue] (16 GiB) fails with OutOfMemoryException (exit 6) after earlier output.
using System;

class Program {
    static void Main() {
        long[] small = new long[1000];
        Console.WriteLine("small " + small.Length);
        int n = int.MaxValue;
        long[] huge = new long[n];
        Console.WriteLine("never printed " + huge.Length);
    }
}
