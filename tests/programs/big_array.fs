// A big array: 1,000,000 ints filled and summed into a long (4 MB of heap).
using System;

class Program {
    static void Main() {
        int n = 1000000;
        int[] a = new int[n];
        for (int i = 0; i < n; i++) a[i] = i;
        long sum = 0;
        for (int i = 0; i < n; i++) sum += a[i];
        Console.WriteLine(a.Length);
        Console.WriteLine(sum);
        Console.WriteLine(a[999999]);
        int wrapped = 0;
        for (int i = 0; i < n; i++) wrapped += a[i];
        Console.WriteLine(wrapped);
    }
}
