// string's instance methods (lib/System.fs extension methods on a
// null-checked receiver), new string(…), user extension methods, and
// .NET's exceptions and messages for bad arguments.
using System;

static class Shout {
    public static string Loud(this string s, int times) {
        string r = "";
        for (int i = 0; i < times; i++) r += s.ToUpper() + "!";
        return r;
    }
    public static int Twice(this int n) { return 2 * n; }
}

class Program {
    static void Try(string what, int step) {
        try {
            string s = "abc";
            string r = "";
            if (step == 0) r = s.Substring(5);
            if (step == 1) r = s.Substring(1, 5);
            if (step == 2) r = s.Replace("", "x");
            if (step == 3) r = new string('x', -1);
            if (step == 4) { string n = null; r = n.Trim(); }
            if (step == 5) r = s.Remove(3);
            Console.WriteLine(what + ": " + r);
        } catch (ArgumentException e) {
            Console.WriteLine(what + ": " + e.Message);
        } catch (NullReferenceException e) {
            Console.WriteLine(what + ": NRE " + e.Message);
        }
    }
    static void Main() {
        string s = "Hello, World";
        Console.WriteLine(s.Substring(7) + "|" + s.Substring(0, 5) + "|" + s.IndexOf('o') + " " + s.IndexOf("World") + " " + s.IndexOf('o', 5) + " " + s.LastIndexOf('o') + " " + s.LastIndexOf("l"));
        Console.WriteLine(s.Contains("World") + " " + s.Contains("world") + " " + s.StartsWith("Hell") + " " + s.EndsWith("ld") + " " + s.Contains('W'));
        Console.WriteLine(s.ToUpper() + " " + s.ToLower() + " " + "ÉtÉ".ToLower());
        Console.WriteLine("[" + "  x y  ".Trim() + "][" + "  x ".TrimStart() + "][" + " x  ".TrimEnd() + "]");
        Console.WriteLine("abcabc".Replace("bc", "X") + " " + "abcabc".Replace('a', 'z') + " " + "aaa".Replace("a", "") + " " + "abc".Replace("b", null));
        string[] parts = "a,b,,c".Split(',');
        Console.WriteLine(parts.Length + " " + string.Join("|", parts));
        Console.WriteLine(string.Join(" ", "one two  three".Split(' ')) + " " + "x;y,z".Split(';', ',').Length + " " + "p q\tr".Split().Length);
        Console.WriteLine(string.Join(", ", new int[] { 1, 2, 3 }) + " " + string.Join("-", "a", "b") + " " + string.Concat("a", "b", "c") + string.Concat(1, 2));
        Console.WriteLine("x".PadLeft(3) + "|" + "x".PadRight(3) + "|" + "x".PadLeft(3, '*') + "|" + "long".PadLeft(2));
        Console.WriteLine("abc".Insert(1, "XY") + " " + "abcdef".Remove(3) + " " + "abcdef".Remove(1, 2));
        Console.WriteLine("abc".Equals("abc") + " " + string.Equals("a", null) + " " + "abc".Equals("abd"));
        Console.WriteLine("a".CompareTo("B") + " " + "B".CompareTo("a") + " " + "a".CompareTo("A") + " " + "abc".CompareTo("abd") + " " + "ab".CompareTo("abc") + " " + "a-b".CompareTo("ab") + " " + "Z".CompareTo("a") + " " + "1".CompareTo("a") + " " + "_".CompareTo("a") + " " + "same".CompareTo("same"));
        Console.WriteLine(string.Compare("apple", "Banana") + " " + string.CompareOrdinal("a", "B") + " " + string.Compare(null, "a"));
        char[] chars = "hello".ToCharArray();
        chars[0] = 'j';
        Console.WriteLine(new string(chars) + " " + new string(chars, 1, 3) + " " + new string('-', 5) + " " + new string((char[])null) + ".");
        Console.WriteLine("go".Loud(2) + " " + 21.Twice() + " " + "héllo".ToUpper() + " " + "héllo".Length + " " + ("héllo"[1] == 'é'));
        for (int step = 0; step < 6; step++) Try("step " + step, step);
    }
}
