using System;
class Program {
    static int Sum(params int[] xs) {
        int s = 0;
        foreach (int x in xs) s += x;
        return s;
    }
    static void Main() {
        Console.WriteLine(Sum(1, 2, 3));
    }
}
