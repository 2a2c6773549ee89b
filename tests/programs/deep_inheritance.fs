// A deep inheritance chain (8 levels): fields from every level, overrides at some levels, is-checks against each ancestor.
using System;

class L0 { public int f0 = 0; public virtual string Name() { return "L0"; } public virtual int Depth() { return 0; } }
class L1 : L0 { public int f1 = 1; public override int Depth() { return base.Depth() + 1; } }
class L2 : L1 { public int f2 = 2; public override string Name() { return "L2"; } public override int Depth() { return base.Depth() + 1; } }
class L3 : L2 { public int f3 = 3; public override int Depth() { return base.Depth() + 1; } }
class L4 : L3 { public int f4 = 4; public override string Name() { return "L4/" + base.Name(); } public override int Depth() { return base.Depth() + 1; } }
class L5 : L4 { public int f5 = 5; public override int Depth() { return base.Depth() + 1; } }
class L6 : L5 { public int f6 = 6; public override int Depth() { return base.Depth() + 1; } }
class L7 : L6 { public int f7 = 7; public override string Name() { return "L7/" + base.Name(); } public override int Depth() { return base.Depth() + 1; } }

class Program {
    static void Main() {
        L0 x = new L7();
        Console.WriteLine(x.Name());
        Console.WriteLine(x.Depth());
        L7 y = (L7)x;
        Console.WriteLine(y.f0 + y.f1 + y.f2 + y.f3 + y.f4 + y.f5 + y.f6 + y.f7);
        Console.WriteLine((x is L3) + " " + (x is L6) + " " + (x is L7));
        L0 mid = new L3();
        Console.WriteLine(mid.Name() + " " + mid.Depth() + " " + (mid is L4) + " " + (mid is L2));
        L5 five = mid as L5;
        Console.WriteLine(five == null);
    }
}
