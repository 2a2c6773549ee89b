// C#'s errors about properties: CS0200 (no set accessor, outside the
// constructor), CS0272 (private set), CS0154 (no get accessor), CS8050 (an
// initializer on a property that is not auto-implemented), CS1955 (called
// like a method); and a property write used as a value (not yet in Flux#).
using System;
class A {
    public int X { get; private set; }
    public int Y { get; }
    public int W { set { } }
    public int Z { get { return 1; } } = 3;
    public int Q { get; set; }
    public A() { Y = 1; }
    public void M() { Y = 2; }
}
class Program {
    static void Main() {
        A a = new A();
        a.X = 1;
        a.Y = 2;
        int w = a.W;
        int q = a.Q = 4;
        a.Q();
        Console.WriteLine(a.Q++);
    }
}
