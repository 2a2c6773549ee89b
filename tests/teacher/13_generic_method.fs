using System;
class Program {
    static T First<T>(T[] items) { return items[0]; }
    static void Main() {
        Console.WriteLine(First(new int[] { 7, 8 }));
    }
}
