// Constructor overloads by arity, chaining with : this(...), and the default constructor of a class without one.
using System;

class Rect {
    public int w;
    public int h;
    public string label;

    public Rect() : this(1) {
        Console.WriteLine("Rect()");
    }

    public Rect(int side) : this(side, side) {
        Console.WriteLine("Rect(int)");
    }

    public Rect(int w, int h) : this(w, h, "rect") {
        Console.WriteLine("Rect(int, int)");
    }

    public Rect(int w, int h, string label) {
        this.w = w;
        this.h = h;
        this.label = label;
        Console.WriteLine("Rect(int, int, string)");
    }

    public int Area() { return w * h; }
}

class Plain {
    public int value = 5;
}

class Program {
    static void Main() {
        Rect a = new Rect();
        Console.WriteLine(a.label + " " + a.Area());
        Rect b = new Rect(3);
        Console.WriteLine(b.Area());
        Rect c = new Rect(2, 5, "custom");
        Console.WriteLine(c.label + " " + c.Area());
        Plain p = new Plain();
        Console.WriteLine(p.value);
    }
}
