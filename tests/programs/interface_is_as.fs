// is and as with interface types: a type pattern (n is IShape s), as giving null, an interface no class implements, an inherited implementation (Cube : Square), a class without interfaces, null; the test reads flux$itables by class id.
using System;
using System.Collections.Generic;

interface IShape { int Area(); }
interface INamed { string Name { get; } }
interface IUnused { void Nothing(); }
class Thing { }
class Square : IShape, INamed {
    private int side;
    public Square(int side) { this.side = side; }
    public int Area() { return side * side; }
    public string Name => "square";
}
class Cube : Square { public Cube() : base(3) { } }
class Label : INamed { public string Name => "label"; }

class Program {
    static void Main() {
        var things = new List<INamed> { new Square(2), new Label(), new Cube() };
        foreach (INamed n in things) {
            if (n is IShape s) Console.WriteLine(n.Name + " has area " + s.Area());
            else Console.WriteLine(n.Name + " has no area");
            IShape maybe = n as IShape;
            Console.WriteLine(maybe == null);
            Console.WriteLine(n is IUnused);
        }
        Thing t = new Thing();
        Console.WriteLine(t is IShape);
        Console.WriteLine((t as INamed) == null);
        Square nothing = null;
        Console.WriteLine(nothing is INamed);
        Square sq = new Cube();
        Console.WriteLine(sq is IShape);
    }
}
