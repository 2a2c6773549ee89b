// exit: 3
// stderr: System.IndexOutOfRangeException
// A counting loop whose body assigns the array keeps its bounds check: the
// new array is shorter and a[i] fails with exit 3.
using System;

class Program {
    static void Main() {
        int[] a = new int[5];
        for (int i = 0; i < a.Length; i++) {
            if (i == 2) {
                a = new int[2];
            }
            a[i] = i;
            Console.WriteLine("a[" + i + "] = " + a[i]);
        }
    }
}
