using System;

class Shape {
    public virtual string Name() { return "shape"; }
    public virtual int Sides() { return 0; }
    public string Describe() { return Name() + " with " + Sides() + " sides"; }
}

class Square : Shape {
    public override string Name() { return "square"; }
    public override int Sides() { return 4; }
}

class Cube : Square {
    public override string Name() { return "cube"; }
}

class Program {
    static void Main() {
        Shape[] shapes = new Shape[] { new Shape(), new Square(), new Cube() };
        for (int i = 0; i < shapes.Length; i++) Console.WriteLine(shapes[i].Describe());
    }
}
