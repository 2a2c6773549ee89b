//! title: Interfaces, virtual calls and vtables
//! goal: see every object's first word point to its class's vtable (H shows the heap)
//! goal: see a virtual call load the vtable and call through a slot the subclass overrides
//! goal: see an interface call find the interface's table for the object's class first
//! stops: output
// Lesson 09: interfaces, virtual dispatch and vtables.
//
// A class's vtable is a table of code addresses in read-only memory: one
// slot per virtual method, the subclass's override in the slot its parent
// declared. An object's first word points to it, so `shape.Name()` runs
// whichever Name the object's class has. An interface method is not in a
// fixed slot (a class may implement many interfaces, in any order): the call
// first finds the table the object's class keeps for that interface, then
// calls through it.
using System;

interface IShape {
    int Area();
    string Name();
}

abstract class Shape : IShape {
    public abstract int Area();
    public abstract string Name();
    public override string ToString() { return Name() + " of area " + Area(); }
}

class Rect : Shape {
    protected int width;
    protected int height;
    public Rect(int width, int height) { this.width = width; this.height = height; }
    public override int Area() { return width * height; }
    public override string Name() { return "rect"; }
}

class Square : Rect {
    public Square(int side) : base(side, side) { }
    public override string Name() { return "square"; }
}

class Circle : IShape {
    private int radius;
    public Circle(int radius) { this.radius = radius; }
    public int Area() { return 3 * radius * radius; }
    public string Name() { return "circle"; }
}

class Program {
    static void Main() {
        IShape[] shapes = { new Rect(2, 3), new Square(2), new Circle(1) };
        foreach (IShape shape in shapes) {
            Console.WriteLine(shape.Name() + ": " + shape.Area());
        }
        Shape big = new Square(10);
        Console.WriteLine(big);
    }
}

//@ on start: Press H to show the heap in the promises pane, then n to go line by line (S steps into calls; b steps back).
//@ on line 50: Three objects: each new calls rt_alloc, stores its class's vtable in the object's first word, then runs the constructor. In the heap (H) the first words read → Rect, → Square, → Circle.
//@ on line 52: An interface call: mov rax, [rdi] loads the vtable, mov rax, [rax-8] the word before it (the class's table of interface tables), mov rax, [rax] its table for IShape, and call [rax+8] runs entry 1, Name. The same instructions run Rect's, Square's and Circle's Name.
//@ on line 55: Printing an object calls its ToString through a vtable slot (call [rax+40]). Square has no ToString of its own, so its slot holds Shape.ToString.
//@ on line 25: Inside Shape.ToString, Name() and Area() are virtual calls through this object's vtable: Square's Name, and Rect's Area, which Square inherits.
//@ on end: Four lines, one call site each for Name and Area: the objects' vtables decided what ran. Press r to start again.
