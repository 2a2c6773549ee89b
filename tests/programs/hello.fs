// The smallest program: Console.WriteLine of a literal, Write without newline, an empty line.
using System;

class Program {
    static void Main() {
        Console.WriteLine("Hello, Flux#!");
        Console.Write("no newline, ");
        Console.Write("then ");
        Console.WriteLine("one");
        Console.WriteLine();
        Console.WriteLine("after an empty line");
    }
}
