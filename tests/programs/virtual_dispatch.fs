// virtual/override: calls through a base-typed reference dispatch on the run-time class; non-virtual methods do not.
using System;

class Shape {
    public virtual string Name() { return "shape"; }
    public virtual int Sides() { return 0; }
    public string Describe() { return Name() + " with " + Sides() + " sides"; }
    public string Kind() { return "Shape.Kind"; }
}

class Triangle : Shape {
    public override string Name() { return "triangle"; }
    public override int Sides() { return 3; }
}

class Square : Shape {
    public override string Name() { return "square"; }
    public override int Sides() { return 4; }
}

class ColoredSquare : Square {
    public string color = "red";
    public override string Name() { return color + " " + base.Name(); }
}

class Program {
    static void Main() {
        Shape[] shapes = new Shape[] { new Shape(), new Triangle(), new Square(), new ColoredSquare() };
        for (int i = 0; i < shapes.Length; i++) {
            Console.WriteLine(shapes[i].Describe());
        }
        Shape s = new ColoredSquare();
        Console.WriteLine(s.Name() + " / " + s.Kind());
        Square q = new ColoredSquare();
        Console.WriteLine(q.Sides());
    }
}
