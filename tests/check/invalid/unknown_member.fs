using System;

class A { public int x; }

class Program {
    static void Main() {
        A a = new A();
        a.y = 3;
        a.Go();
        Console.Foo("x");
        int m = int.Max;
    }
}
