// ToString() overrides: C#'s rules (public, returns string), and what Flux#
// does not do yet: format a value whose static type is above the class that
// overrides ToString() (the call would not reach the override).
using System;

interface IShape { int Area(); }
class Base { }
class Point : Base, IShape {
    public int Area() { return 0; }
    public override string ToString() { return "P"; }
}
class Hidden { protected override string ToString() { return "h"; } }
class Wrong { public override int ToString() { return 1; } }

class Program {
    static void Main() {
        Base b = new Point();
        IShape s = new Point();
        Console.WriteLine(b);
        Console.WriteLine("s = " + s);
    }
}
