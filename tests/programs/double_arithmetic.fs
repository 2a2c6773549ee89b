// double: IEEE arithmetic on SSE2 (addsd, mulsd, ucomisd …), conversions,
// casts, NaN and infinities, and values every runtime prints alike.
using System;
using System.Threading.Tasks;

class Circle {
    public double Radius;
    public Circle(double radius) { Radius = radius; }
    public double Area() { return Math.PI * Radius * Radius; }
    public override string ToString() { return $"Circle({Radius})"; }
}

enum Level { Low = 1, Mid = 2, High = 3 }

class Account {
    public double Balance { get; set; }
}

class Program {
    static double Average(params double[] values) {
        double sum = 0;
        foreach (double v in values) sum += v;
        return values.Length == 0 ? 0 : sum / values.Length;
    }

    static async Task<double> Half(double x) {
        await Task.Yield();
        return x / 2;
    }

    static async Task Main() {
        double a = 7.5, b = 2;
        Console.WriteLine(a + b);
        Console.WriteLine(a - b);
        Console.WriteLine(a * b);
        Console.WriteLine(a / b);
        Console.WriteLine(a % b);
        Console.WriteLine(-a % b);
        Console.WriteLine(-a);
        int i = 3;
        long big = 10000000000L;
        Console.WriteLine(i / 2 + " " + i / 2.0 + " " + big * 0.5);
        Console.WriteLine((int)a + " " + (int)-a + " " + (long)1e15 + " " + (char)65.7);
        Console.WriteLine(a > b && b < a && a >= 7.5 && b <= 2 && a != b && b == 2);

        double nan = double.NaN;
        Console.WriteLine(nan == nan);
        Console.WriteLine(nan != nan);
        Console.WriteLine(nan < 1 || nan > 1 || nan <= 1 || nan >= 1);
        Console.WriteLine(Double.IsNaN(0.0 / 0.0) + " " + double.IsInfinity(1 / 0.0));
        if (nan < 1) Console.WriteLine("wrong"); else Console.WriteLine("NaN is not less than 1");
        if (!(nan == nan)) Console.WriteLine("NaN is not equal to itself");
        Console.WriteLine(1e308 * 10);
        Console.WriteLine(-1 / 0.0);

        double x = 1;
        x++;
        x += 0.25;
        x *= 4;
        x--;
        Console.WriteLine(x);
        Console.WriteLine(++x + " " + x--);

        Console.WriteLine(Math.Sqrt(16) + " " + Math.Sqrt(2).ToString("F6"));
        Console.WriteLine(Math.Pow(2, 10) + " " + Math.Pow(2, -2) + " " + Math.Pow(1.5, 3) + " " + Math.Pow(9, 0.5));
        Console.WriteLine(Math.Pow(-2, 3) + " " + Math.Pow(-8, 1.0 / 3) + " " + Math.Pow(0, 0) + " " + Math.Pow(10, 15));
        Console.WriteLine(Math.Abs(-2.5) + " " + Math.Max(1.5, 2) + " " + Math.Min(-1, 0.5) + " " + Math.Max(3, 4));
        Console.WriteLine(Math.Floor(2.7) + " " + Math.Floor(-2.7) + " " + Math.Ceiling(2.1) + " " + Math.Truncate(-2.9));
        Console.WriteLine(Math.Round(2.4) + " " + Math.Round(3.6) + " " + Math.Round(-2.6) + " " + Math.Round(2.567, 2));
        Console.WriteLine(Math.Sign(-0.5) + " " + Math.PI.ToString("F5") + " " + Math.E.ToString("N4"));

        double price = 1234.5678;
        Console.WriteLine($"{price:F2} {price:F0} {price:N2} {price:E2} {price:G3} {price:0.0} {price:#,##0.00}");
        Console.WriteLine($"[{price,12:F1}] [{price,-12:F3}] [{0.5,6}]");
        Console.WriteLine(string.Format("{0:F3} and {1:N1}", 2.0 / 3, 1e6));
        Console.WriteLine(price.ToString("F1") + " " + (0.25).ToString());
        Console.WriteLine(1e15 + " " + 1e14 + " " + 1.5e-5 + " " + 0.0001 + " " + 123456789.0);

        double[] temps = { 21.5, 19.0, 23.25 };
        Console.WriteLine(Average(temps) + " " + Average(1, 2) + " " + Average());
        var shapes = new Circle[] { new Circle(1), new Circle(2.5) };
        foreach (var c in shapes) Console.WriteLine(c + " area " + c.Area().ToString("F3"));
        Console.WriteLine(await Half(5));
        double total = 0;
        for (double t = 0; t < 1; t += 0.25) total += t;
        Console.WriteLine(total);
        Console.WriteLine(int.Parse("42") * 1.5);
        Console.WriteLine(default(double));

        double[] values = { 3.5, -1, 2.25, 10, -7.5 };
        Array.Sort(values);
        Console.WriteLine(string.Join(" ", values));
        Console.WriteLine((double)Level.High / 2 + " " + (Level)2.9);
        var account = new Account();
        account.Balance += 100.5;
        account.Balance *= 2;
        account.Balance++;
        Console.WriteLine(account.Balance.ToString("F2"));
        Console.WriteLine(Math.Pow(1.05, 30).ToString("F6") + " " + Math.Pow(2, 40) + " " + Math.Pow(0.5, 20));
    }
}
