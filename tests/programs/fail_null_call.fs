// exit: 2
// stderr: System.NullReferenceException
// Calling an instance method (virtual and non-virtual) through null fails with NullReferenceException (exit 2).
using System;

class Greeter {
    public string name = "g";
    public virtual string Hello() { return "hello from " + name; }
    public string Plain() { return "plain"; }
}

class Program {
    static void Main() {
        Greeter g = new Greeter();
        Console.WriteLine(g.Hello());
        Greeter none = null;
        Console.WriteLine("calling through null");
        Console.WriteLine(none.Hello());
        Console.WriteLine("never printed");
    }
}
