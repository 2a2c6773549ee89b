// if / else if / else chains, nested ifs and dangling else binding to the nearest if.
using System;

class Program {
    static string Grade(int score) {
        if (score >= 90) return "A";
        else if (score >= 80) return "B";
        else if (score >= 70) return "C";
        else return "F";
    }

    static void Main() {
        Console.WriteLine(Grade(95) + Grade(85) + Grade(75) + Grade(5));
        int x = 5;
        if (x > 0)
            if (x > 10) Console.WriteLine("big");
            else Console.WriteLine("small positive");
        if (x < 0) {
            Console.WriteLine("negative");
        } else {
            if (x == 5) Console.WriteLine("five");
        }
        bool done = false;
        if (!done) done = true;
        Console.WriteLine(done);
    }
}
