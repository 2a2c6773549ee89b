using System;
class Fraction {
    int n, d;
    public Fraction(int n, int d) { this.n = n; this.d = d; }
    public override string ToString() { return n + "/" + d; }
}
class Program {
    static void Main() {
        Fraction f = new Fraction(3, 4);
        Console.WriteLine("f = " + f);
    }
}
