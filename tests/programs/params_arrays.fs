// params arrays: the expanded form (elements one by one, none at all), the normal form (an array passed as it is), a fixed parameter before, C#'s preference for a method that applies without expanding, a generic params method, a params constructor, chars widening to int elements.
using System;
using System.Collections.Generic;

class Logger {
    private string prefix;
    public Logger(string prefix) { this.prefix = prefix; }
    public void Log(string format, params string[] parts) {
        string line = prefix + format;
        foreach (var p in parts) line += " " + p;
        Console.WriteLine(line + " [" + parts.Length + "]");
    }
}

class Bag {
    public int Count;
    public Bag(params string[] items) { Count = items.Length; }
}

class Program {
    static int Sum(params int[] xs) {
        int s = 0;
        foreach (int x in xs) s += x;
        return s;
    }
    static long Total(long start, params long[] more) {
        foreach (long m in more) start += m;
        return start;
    }
    static string Which(int a) { return "one int"; }
    static string Which(params int[] a) { return "params " + a.Length; }
    static List<T> ListOf<T>(params T[] items) {
        var list = new List<T>();
        foreach (var i in items) list.Add(i);
        return list;
    }

    static void Main() {
        Console.WriteLine(Sum(1, 2, 3));
        Console.WriteLine(Sum());
        Console.WriteLine(Sum(new int[] { 4, 5 }));
        Console.WriteLine(Sum(7));
        Console.WriteLine(Total(1, 2, 3) + Total(10));
        Console.WriteLine(Which(1) + ", " + Which(1, 2) + ", " + Which());
        var log = new Logger("> ");
        log.Log("hello");
        log.Log("a", "b", "c");
        char c = 'x';
        Console.WriteLine(Sum(c, 'y'));
        Console.WriteLine(ListOf("p", "q").Count + ListOf(1, 2, 3)[2]);
        Console.WriteLine(new Bag("a", "b").Count + new Bag().Count + new Bag(new string[3]).Count);
    }
}
