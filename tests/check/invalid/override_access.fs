class A { public virtual void F() { } }

class B : A {
    protected override void F() { }
}

class Program { static void Main() { } }
