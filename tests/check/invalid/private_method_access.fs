class A {
    void Hidden() { }
}

class Program {
    static void Main() {
        new A().Hidden();
    }
}
