// oracle: skip — C# 8's nullable reference annotations (string?), which mono's mcs does not read; the ? changes nothing at run time
using System;
class Shape { }
class Circle : Shape { }
class P {
    static string? Name(string? s) { return s; }
    static void Main() {
        Shape shape = new Circle();
        string kind = shape is Circle ? "round" : "angular";
        Console.WriteLine(kind);
        string? maybe = null;
        Console.WriteLine(Name(maybe) == null);
        bool b = shape is Circle c ? true : false;
        Console.WriteLine(b);
        string?[] names = new string?[2];
        names[1] = "two";
        Console.WriteLine(names[0] == null ? "none" : names[0]);
        Console.WriteLine(names[1]);
    }
}
