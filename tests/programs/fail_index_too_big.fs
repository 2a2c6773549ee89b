// exit: 3
// stderr: System.IndexOutOfRangeException
// An array index equal to Length fails with IndexOutOfRangeException (exit 3); the write does not happen.
using System;

class Program {
    static void Main() {
        long[] a = new long[4];
        for (int i = 0; i < 4; i++) a[i] = i;
        Console.WriteLine("filled");
        for (int i = 0; i <= 4; i++) {
            a[i] = 10 * i;
            Console.WriteLine(a[i]);
        }
        Console.WriteLine("never printed");
    }
}
