// double.Parse and double.TryParse: the double nearest to the text (lib/Double.fs).
using System;

class Program {
    static void Main() {
        string[] inputs = { "3.14", " -2.5 ", "1e3", "6.02E23", "0.001", "1,250.75", ".5", "12.", "abc", "", "1.2.3", "4e" };
        foreach (string text in inputs) {
            double value;
            if (double.TryParse(text, out value)) {
                Console.WriteLine($"[{text}] -> {value}");
            } else {
                Console.WriteLine($"[{text}] is not a number");
            }
        }
        double total = 0;
        foreach (string price in "19.99;5.01;0.25".Split(';')) total += double.Parse(price);
        Console.WriteLine(total.ToString("F2"));
        try {
            double.Parse("twelve");
        } catch (FormatException e) {
            Console.WriteLine("FormatException: " + e.Message);
        }
    }
}
