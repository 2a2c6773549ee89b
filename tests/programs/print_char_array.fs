// Console.WriteLine(char[]) and Console.Write(char[]) print the characters (C#'s overload); joined to a string, an array is its type name.
using System;

class Program {
    static void Main() {
        char[] word = { 'h', 'é', 'l', 'l', 'o' };
        Console.WriteLine(word);
        Console.Write(word);
        Console.Write(new char[0]);
        Console.WriteLine();
        char[] none = null;
        Console.WriteLine(none);
        Console.WriteLine("as text: " + word);
        word[0] = 'H';
        Console.WriteLine(word);
    }
}
