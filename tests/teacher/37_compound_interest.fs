using System;

// Savings with compound interest: Math.Pow and money formats.
class Savings {
    static void Main() {
        double principal = 1000;
        double rate = 0.05;
        for (int year = 0; year <= 10; year += 2) {
            double amount = principal * Math.Pow(1 + rate, year);
            Console.WriteLine($"year {year,2}: {amount,10:N2}");
        }
        double target = 2000;
        int years = 0;
        double balance = principal;
        while (balance < target) {
            balance *= 1 + rate;
            years++;
        }
        Console.WriteLine($"Doubled after {years} years: {balance:F2}");
        Console.WriteLine("Monthly rate: " + (rate / 12).ToString("F4"));
    }
}
