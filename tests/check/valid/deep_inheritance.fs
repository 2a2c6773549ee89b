using System;

class L0 { public virtual int Depth() { return 0; } }
class L1 : L0 { public override int Depth() { return 1 + base.Depth(); } }
class L2 : L1 { public override int Depth() { return 1 + base.Depth(); } }
class L3 : L2 { }
class L4 : L3 { public override int Depth() { return 1 + base.Depth(); } }

class Program {
    static void Main() {
        L0 x = new L4();
        Console.WriteLine(x.Depth());
    }
}
