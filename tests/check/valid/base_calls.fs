using System;

class A {
    public virtual string Who() { return "A"; }
    public string Plain() { return "plain A"; }
}

class B : A {
    public override string Who() { return "B>" + base.Who(); }
}

class C : B {
    public override string Who() { return "C>" + base.Who() + " " + base.Plain(); }
}

class Program {
    static void Main() {
        A x = new C();
        Console.WriteLine(x.Who());
    }
}
