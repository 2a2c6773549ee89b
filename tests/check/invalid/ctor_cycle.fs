class A {
    public A() : this(1) { }
    public A(int x) : this() { }
    public A(long x) : this(x) { }
}

class Program { static void Main() { } }
