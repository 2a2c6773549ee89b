// The everyday library written in Flux# (lib/System.fs): char.IsDigit,
// IsLetter, IsUpper, IsWhiteSpace, ToUpper/ToLower; string.IsNullOrEmpty and
// IsNullOrWhiteSpace; int.Parse with its FormatException and OverflowException.
using System;
class Program {
    static void Main() {
        int digits = 0, letters = 0, upper = 0;
        string shout = "";
        foreach (char c in "Hello, World 42!") {
            if (char.IsDigit(c)) digits++;
            if (char.IsLetter(c)) letters++;
            if (char.IsUpper(c)) upper++;
            shout += char.ToUpper(c);
        }
        Console.WriteLine(digits + " " + letters + " " + upper + " " + shout);
        Console.WriteLine(char.ToLower('Q') + "" + char.IsWhiteSpace('\t') + char.IsLetterOrDigit('_'));
        Console.WriteLine(string.IsNullOrEmpty("") + " " + string.IsNullOrEmpty(null) + " " + string.IsNullOrEmpty("a"));
        Console.WriteLine(string.IsNullOrWhiteSpace("  \t ") + " " + string.IsNullOrWhiteSpace(" x "));
        Console.WriteLine(int.Parse("  -123 ") + int.Parse("+7") + int.Parse("2147483647") / 2);
        try { int.Parse("12a"); } catch (FormatException) { Console.WriteLine("not a number"); }
        try { int.Parse("2147483648"); } catch (OverflowException) { Console.WriteLine("too big"); }
        Console.WriteLine(int.Parse("-2147483648"));
    }
}
