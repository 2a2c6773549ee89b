// exit: 8
// stderr: System.InvalidCastException
// Casting a base-class instance down to a subclass fails with InvalidCastException (exit 8).
using System;

class Base { public int x = 1; }
class Derived : Base { public int y = 2; }
class MoreDerived : Derived { }

class Program {
    static void Main() {
        Base b = new Derived();
        Derived d = (Derived)b;
        Console.WriteLine(d.y);
        Console.WriteLine((b as MoreDerived) == null);
        MoreDerived m = (MoreDerived)b;
        Console.WriteLine("never printed");
    }
}
