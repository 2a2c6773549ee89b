using System;

class Program {
    static void Main() {
        double d = 1.5;
        float f = 2;
        decimal m = 3;
        var g = 2.5f;
        var n = 4.25m;
    }
}
