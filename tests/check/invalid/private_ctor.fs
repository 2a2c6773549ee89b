class A {
    private A() { }
}

class Program {
    static void Main() {
        A a = new A();
    }
}
