// Explicit type arguments at a call: Pick<long>(…) when inference would give
// another type, Make<Thing>() where nothing can be inferred, generic
// methods of a class and of Program; < and > still compare.
using System;
using System.Collections.Generic;

class Util {
    public static T Pick<T>(bool first, T a, T b) { return first ? a : b; }
    public static List<T> Repeat<T>(T value, int n) {
        var list = new List<T>();
        for (int i = 0; i < n; i++) list.Add(value);
        return list;
    }
    public static T Make<T>() where T : new() { return new T(); }
}

class Thing { public int X = 7; }

class Program {
    static T Identity<T>(T x) { return x; }
    static void Main() {
        Console.WriteLine(Util.Pick<long>(true, 1, 2));
        Console.WriteLine(Util.Pick<string>(false, "a", null) == null);
        Console.WriteLine(Util.Repeat<char>('x', 3).Count);
        Console.WriteLine(Util.Make<Thing>().X);
        Console.WriteLine(Identity<int>(5) + Identity<string>("s"));
        int a = 3, b = 4;
        Console.WriteLine(a < b);
        bool lt = a < b, gt = a > b;
        Console.WriteLine(lt + " " + gt);
    }
}
