// Generic extension methods: the receiver's type gives the type arguments (xs.Last() on a List<int> calls Last<int>).
using System;
using System.Collections.Generic;
static class Extensions {
    public static T Last<T>(this List<T> xs) { return xs[xs.Count - 1]; }
    public static string Describe<T>(this T[] items) { return items.Length + " items"; }
}
class P {
    static void Main() {
        var xs = new List<int> { 4, 5, 6 };
        Console.WriteLine(xs.Last());
        var words = new List<string> { "a", "b" };
        Console.WriteLine(words.Last());
        int[] arr = { 1, 2 };
        Console.WriteLine(arr.Describe());
    }
}
