class A { }

class B : A {
    public override void F() { }
}

class Program { static void Main() { } }
