abstract class Shape {
    public abstract int Area();
    public virtual string Describe() { return "shape " + Area(); }
}

sealed class Square : Shape {
    int side;
    public Square(int side) { this.side = side; }
    public override int Area() { return side * side; }
    public override string Describe() { return "square, " + base.Describe(); }
}
