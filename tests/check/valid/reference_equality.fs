using System;

class A { }
class B : A { }

class Program {
    static void Main() {
        A a = new A();
        B b = new B();
        A ab = b;
        Console.WriteLine(a == ab);
        Console.WriteLine(b == ab);
        Console.WriteLine(a != null);
        int[] x = new int[1];
        int[] y = x;
        Console.WriteLine(x == y);
    }
}
