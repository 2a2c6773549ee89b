// Strings: == and != compare contents (also strings built at run time), Length, indexing returns char, null comparisons.
using System;

class Program {
    static string Build(int n) {
        string s = "";
        for (int i = 0; i < n; i++) s = s + (char)('a' + i);
        return s;
    }

    static void Main() {
        string a = "abc";
        string b = Build(3);
        Console.WriteLine(a == b);
        Console.WriteLine(a != b);
        Console.WriteLine(a == "abd");
        Console.WriteLine(a == "ab");
        Console.WriteLine(b.Length);
        Console.WriteLine(b[0]);
        Console.WriteLine(b[2]);
        Console.WriteLine(b[1] == 'b');
        Console.WriteLine(b[1] + 1);
        string n = null;
        Console.WriteLine(n == null);
        Console.WriteLine(a == null);
        Console.WriteLine(n == a);
        string empty = "";
        Console.WriteLine(empty.Length);
        Console.WriteLine(empty == Build(0));
        int vowels = 0;
        string text = "the quick brown fox";
        for (int i = 0; i < text.Length; i++) {
            char c = text[i];
            if (c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u') vowels++;
        }
        Console.WriteLine("vowels: " + vowels);
        string rev = "";
        for (int i = text.Length - 1; i >= 0; i--) rev = rev + text[i];
        Console.WriteLine(rev);
    }
}
