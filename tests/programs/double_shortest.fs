// oracle: skip — .NET Core 3.0 and later print a double's shortest round-trip digits (0.1 + 0.2 is 0.30000000000000004, -0.0 is -0); mono prints 15 significant digits (0.3, 0) and rounds Math.Round(2.5) to 3. Expectations follow .NET's Number.Formatting and Dragon4.
using System;

class Program {
    static void Main() {
        Console.WriteLine(0.1 + 0.2);
        Console.WriteLine(1.0 / 3);
        Console.WriteLine(2.0 / 3);
        Console.WriteLine(0.1 * 3);
        Console.WriteLine(1.1 * 1.1);
        Console.WriteLine(Math.PI * 1e10);
        Console.WriteLine(-0.0);
        Console.WriteLine(Math.Ceiling(-0.5));
        Console.WriteLine(Math.Round(-0.4));
        Console.WriteLine(5e-324);
        Console.WriteLine(double.MaxValue + " " + double.MinValue + " " + double.Epsilon);
        Console.WriteLine(Math.Pow(1.1, 10));
        Console.WriteLine(123456789012345678.0);
        Console.WriteLine((0.1 + 0.2).ToString("R") + " " + (0.1 + 0.2).ToString("G17"));
        // An exact tie rounds to the even digit in the standard formats.
        Console.WriteLine($"{0.125:F2} {0.375:F2} {2.5:F0} {3.5:F0} {2.675:F2}");
        Console.WriteLine((-0.001).ToString("F2"));
        // Math.Round rounds halfway to even (mono 6.8 gives 3 and -3 here).
        Console.WriteLine(Math.Round(2.5) + " " + Math.Round(-2.5) + " " + Math.Round(0.5));
        double sum = 0;
        for (int i = 0; i < 10; i++) sum += 0.1;
        Console.WriteLine(sum);
        Console.WriteLine(sum == 1.0);
    }
}
