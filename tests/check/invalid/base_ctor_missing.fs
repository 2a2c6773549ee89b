class A {
    public A(int x) { }
}

class B : A { }

class C : A {
    public C() { }
}

class Program { static void Main() { } }
