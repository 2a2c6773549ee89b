// exit: 3
// stderr: System.IndexOutOfRangeException
// A counting loop that starts below 0 keeps its bounds check: a[-1] fails
// with exit 3 before anything is read.
using System;

class Program {
    static void Main() {
        bool[] a = new bool[3];
        int count = 0;
        Console.WriteLine("start");
        for (int i = -1; i < a.Length; i++) {
            if (!a[i]) {
                count++;
            }
        }
        Console.WriteLine(count);
    }
}
