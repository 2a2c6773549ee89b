using System;

class Point {
    public int x;
    public int y = 5;
    private string label = "p";
    public static int count;
    public static int start = 100;

    public string Label() { return label + x + "," + y; }
}

class Program {
    static void Main() {
        Point p = new Point();
        p.x = 3;
        Point.count = Point.start + 1;
        Console.WriteLine(p.Label());
        Console.WriteLine(Point.count);
    }
}
