using System;

class A {
    protected int p = 1;
    protected static int sp = 2;
    protected int Get() { return p; }
    private int hidden = 3;
    public int Hidden() { return hidden; }
}

class B : A {
    public int Sum(B other) { return p + other.p + sp + Get() + other.Get() + Hidden(); }
}

class Program {
    static void Main() {
        B b = new B();
        Console.WriteLine(b.Sum(new B()));
    }
}
