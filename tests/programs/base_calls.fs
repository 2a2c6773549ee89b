// base.M() calls the parent's version, through several levels, from overrides and from other methods.
using System;

class A {
    public virtual string Who() { return "A"; }
    public virtual int Value(int x) { return x + 1; }
}

class B : A {
    public override string Who() { return "B<" + base.Who() + ">"; }
    public override int Value(int x) { return base.Value(x) * 10; }
    public string Parent() { return base.Who(); }
}

class C : B {
    public override string Who() { return "C<" + base.Who() + ">"; }
    public override int Value(int x) { return base.Value(x + 1) + 5; }
}

class Program {
    static void Main() {
        A a = new C();
        Console.WriteLine(a.Who());
        Console.WriteLine(a.Value(1));
        C c = new C();
        Console.WriteLine(c.Parent());
        B b = new B();
        Console.WriteLine(b.Who() + " " + b.Value(0));
    }
}
