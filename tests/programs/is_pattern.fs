// Type patterns: `x is Dog d` tests and names the object in one step (the
// name is a local of the enclosing block, as C# scopes it for an `if`).
using System;

abstract class Animal {
    public abstract string Name();
}
class Dog : Animal {
    public override string Name() { return "dog"; }
    public string Fetch() { return "fetches"; }
}
class Cat : Animal {
    public override string Name() { return "cat"; }
    public int Lives = 9;
}

class Program {
    static string Describe(Animal a) {
        if (a is Dog d) return d.Name() + " " + d.Fetch();
        if (a is Cat c && c.Lives > 1) return c.Name() + " with " + c.Lives + " lives";
        return "something else";
    }

    static void Main() {
        Animal[] zoo = { new Dog(), new Cat(), null };
        foreach (Animal a in zoo) Console.WriteLine(Describe(a));
        Animal first = zoo[0];
        if (!(first is Cat kitty)) {
            Console.WriteLine("not a cat");
            return;
        }
        Console.WriteLine(kitty.Lives);
    }
}
