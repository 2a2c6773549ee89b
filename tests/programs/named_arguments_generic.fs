// Named arguments in calls of generic methods: put in parameter order to infer the type arguments, then matched by name.
using System.Collections.Generic;
using System;

class Program {
    static T Pick<T>(bool first, T a, T b) { return first ? a : b; }
    static void Show<T>(T value, string label = "value", int times = 1) {
        for (int i = 0; i < times; i++) Console.WriteLine(label + ": " + value);
    }
    static List<T> Repeat<T>(T item, int count) {
        var list = new List<T>();
        for (int i = 0; i < count; i++) list.Add(item);
        return list;
    }
    static void Main() {
        Console.WriteLine(Pick(b: "second", a: "first", first: false));
        Console.WriteLine(Pick(true, b: 2, a: 1));
        Show(3.5);
        Show(label: "answer", value: 42);
        Show("hi", times: 2);
        Console.WriteLine(string.Join(",", Repeat(count: 3, item: 'x')));
    }
}
