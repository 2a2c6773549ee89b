class A { public virtual int F() { return 1; } }

class B : A {
    public override long F() { return 1; }
}

class Program { static void Main() { } }
