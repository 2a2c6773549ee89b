using System;

abstract class Base {
    protected int x;
    protected Base(int x) { this.x = x; }
}

class Derived : Base {
    public Derived() : base(3) { }
    public int X() { return x; }
}

class Program {
    static void Main() {
        Console.WriteLine(new Derived().X());
    }
}
