class A {
    readonly int r = 1;
    public void F() { r = 2; }
}

class Program { static void Main() { } }
