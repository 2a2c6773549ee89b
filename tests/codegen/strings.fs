using System;
class Program {
    static void Main() {
        string s = "flux";
        bool same = s == "fl" + "ux";
        Console.WriteLine($"{s} has {s.Length} letters, s[0] = {s[0]}, {same}");
    }
}
