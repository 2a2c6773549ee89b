using System;
interface IGreeter { string Greet(string name); }
class English : IGreeter { public string Greet(string name) { return "Hello, " + name; } }
class French : IGreeter { public string Greet(string name) { return "Bonjour, " + name; } }
class Program {
    static void Main() {
        IGreeter[] gs = { new English(), new French() };
        foreach (IGreeter g in gs) Console.WriteLine(g.Greet("Ada"));
    }
}
