abstract class A { public abstract int F(); }

class B : A {
    public override int F() { return base.F(); }
}

class Program { static void Main() { } }
