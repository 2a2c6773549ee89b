using System;

class A {
    static int Helper() { return 5; }
    int field = 2;
    public int Run() { return Helper() + field + A.Helper(); }
}

class Program {
    static void Main() {
        Console.WriteLine(new A().Run());
    }
}
