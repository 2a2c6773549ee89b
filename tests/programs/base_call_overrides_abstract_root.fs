// base.M() calls the parent's override even when M is abstract further up (the Shape → Rect → Square lesson).
using System;

abstract class Shape {
    public abstract string Tag();
    public abstract int Area();
}

class Rect : Shape {
    protected int w;
    protected int h;
    public Rect(int w, int h) { this.w = w; this.h = h; }
    public override string Tag() { return "Rect"; }
    public override int Area() { return w * h; }
}

class Square : Rect {
    public Square(int side) : base(side, side) { }
    public override string Tag() { return "Square>" + base.Tag(); }
    public override int Area() { return base.Area(); }
}

class Program {
    static void Main() {
        Shape[] shapes = { new Rect(2, 3), new Square(4) };
        for (int i = 0; i < shapes.Length; i++) {
            Console.WriteLine(shapes[i].Tag() + " " + shapes[i].Area());
        }
    }
}
