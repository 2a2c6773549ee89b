abstract class A { }

class Program {
    static void Main() {
        A a = new A();
    }
}
