using System;
class Program {
    static string Day(int d) {
        switch (d) {
            case 0: return "Sunday";
            case 6: return "Saturday";
            default: return "a weekday";
        }
    }
    static void Main() {
        Console.WriteLine(Day(0) + ", " + Day(3));
    }
}
