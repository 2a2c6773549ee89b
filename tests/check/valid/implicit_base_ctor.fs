using System;

class A {
    public int x = 1;
    public A() { Console.WriteLine("A()"); }
}

class B : A {
    public int y = 2;
}

class C : B {
    public C() { Console.WriteLine("C() " + x + y); }
}

class Program {
    static void Main() {
        C c = new C();
        B b = new B();
        Console.WriteLine(b.x + b.y);
    }
}
