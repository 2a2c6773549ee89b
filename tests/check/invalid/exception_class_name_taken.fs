using System;

class InvalidOperationException {
}

class Program {
    static void Main() {
        Console.WriteLine("hi");
    }
}
