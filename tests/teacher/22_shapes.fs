using System;
using System.Collections.Generic;
abstract class Shape {
    public abstract int Area();
    public override string ToString() { return GetType() + " with area " + Area(); }
    private string GetType() { return "Shape"; }
}
class Rect : Shape {
    protected int w, h;
    public Rect(int w, int h) { this.w = w; this.h = h; }
    public override int Area() { return w * h; }
}
class Square : Rect {
    public Square(int side) : base(side, side) { }
}
class Program {
    static void Main() {
        var shapes = new List<Shape> { new Rect(2, 3), new Square(4) };
        foreach (var s in shapes) Console.WriteLine(s);
    }
}
