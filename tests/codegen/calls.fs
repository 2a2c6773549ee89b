using System;
class Program {
    static int Add(int a, int b) { return a + b; }
    static long Many(int a, int b, int c, int d, int e, int f, int g, int h) {
        return a + b + c + d + e + f + g + (long)h;
    }
    static void Main() {
        Console.WriteLine(Add(Add(1, 2), 3));
        Console.WriteLine(Many(1, 2, 3, 4, 5, 6, 7, 8));
    }
}
