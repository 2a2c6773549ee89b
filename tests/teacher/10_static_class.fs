using System;
static class Temperature {
    public static int ToFahrenheit(int c) { return c * 9 / 5 + 32; }
}
class Program {
    static void Main() {
        Console.WriteLine(Temperature.ToFahrenheit(100));
    }
}
