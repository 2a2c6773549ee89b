using System;

// Celsius to Fahrenheit: double arithmetic and a formatted table.
class Temperatures {
    static double ToFahrenheit(double celsius) {
        return celsius * 9 / 5 + 32;
    }

    static void Main() {
        Console.WriteLine("  C        F");
        for (double c = -10; c <= 40; c += 12.5) {
            Console.WriteLine($"{c,5:F1} {ToFahrenheit(c),8:F1}");
        }
        double body = 37;
        Console.WriteLine("Body temperature: " + ToFahrenheit(body) + " F");
        Console.WriteLine("Rounded: " + Math.Round(ToFahrenheit(21.7)));
    }
}
