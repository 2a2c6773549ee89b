// Arrays of class references: default null, filling, calling methods through elements, arrays passed to and returned from methods.
using System;

class Point {
    public int x;
    public int y;
    public Point(int x, int y) { this.x = x; this.y = y; }
    public int Dist() { return x * x + y * y; }
}

class Program {
    static Point[] Make(int n) {
        Point[] ps = new Point[n];
        for (int i = 0; i < n; i++) ps[i] = new Point(i, n - i);
        return ps;
    }

    static int Total(Point[] ps) {
        int t = 0;
        for (int i = 0; i < ps.Length; i++) t += ps[i].Dist();
        return t;
    }

    static void Main() {
        Point[] empty = new Point[3];
        Console.WriteLine(empty[0] == null);
        Point[] ps = Make(4);
        Console.WriteLine(ps.Length);
        Console.WriteLine(ps[1].x + "," + ps[1].y);
        Console.WriteLine(Total(ps));
        ps[2].x = 100;
        Point alias = ps[2];
        Console.WriteLine(alias.x);
        Point[] init = new Point[] { new Point(1, 1), null, new Point(2, 2) };
        int nonNull = 0;
        for (int i = 0; i < init.Length; i++) if (init[i] != null) nonNull++;
        Console.WriteLine(nonNull);
        int[][] jag = new int[2][];
        jag[0] = new int[] { 1, 2 };
        jag[1] = new int[3];
        Console.WriteLine(jag[0][1] + jag[1].Length);
    }
}
