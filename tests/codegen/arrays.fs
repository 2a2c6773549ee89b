using System;
class Program {
    static void Main() {
        int[] a = new int[5];
        char[] cs = new char[] { 'a', 'b' };
        a[2] = 7;
        a[2] += a.Length;
        Console.WriteLine(a[2] + cs[1]);
    }
}
