class A { public void F() { } }

class B : A {
    public override void F() { }
}

class Program { static void Main() { } }
