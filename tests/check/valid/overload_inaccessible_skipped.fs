using System;

class A {
    private string F(int x) { return "private int"; }
    public string F(long x) { return "public long"; }
    public string Inside() { return F(1); }
}

class Program {
    static void Main() {
        A a = new A();
        Console.WriteLine(a.F(1));
        Console.WriteLine(a.Inside());
        Console.WriteLine(string.Empty + "x");
    }
}
