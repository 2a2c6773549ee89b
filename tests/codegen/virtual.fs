using System;
abstract class Shape {
    public abstract int Area();
    public virtual string Name() { return "shape"; }
}
class Square : Shape {
    private int side;
    public Square(int side) { this.side = side; }
    public override int Area() { return side * side; }
    public override string Name() { return "square of " + base.Name(); }
}
class Program {
    static void Main() {
        Shape s = new Square(3);
        Console.WriteLine(s.Name() + " " + s.Area());
    }
}
