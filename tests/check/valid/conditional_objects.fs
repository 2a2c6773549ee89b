using System;

class A { }
class B : A { }

class Program {
    static void Main() {
        bool f = true;
        A a = f ? new B() : new A();
        A b = f ? (A)new B() : null;
        int[] arr = f ? new int[1] : null;
        Console.WriteLine(a != null && b != null && arr != null);
    }
}
