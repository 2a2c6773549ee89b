// exit: 3
// stderr: System.IndexOutOfRangeException
// A negative array index fails with IndexOutOfRangeException (exit 3).
using System;

class Program {
    static void Main() {
        int[] a = new int[] { 1, 2, 3 };
        int i = 2;
        Console.WriteLine(a[i]);
        i = i - 3;
        Console.WriteLine("index " + i);
        Console.WriteLine(a[i]);
        Console.WriteLine("never printed");
    }
}
