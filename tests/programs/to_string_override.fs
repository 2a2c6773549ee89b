// Overriding ToString(): printing, concatenation, interpolation and explicit
// calls use it, through the vtable, so a subclass's override wins; a class
// without one still prints its name; null prints as nothing.
using System;

class Point {
    public int X;
    public int Y;
    public Point(int x, int y) { X = x; Y = y; }
    public override string ToString() { return "(" + X + ", " + Y + ")"; }
}

class Point3 : Point {
    public int Z;
    public Point3(int x, int y, int z) : base(x, y) { Z = z; }
    public override string ToString() { return "(" + X + ", " + Y + ", " + Z + ")"; }
}

class Named : Point {
    public Named() : base(0, 0) { }
}

class Plain { }

class Program {
    static void Main() {
        Point p = new Point(1, 2);
        Console.WriteLine(p);
        Point q = new Point3(1, 2, 3);
        Console.WriteLine("q = " + q);
        Console.WriteLine($"both: {p} and {q}");
        Console.WriteLine(q.ToString().Length);
        Console.WriteLine(new Named());
        Console.WriteLine(new Plain());
        Point none = null;
        Console.WriteLine("[" + none + "]");
        Point[] ps = { p, q };
        foreach (Point x in ps) Console.Write(x + " ");
        Console.WriteLine();
    }
}
