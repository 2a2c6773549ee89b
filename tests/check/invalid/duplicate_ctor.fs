class A {
    public A(int x) { }
    public A(int y) { }
}

class Program { static void Main() { } }
