// exit: 2
// stderr: System.NullReferenceException
// Writing a field through a null reference fails with NullReferenceException (exit 2).
using System;

class Box {
    public long value;
}

class Program {
    static Box Find(int key) {
        if (key == 1) return new Box();
        return null;
    }

    static void Main() {
        Find(1).value = 5;
        Console.WriteLine("first write ok");
        Find(2).value = 6;
        Console.WriteLine("never printed");
    }
}
