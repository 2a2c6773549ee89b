using System;
class Program {
    static int Mix(int a, long b) {
        long c = a * 3 + b / 2 - (b % 5);
        return (int)(c << 2) ^ ~a;
    }
    static void Main() {
        Console.WriteLine(Mix(7, 100L));
    }
}
