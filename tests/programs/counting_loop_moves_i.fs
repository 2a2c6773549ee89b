// exit: 3
// stderr: System.IndexOutOfRangeException
// A counting loop whose body moves i keeps its bounds check: i jumps past
// the end inside the body and a[i] fails with exit 3.
using System;

class Program {
    static void Main() {
        int[] a = new int[4];
        for (int i = 0; i < a.Length; i++) {
            i += 2;
            Console.WriteLine("writing a[" + i + "]");
            a[i] = i;
        }
    }
}
