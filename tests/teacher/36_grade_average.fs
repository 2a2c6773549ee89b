using System;
using System.Collections.Generic;

// Grades in a List<double>: sum, average, best and worst.
class Grades {
    static void Main() {
        List<double> grades = new List<double> { 7.5, 9.0, 6.25, 8.75, 5.5 };
        double sum = 0;
        double best = double.MinValue;
        double worst = double.MaxValue;
        foreach (double g in grades) {
            sum += g;
            best = Math.Max(best, g);
            worst = Math.Min(worst, g);
        }
        double average = sum / grades.Count;
        Console.WriteLine($"{grades.Count} grades, average {average:F2}");
        Console.WriteLine($"best {best}, worst {worst}");
        int passed = 0;
        foreach (double g in grades) {
            if (g >= 6) passed++;
        }
        Console.WriteLine($"{passed} passed ({100.0 * passed / grades.Count}%)");
    }
}
