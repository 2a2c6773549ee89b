// Optional parameters of constructors: defaults filled in by new and by : base(…) / : this(…) chains, an overload that needs no default preferred, as C# does.
using System;
class Point {
    public int X, Y;
    public string Label;
    public Point(int x = 0, int y = 0, string label = "p") { X = x; Y = y; Label = label; }
    public override string ToString() { return Label + "(" + X + ", " + Y + ")"; }
}
class Point3 : Point {
    public int Z;
    public Point3(int z) : base(1) { Z = z; }
    public Point3() : this(9) { }
}
class Account {
    public string Owner;
    public int Balance;
    public Account(string owner, int balance = 100) { Owner = owner; Balance = balance; }
    public Account(string owner, string note) { Owner = owner + " (" + note + ")"; }
}
class Program {
    static void Main() {
        Console.WriteLine(new Point());
        Console.WriteLine(new Point(3));
        Console.WriteLine(new Point(3, 4));
        Console.WriteLine(new Point(3, 4, "q"));
        var p3 = new Point3();
        Console.WriteLine(p3 + " z=" + p3.Z);
        var a = new Account("ann");
        var b = new Account("bob", 5);
        var c = new Account("cy", "vip");
        Console.WriteLine(a.Owner + a.Balance + " " + b.Owner + b.Balance + " " + c.Owner + c.Balance);
    }
}
