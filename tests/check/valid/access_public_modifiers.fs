using System;

public class A {
    public int x;
    public A() { }
}

internal class B {
    public static int Z = 3;
}

class Program {
    public static void Main() {
        A a = new A();
        a.x = 1;
        Console.WriteLine(a.x + B.Z);
    }
}
