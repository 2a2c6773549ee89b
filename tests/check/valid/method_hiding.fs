using System;

class A {
    public string F() { return "A.F"; }
}

class B : A {
    public string F() { return "B.F"; }
}

class Program {
    static void Main() {
        B b = new B();
        A a = b;
        Console.WriteLine(b.F());
        Console.WriteLine(a.F());
    }
}
