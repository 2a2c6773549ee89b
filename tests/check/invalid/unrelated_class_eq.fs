using System;

class A { }
class B { }

class Program {
    static void Main() {
        A a = new A();
        B b = new B();
        Console.WriteLine(a == b);
    }
}
