using System;

class Program {
    static void Main() {
        Later l = new Later();
        Console.WriteLine(l.Value());
    }
}

class Later : Earlier {
    public override int Value() { return 2; }
}

abstract class Earlier {
    public abstract int Value();
}
