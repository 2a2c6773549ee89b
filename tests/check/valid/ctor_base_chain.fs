using System;

class Base {
    protected int v;
    public Base(int v) { this.v = v; Console.WriteLine("Base " + v); }
}

class Mid : Base {
    public Mid(int v) : base(v * 2) { Console.WriteLine("Mid"); }
}

class Leaf : Mid {
    public Leaf() : base(5) { Console.WriteLine("Leaf " + v); }
}

class Program {
    static void Main() {
        Leaf l = new Leaf();
    }
}
