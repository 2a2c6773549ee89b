class A {
    static void Main() { }
}

class B {
    static void Main() { }
}
