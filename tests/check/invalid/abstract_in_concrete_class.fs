class A {
    public abstract void F();
}

class Program { static void Main() { } }
