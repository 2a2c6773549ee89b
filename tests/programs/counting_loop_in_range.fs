// The canonical counting loop reads and writes a[i] with no check (the
// loop's own condition is the check); the same loops over other bounds keep
// theirs and stay in range.
using System;

class Program {
    static int[] Squares(int n) {
        int[] a = new int[n];
        for (int i = 0; i < a.Length; i++) {
            a[i] = i * i;
        }
        return a;
    }

    static long Sum(int[] a) {
        long s = 0;
        for (int i = 0; i < a.Length; i++) {
            s += a[i];
        }
        return s;
    }

    static void Main() {
        int[] a = Squares(10);
        Console.WriteLine(Sum(a));
        int[] b = new int[0];
        Console.WriteLine(Sum(b));
        for (int i = 1; i < a.Length; i++) {
            a[i] += a[i - 1];
        }
        Console.WriteLine(a[9]);
        int k = 0;
        while (k < a.Length) {
            if (k == 3) {
                k += 2;
                continue;
            }
            Console.Write(a[k] + " ");
            k++;
        }
        Console.WriteLine();
    }
}
