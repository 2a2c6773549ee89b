class A { }

class Program {
    static void Main() {
        int x = 1;
        bool b = x is A;
        A a = new A();
        bool c = a is int;
    }
}
