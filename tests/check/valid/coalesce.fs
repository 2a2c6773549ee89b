using System;

class A { }
class B : A { }

class Program {
    static void Main() {
        string s = null;
        string t = s ?? "default";
        A a = null;
        B b = new B();
        A r = a ?? b;
        A q = b ?? a;
        Console.WriteLine(t);
        Console.WriteLine(r == b);
        Console.WriteLine(q != null);
    }
}
