// const locals and class constants (also in constant expressions), and var inferring int, long, bool, char, string, arrays and classes.
using System;

class Limits {
    public const int Max = 50;
    public const long Big = 10000000000L;
    public const string Tag = "lim";
}

class Item { public int id = 9; }

class Program {
    const int Twice = Limits.Max * 2;

    static void Main() {
        const int N = 3;
        const string Greeting = "hi";
        Console.WriteLine(N * Limits.Max + Twice);
        Console.WriteLine(Limits.Big + N);
        Console.WriteLine(Greeting + " " + Limits.Tag);
        var i = 5;
        var l = 5000000000L;
        var b = i > 2;
        var c = 'v';
        var s = "var";
        var arr = new int[N];
        var item = new Item();
        i = i * 2;
        Console.WriteLine(i + " " + l + " " + b + " " + c + " " + s + " " + arr.Length + " " + item.id);
        var sum = i + l;
        Console.WriteLine(sum);
    }
}
