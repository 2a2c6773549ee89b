using System;
class Program {
    static void Main() {
        int[] scores = { 90, 75, 82 };
        int total = 0;
        foreach (int s in scores) total += s;
        Console.WriteLine($"average {total / scores.Length}");
    }
}
