// foreach over arrays (of ints, objects, an empty one, a null one) and strings, with var, a wider element type, break and continue.
using System;
class Animal { public string Name; public Animal(string n) { Name = n; } }
class Program {
    static int Sum(int[] xs) { int s = 0; foreach (int x in xs) s += x; return s; }
    static void Main() {
        int[] xs = { 3, 1, 4, 1, 5 };
        Console.WriteLine(Sum(xs));
        foreach (var c in "hello") Console.Write(c + "|");
        Console.WriteLine();
        foreach (long v in xs) { if (v == 4) continue; if (v == 5) break; Console.WriteLine(v * 1000000000L); }
        Animal[] zoo = { new Animal("cat"), new Animal("dog") };
        foreach (Animal a in zoo) Console.WriteLine(a.Name);
        foreach (int c in "AB") Console.WriteLine(c);
        string[] words = new string[0];
        foreach (string w in words) Console.WriteLine("never");
        int[] none = null;
        try { foreach (int n in none) Console.WriteLine(n); } catch (NullReferenceException) { Console.WriteLine("null array"); }
    }
}
