class A {
    private int secret;
    int alsoPrivate;
}

class Program {
    static void Main() {
        A a = new A();
        a.secret = 1;
        int x = a.alsoPrivate;
    }
}
