// Object and collection initializers: Add per element (a List, a Dictionary with { k, v } pairs), indexer sets ([k] = v), member sets (a field and a property), in a local, an assignment and a return; the elements run in order after the constructor.
using System;
using System.Collections.Generic;

class Person {
    public string Name;
    public int Age { get; set; }
    public List<string> Tags = new List<string>();
    public override string ToString() { return Name + " (" + Age + ")"; }
}

class Program {
    static List<int> items;
    static int calls;
    static int Next() { calls++; Console.WriteLine("Next " + calls); return calls; }

    static List<int> Make() {
        return new List<int> { Next(), Next() };
    }

    static void Main() {
        var list = new List<int> { 3, 1, 4, 1, 5 };
        Console.WriteLine(list.Count + " " + list[2]);
        var names = new List<string>() { "Ada", "Grace" };
        foreach (var n in names) Console.WriteLine(n);
        var ages = new Dictionary<string, int> { { "ann", 31 }, { "bob", 42 } };
        var more = new Dictionary<string, int> { ["x"] = 1, ["y"] = 2, ["x"] = 3 };
        foreach (var kv in ages) Console.WriteLine(kv);
        foreach (var kv in more) Console.WriteLine(kv);
        var p = new Person { Name = "Ann", Age = 31 };
        Console.WriteLine(p);
        var q = new Person() { Age = 7 };
        Console.WriteLine(q.Name == null);
        items = new List<int> { Next(), 10 };
        Console.WriteLine(items[0] + items[1]);
        var m = Make();
        Console.WriteLine(m[0] + " " + m[1]);
        Stack<int> s = new Stack<int>(), t = null;
        Console.WriteLine(s.Count + " " + (t == null));
        var empty = new List<int> { };
        Console.WriteLine(empty.Count);
    }
}
