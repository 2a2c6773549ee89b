// C#'s rules for optional parameters: a constant default (CS1736) of the
// parameter's type (CS1750), only after the required ones (CS1737), and no
// call that leaves out a required one; the same rules for constructors.
using System;
class A {
    public A(int x = 1, int y) { }
    public static int F(int a = 1, int b) { return a + b; }
    public static int G(int a, string s = 5) { return a; }
    public static int H(int a, int b = a) { return a; }
    public static int K(int a, int b = 2) { return a + b; }
}
class Program {
    static void Main() {
        Console.WriteLine(A.K());
    }
}
