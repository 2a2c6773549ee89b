// exit: 3
// stderr: System.IndexOutOfRangeException
// A counting loop whose body moves i down keeps its bounds check: a[-1]
// fails with exit 3 (a negative index too).
using System;

class Program {
    static int Sum(int[] a) {
        int s = 0;
        for (int i = 0; i < a.Length; i++) {
            s += a[i];
            Console.WriteLine("read a[" + i + "]");
            i -= 2;
        }
        return s;
    }

    static void Main() {
        Console.WriteLine(Sum(new int[] { 5, 6, 7 }));
    }
}
