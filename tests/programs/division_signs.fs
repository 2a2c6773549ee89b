// Integer division truncates toward zero; the remainder takes the sign of the dividend (int and long).
using System;

class Program {
    static void Show(int a, int b) {
        Console.WriteLine(a + " / " + b + " = " + (a / b) + ", " + a + " % " + b + " = " + (a % b));
    }

    static void ShowLong(long a, long b) {
        Console.WriteLine(a + " / " + b + " = " + (a / b) + ", " + a + " % " + b + " = " + (a % b));
    }

    static void Main() {
        Show(7, 2);
        Show(-7, 2);
        Show(7, -2);
        Show(-7, -2);
        Show(0, 5);
        Show(1, 3);
        Show(-1, 3);
        Show(int.MaxValue, -1);
        Show(int.MinValue, 2);
        Show(int.MinValue, int.MaxValue);
        ShowLong(7000000000L, -3);
        ShowLong(-7000000000L, 3);
        ShowLong(long.MinValue, 7);
        ShowLong(long.MaxValue, -1);
    }
}
