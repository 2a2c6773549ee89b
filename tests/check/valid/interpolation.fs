using System;
using System.Threading.Tasks;

class Program {
    static void Main() {
        int x = 3;
        long y = 4;
        bool b = true;
        char c = 'q';
        string s = "str";
        Console.WriteLine($"x = {x}, y = {y}, b = {b}, c = {c}, s = {s}, sum = {x + y}");
        Console.WriteLine($"no holes");
        Console.WriteLine($"{x}{y}");
    }
}
