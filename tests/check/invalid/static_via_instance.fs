class A {
    public static int s;
    public static void F() { }
}

class Program {
    static void Main() {
        A a = new A();
        int x = a.s;
        a.F();
    }
}
