// C#'s Console keeps one encoder from write to write: a surrogate pair written half by half is one character; a half that nothing completes becomes U+FFFD. Escapes \x, \u and \U.
using System;

class Program {
    static void Main() {
        string smile = "\U0001F600";
        Console.WriteLine(smile.Length);
        foreach (char c in smile) Console.Write(c);
        Console.WriteLine();
        Console.Write(smile[0]);
        Console.Write("|");
        Console.WriteLine(smile[1]);
        Console.Write('\uD83D');
        Console.Write('\uDE03');
        Console.WriteLine(" joined across two writes");
        Console.Write('\uD83D');
        Console.Write('\uD83D');
        Console.Write('\uDE04');
        Console.WriteLine();
        Console.WriteLine("a" + '\uDE00' + "b");
        Console.WriteLine('\x41' + "\x42C" + '\u0044');
        char[] units = { '\uD83C', '\uDF89' };
        Console.WriteLine(units);
        Console.WriteLine(new string(units).Length);
    }
}
