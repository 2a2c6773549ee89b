using System;
class Program {
    static void Swap<T>(T[] a, int i, int j) { T t = a[i]; a[i] = a[j]; a[j] = t; }
    static void BubbleSort(int[] a) {
        for (int i = 0; i < a.Length; i++)
            for (int j = 0; j + 1 < a.Length - i; j++)
                if (a[j] > a[j + 1]) Swap(a, j, j + 1);
    }
    static void Main() {
        int[] a = { 5, 2, 9, 1 };
        BubbleSort(a);
        foreach (int x in a) Console.Write(x + " ");
        Console.WriteLine();
    }
}
