// exit: 3
// stderr: System.IndexOutOfRangeException
// int.MinValue and int.MaxValue as array indexes fail with IndexOutOfRangeException (exit 3), no wrap-around into the array.
using System;

class Program {
    static void Main() {
        bool[] a = new bool[10];
        int i = int.MaxValue;
        Console.WriteLine("index " + i);
        Console.WriteLine(a[i]);
        Console.WriteLine("never printed");
    }
}
