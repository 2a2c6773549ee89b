using System;
class Program {
    static void Main() {
        int[] xs = { 1 };
        foreach (int x in xs) { x = 2; }
        foreach (string s in xs) { }
        foreach (int y in 5) { }
    }
}
