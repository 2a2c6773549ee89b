// Generic methods: type arguments inferred from the arguments (T, T[], List<T>, two candidates for one T giving the wider: Pick(true, 1, 2L) is Pick<long>), a constraint (where T : Animal), two type parameters, a generic method of a generic class, one instance per type arguments (Util.Swap~int~ and Util.Swap~string~).
using System;
using System.Collections.Generic;

class Animal {
    public string Name;
    public Animal(string name) { Name = name; }
}
class Cat : Animal { public Cat(string name) : base(name) {} }

class Util {
    public static T First<T>(T[] items) { return items[0]; }
    public static void Swap<T>(T[] items, int i, int j) {
        T t = items[i];
        items[i] = items[j];
        items[j] = t;
    }
    public static int CountOf<T>(List<T> list, T item) {
        int n = 0;
        var rest = new List<T>();
        foreach (T x in list) rest.Add(x);
        while (rest.Remove(item)) n++;
        return n;
    }
    public static List<T> Repeat<T>(T item, int times) {
        var list = new List<T>();
        for (int i = 0; i < times; i++) list.Add(item);
        return list;
    }
    public static string Describe<T>(T value) where T : Animal { return "animal " + value.Name; }
    public static string Pair<A, B>(A a, B b) { return "(" + a + ", " + b + ")"; }
}

class Box<T> {
    public T Item;
    public Box(T item) { Item = item; }
    public Box<U> Map<U>(U other) { return new Box<U>(other); }
}

class Program {
    static T Pick<T>(bool first, T a, T b) { return first ? a : b; }
    static T Last<T>(List<T> list) { return list[list.Count - 1]; }

    static void Main() {
        int[] nums = { 3, 1, 2 };
        Util.Swap(nums, 0, 2);
        Console.WriteLine(nums[0] + " " + nums[2] + " " + Util.First(nums));
        string[] words = { "x", "y" };
        Util.Swap(words, 0, 1);
        Console.WriteLine(Util.First(words));
        var list = Util.Repeat("ab", 3);
        list.Add("cd");
        Console.WriteLine(list.Count + " " + Util.CountOf(list, "ab") + " " + Last(list));
        Console.WriteLine(Pick(false, 10, 20) + " " + Pick(true, "yes", "no"));
        Console.WriteLine(Pick(true, 1, 2L));
        Console.WriteLine(Util.Describe(new Cat("Tom")));
        Console.WriteLine(Util.Pair(1, "one") + Util.Pair('c', true));
        var b = new Box<int>(5);
        Console.WriteLine(b.Map("five").Item);
        var ints = Util.Repeat(7, 2);
        Console.WriteLine(Last(ints) + Util.CountOf(ints, 7));
    }
}
