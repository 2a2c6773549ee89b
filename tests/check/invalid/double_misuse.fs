using System;

class Meter {
    public int Count { get; set; }
}

class Program {
    static void Main() {
        double d = 2.5;
        int i = d;
        long l = 1.5;
        i += 0.5;
        var m = new Meter();
        m.Count += 1.5;
        Console.WriteLine(d << 1);
        Console.WriteLine(d & 1);
        Console.WriteLine(~d);
        double big = 1e400;
        int cast = (int)1e10;
        switch (d) {
            case 1: break;
        }
    }
}
