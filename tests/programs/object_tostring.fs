// Printing a class reference (C# prints the class name) and null objects in concatenation (empty).
using System;

class Point {
    public int x = 1;
}

class Program {
    static void Main() {
        Point p = new Point();
        Console.WriteLine(p);
        Console.WriteLine("p is " + p);
        Point n = null;
        Console.WriteLine("n is [" + n + "]");
        Console.WriteLine($"{p}/{n}");
    }
}
