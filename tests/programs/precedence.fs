// Operator precedence and associativity as in C#: unary, multiplicative, additive, shift, relational, equality, &, ^, |, &&, ||, ?:, assignment.
using System;

class Program {
    static void Main() {
        int a = 2;
        int b = 3;
        int c = 4;
        Console.WriteLine(a + b * c);
        Console.WriteLine((a + b) * c);
        Console.WriteLine(a * b % c);
        Console.WriteLine(a - b - c);
        Console.WriteLine(a - (b - c));
        Console.WriteLine(100 / 10 / 5);
        Console.WriteLine(1 + 2 << 3);
        Console.WriteLine(1 << 2 + 3);
        Console.WriteLine(a < b == b < c);
        Console.WriteLine(6 & 3 ^ 5 | 8);
        Console.WriteLine(6 | 3 & 5 ^ 8);
        Console.WriteLine(-a * b);
        Console.WriteLine(-(a * b) + ~a);
        Console.WriteLine(!true || true && false);
        Console.WriteLine(true || false && false);
        Console.WriteLine(a > b ? 1 : b > c ? 2 : 3);
        Console.WriteLine(a + b > c && c - a < b);
        int x;
        int y;
        x = y = 7;
        Console.WriteLine(x + y);
        x += y *= 2;
        Console.WriteLine(x + " " + y);
        Console.WriteLine(a * b + c * a - b / a);
        Console.WriteLine(10 - 2 * 3 + 8 / 4 % 3);
    }
}
