using System;

class P {
    readonly int x = 1;
    public readonly int y;
    public static readonly int Z = 9;
    public P(int y) { this.y = y; x = x + 1; }
    public int X() { return x; }
}

class Program {
    static void Main() {
        P p = new P(4);
        Console.WriteLine(p.X() + p.y + P.Z);
    }
}
