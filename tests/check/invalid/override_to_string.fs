using System;

class Point {
    public int X;
    public override string ToString() { return "P" + X; }
}

class Program {
    static void Main() {
        Console.WriteLine(new Point());
    }
}
