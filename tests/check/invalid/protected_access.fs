class A {
    protected int p;
}

class B : A {
    public int Peek(A other) { return other.p; }
}

class Program {
    static void Main() {
        A a = new A();
        int x = a.p;
    }
}
