using System;
struct Point {
    public int X;
    public int Y;
}
class Program {
    static void Main() {
        Point p = new Point();
        p.X = 1;
        Console.WriteLine(p.X);
    }
}
