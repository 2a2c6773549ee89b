class A {
    int x;
    int x;
    void F() { }
    void F() { }
    void F(int a) { }
    int G;
    void G() { }
}

class Program { static void Main() { } }
