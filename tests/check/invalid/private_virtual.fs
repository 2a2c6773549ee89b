class A {
    virtual void F() { }
}

class Program { static void Main() { } }
