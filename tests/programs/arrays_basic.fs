// Arrays: new T[n] with default values for int, long, bool, char, string; initializers; Length; reading and writing elements.
using System;

class Program {
    static void Main() {
        int[] a = new int[5];
        long[] l = new long[2];
        bool[] b = new bool[2];
        char[] c = new char[2];
        string[] s = new string[2];
        Console.WriteLine(a.Length + " " + a[0] + " " + a[4]);
        Console.WriteLine(l[1] + " " + b[0] + " " + (int)c[1] + " [" + s[0] + "] " + (s[1] == null));
        for (int i = 0; i < a.Length; i++) a[i] = i * i;
        Console.WriteLine(a[0] + a[1] + a[2] + a[3] + a[4]);
        int[] init = new int[] { 3, 1, 4, 1, 5, 9, 2, 6 };
        Console.WriteLine(init.Length);
        int sum = 0;
        for (int i = 0; i < init.Length; i++) sum += init[i];
        Console.WriteLine(sum);
        string[] words = new string[] { "alpha", null, "gamma" };
        Console.WriteLine(words[0] + words[1] + words[2]);
        char[] letters = new char[] { 'x', 'y' };
        Console.WriteLine(letters[0] + "" + letters[1]);
        long[] bigs = new long[] { long.MaxValue, long.MinValue };
        Console.WriteLine(bigs[0] + " " + bigs[1]);
        bool[] flags = new bool[] { true, false };
        Console.WriteLine(flags[0] & !flags[1]);
        int n = 3;
        int[] sized = new int[n * 2];
        Console.WriteLine(sized.Length);
        int[] empty = new int[0];
        Console.WriteLine(empty.Length);
    }
}
