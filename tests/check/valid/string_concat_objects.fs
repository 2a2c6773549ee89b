using System;

class Point {
    public int x;
}

class Program {
    static void Main() {
        Point p = new Point();
        int[] a = new int[2];
        Console.WriteLine("p: " + p);
        Console.WriteLine(p);
        Console.WriteLine("a: " + a);
    }
}
