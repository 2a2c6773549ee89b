using System;

class Program {
    static bool IsPalindrome(string text) {
        string letters = "";
        foreach (char c in text.ToLower()) {
            if (char.IsLetter(c)) letters += c;
        }
        char[] reversed = new char[letters.Length];
        for (int i = 0; i < letters.Length; i++) reversed[i] = letters[letters.Length - 1 - i];
        return letters == new string(reversed);
    }

    static string TitleCase(string sentence) {
        string[] words = sentence.Trim().Split(' ');
        for (int i = 0; i < words.Length; i++) {
            if (words[i].Length > 0) {
                words[i] = words[i].Substring(0, 1).ToUpper() + words[i].Substring(1).ToLower();
            }
        }
        return string.Join(" ", words);
    }

    static void Main() {
        string[] tests = { "Racecar", "A man, a plan, a canal: Panama", "hello", "Was it a car or a cat I saw?" };
        foreach (string t in tests) {
            Console.WriteLine($"{t,-32} {IsPalindrome(t)}");
        }
        Console.WriteLine(TitleCase("  the QUICK brown fox  "));
        Console.WriteLine("banana".IndexOf("an") + " " + "banana".LastIndexOf("an") + " " + "banana".Replace("an", "AN"));
    }
}
