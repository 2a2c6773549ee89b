using System;
enum Day { Mon, Tue, Wed, Thu, Fri, Sat, Sun }
class Program {
    static string Kind(Day d) {
        switch (d) {
            case Day.Sat:
            case Day.Sun:
                return "weekend";
            default:
                return "weekday";
        }
    }
    static void Main() {
        for (Day d = Day.Mon; d <= Day.Sun; d++) Console.WriteLine(d + " is a " + Kind(d));
    }
}
