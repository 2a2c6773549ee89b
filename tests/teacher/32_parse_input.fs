using System;

class Program {
    static void Main() {
        string input = "12, 7, abc, -3, , 40, 9999999999, 5";
        string[] parts = input.Split(',');
        int sum = 0;
        int bad = 0;
        foreach (string part in parts) {
            if (int.TryParse(part.Trim(), out int value)) {
                sum += value;
            } else {
                bad++;
                Console.WriteLine($"skipped \"{part.Trim()}\"");
            }
        }
        Console.WriteLine($"sum = {sum}, skipped {bad} of {parts.Length}");
        try {
            int n = int.Parse("12x");
        } catch (FormatException e) {
            Console.WriteLine("int.Parse: " + e.Message);
        }
    }
}
