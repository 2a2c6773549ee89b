// Array.Sort (ints, strings in mono's culture order, chars, 1000 longs),
// Array.Reverse and Array.IndexOf, from lib/System.fs; a List sorted
// through its array.
using System;
using System.Collections.Generic;

class Program {
    static void Main() {
        int[] a = { 5, 3, 9, 1, 3, -2, 8 };
        Array.Sort(a);
        Console.WriteLine(string.Join(" ", a));
        string[] names = { "bob", "Alice", "carol", "alice", "Bob", "dave" };
        Array.Sort(names);
        Console.WriteLine(string.Join(" ", names));
        Array.Reverse(names);
        Console.WriteLine(string.Join(" ", names) + " " + Array.IndexOf(names, "carol") + " " + Array.IndexOf(a, 42));
        var list = new List<int> { 4, 2, 7, 1 };
        int[] items = list.ToArray();
        Array.Sort(items);
        foreach (int x in items) Console.Write(x + ",");
        Console.WriteLine();
        char[] cs = "hello".ToCharArray();
        Array.Sort(cs);
        Console.WriteLine(new string(cs));
        long[] big = new long[1000];
        for (int i = 0; i < big.Length; i++) big[i] = (i * 7919L) % 1000;
        Array.Sort(big);
        bool sorted = true;
        for (int i = 1; i < big.Length; i++) if (big[i - 1] > big[i]) sorted = false;
        Console.WriteLine(sorted + " " + big[0] + " " + big[999]);
    }
}
