// exit: 2
// stderr: System.NullReferenceException
// A counting loop whose body sets the array to null keeps its null check:
// a[i] fails with exit 2.
using System;

class Program {
    static void Main() {
        long[] a = new long[] { 10, 20, 30 };
        for (int i = 0; i < a.Length; i++) {
            Console.WriteLine(a[i]);
            if (i == 1) {
                a = null;
            }
            a[i] = 0;
        }
    }
}
