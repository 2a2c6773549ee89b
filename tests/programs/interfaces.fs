// Interfaces: a class implementing several, a base class's implementation
// inherited (and overridden) by a subclass, properties in an interface, an
// array of interface values, passing them around and casting back.
using System;

interface IShape {
    int Area();
    string Name { get; }
}

interface IDrawable {
    void Draw(int scale);
}

class Rect : IShape, IDrawable {
    protected int w;
    protected int h;
    public Rect(int w, int h) { this.w = w; this.h = h; }
    public virtual int Area() { return w * h; }
    public virtual string Name => "rect";
    public void Draw(int scale) {
        Console.WriteLine(Name + " drawn at " + (w * scale) + "x" + (h * scale));
    }
}

class Square : Rect {
    public Square(int side) : base(side, side) { }
    public override string Name => "square";
}

abstract class Animal {
    public abstract string Sound();
}

class Dog : Animal, IShape {
    public override string Sound() { return "woof"; }
    public int Area() { return 3; }
    public string Name { get { return "dog"; } }
}

class Program {
    static int Total(IShape[] shapes) {
        int sum = 0;
        foreach (IShape s in shapes) {
            Console.WriteLine(s.Name + " has area " + s.Area());
            sum += s.Area();
        }
        return sum;
    }

    static void Main() {
        IShape[] shapes = { new Rect(2, 3), new Square(4), new Dog() };
        Console.WriteLine("total " + Total(shapes));
        IDrawable d = new Square(2);
        d.Draw(3);
        IShape first = shapes[0];
        Rect r = (Rect)first;
        r.Draw(1);
        Console.WriteLine(shapes[2]);
        Console.WriteLine(first == shapes[0]);
    }
}
