// exit: 2
// stderr: System.NullReferenceException
// Reading a field through a null reference fails with NullReferenceException (exit 2) after earlier output.
using System;

class Box {
    public int value = 3;
}

class Program {
    static void Main() {
        Box b = new Box();
        Console.WriteLine("value " + b.value);
        b = null;
        Console.WriteLine("before");
        Console.WriteLine(b.value);
        Console.WriteLine("never printed");
    }
}
