using System;

class Log {
    public static int Next(string what) { Console.WriteLine(what); return 1; }
}

class A {
    int a = Log.Next("A field");
    public A() { Console.WriteLine("A ctor"); }
}

class B : A {
    int b = Log.Next("B field");
    public B() : base() { Console.WriteLine("B ctor"); }
}

class Program {
    static void Main() {
        new B();
    }
}
