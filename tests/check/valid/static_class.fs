using System;

static class MathUtil {
    public static int Square(int x) { return x * x; }
    public const int Two = 2;
}

class Program {
    static void Main() {
        Console.WriteLine(MathUtil.Square(MathUtil.Two));
    }
}
