// exit: 2
// stderr: System.NullReferenceException
// Calling a non-virtual instance method through null fails at the call (C# checks this even if the method never touches a field).
using System;

class Greeter {
    public string Plain() { return "plain"; }
}

class Program {
    static void Main() {
        Greeter g = null;
        Console.WriteLine("before");
        Console.WriteLine(g.Plain());
        Console.WriteLine("never printed");
    }
}
