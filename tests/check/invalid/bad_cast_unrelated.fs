class A { }
class B { }

class Program {
    static void Main() {
        A a = new A();
        B b = (B)a;
        B c = a as B;
    }
}
