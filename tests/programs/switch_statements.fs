// switch on int (stacked labels, default in the middle), char and string (with case null), break inside a case's if, continue and return from a switch inside a foreach.
using System;
class Program {
    static string Name(int day) {
        switch (day) {
            case 0:
            case 6:
                return "weekend";
            case 3:
                return "midweek";
            default:
                return "workday";
        }
    }
    static int Score(char grade) {
        int points = 0;
        switch (grade) {
            case 'A': points = 4; break;
            case 'B': points = 3; break;
            default:
                if (grade == 'F') { points = -1; break; }
                points = 1;
                break;
            case 'C': points = 2; break;
        }
        return points;
    }
    static void Main() {
        for (int d = 0; d < 7; d++) Console.WriteLine(d + " " + Name(d));
        foreach (char g in "ABCDF") Console.WriteLine(g + " " + Score(g));
        string[] cmds = { "go", "stop", "skip", "go", "quit", "go" };
        int moved = 0;
        foreach (string c in cmds) {
            switch (c) {
                case "go":
                    moved++;
                    break;
                case "skip":
                    continue;
                case "quit":
                    Console.WriteLine("quit after " + moved);
                    return;
                case null:
                    break;
            }
            Console.WriteLine("after " + c);
        }
        Console.WriteLine("never");
    }
}
