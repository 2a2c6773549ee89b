// Sorting an int array in place (bubble sort), with a helper swap and printing before and after.
using System;

class Program {
    static void Swap(int[] a, int i, int j) {
        int t = a[i];
        a[i] = a[j];
        a[j] = t;
    }

    static string Show(int[] a) {
        string s = "";
        for (int i = 0; i < a.Length; i++) {
            if (i > 0) s += ",";
            s += a[i];
        }
        return s;
    }

    static void Main() {
        int[] a = new int[] { 5, -2, 9, 0, 33, -17, 8, 8, 1 };
        Console.WriteLine(Show(a));
        for (int i = 0; i < a.Length; i++)
            for (int j = 0; j + 1 < a.Length - i; j++)
                if (a[j] > a[j + 1]) Swap(a, j, j + 1);
        Console.WriteLine(Show(a));
    }
}
