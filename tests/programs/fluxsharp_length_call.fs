// oracle: skip — FluxSharp-only: s.length() as a method call meaning s.Length
using System;

class Program {
    static void Main() {
        string s = "flux";
        Console.WriteLine(s.length());
        Console.WriteLine(s.length() == s.Length);
        string t = s + "sharp";
        Console.WriteLine(t.length());
        Console.WriteLine("".length());
    }
}
