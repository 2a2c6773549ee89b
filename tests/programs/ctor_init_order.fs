// C# initialization order: derived field initializers, then base field initializers, then base constructor body, then derived body; a virtual call from the base constructor sees the derived override.
using System;

class Base {
    public int a = Trace("Base.a initializer", 1);

    public static int Trace(string what, int v) {
        Console.WriteLine(what);
        return v;
    }

    public Base() {
        Console.WriteLine("Base() body, a=" + a);
        Describe();
    }

    public virtual void Describe() {
        Console.WriteLine("Base.Describe");
    }
}

class Derived : Base {
    public int b = Trace("Derived.b initializer", 2);
    public int c;

    public Derived() : base() {
        c = 3;
        Console.WriteLine("Derived() body, b=" + b + " c=" + c);
    }

    public override void Describe() {
        Console.WriteLine("Derived.Describe sees b=" + b + " c=" + c);
    }
}

class Program {
    static void Main() {
        Derived d = new Derived();
        Console.WriteLine(d.a + d.b + d.c);
    }
}
