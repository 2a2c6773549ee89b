using System;

class Box {
    private int w;
    private int h;
    public Box() : this(1, 1) { }
    public Box(int side) : this(side, side) { }
    public Box(int w, int h) { this.w = w; this.h = h; }
    public int Area() { return w * h; }
}

class Program {
    static void Main() {
        Console.WriteLine(new Box().Area() + new Box(3).Area() + new Box(2, 5).Area());
    }
}
