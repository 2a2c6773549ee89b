using System;

class Helper {
    public static int Two() { return 2; }
}

class App {
    static void Main() {
        Console.WriteLine(Helper.Two());
    }
}
