using System;

class A { public virtual int F() { return 1; } }
class B : A { public sealed override int F() { return 2; } }
sealed class C : B { }

class Program {
    static void Main() {
        A a = new C();
        Console.WriteLine(a.F());
    }
}
