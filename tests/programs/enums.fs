// Enums as C# has them: numbered members (explicit values and one more than
// the member before), casts, comparisons, E + int, E - E, ++, switch, arrays
// and fields of enum type (0 by default), a nested enum, and printing by name
// (a value no member has prints as its number).
using System;

enum Color { Red, Green = 5, Blue }

class Light {
    public enum State { Off, On = 10, Blinking }
    public State Now;
    public Color Shade = Color.Blue;
}

class Program {
    static string Describe(Color c) {
        switch (c) {
            case Color.Red: return "warm";
            case Color.Green:
            case Color.Blue: return "cool";
            default: return "odd";
        }
    }

    static void Main() {
        Color c = Color.Green;
        Console.WriteLine(c);
        Console.WriteLine("c = " + c + ", next " + (c + 1) + ", as int " + (int)c);
        Color odd = (Color)7;
        Console.WriteLine(odd);
        Console.WriteLine($"{Color.Red} {(Color)6} {c.ToString()}");
        Console.WriteLine(c == Color.Green);
        Console.WriteLine(c < Color.Blue);
        Console.WriteLine(Color.Blue - Color.Red);
        c++;
        Console.WriteLine(c);
        Light l = new Light();
        Console.WriteLine(l.Now + " " + l.Shade);
        l.Now = Light.State.Blinking;
        Console.WriteLine(l.Now);
        Color[] all = { Color.Red, Color.Green, Color.Blue, odd };
        foreach (Color x in all) Console.WriteLine(x + " is " + Describe(x));
        long big = (long)Color.Blue;
        Console.WriteLine(big);
    }
}
