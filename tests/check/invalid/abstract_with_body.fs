abstract class A {
    public abstract void F() { }
    public void G();
}

class Program { static void Main() { } }
