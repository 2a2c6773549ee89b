// Strings are UTF-16, as in C#: Length and s[i] count code units, a
// character beyond U+FFFF is a surrogate pair, and text is written as UTF-8
// byte for byte as the source spelled it.
class Program {
    static void Main() {
        string s = "héllo wörld ✓ 😀";
        Console.WriteLine(s);
        Console.WriteLine(s.Length);
        Console.WriteLine(s[1] == 'é');
        Console.WriteLine(s[1]);
        Console.WriteLine((int)s[14] + " " + (int)s[15]);
        string t = s + "!" + 42 + 'ü' + true;
        Console.WriteLine(t);
        Console.WriteLine(t == "héllo wörld ✓ 😀!42üTrue");
        foreach (char c in "aé✓") Console.Write((int)c + " ");
        Console.WriteLine();
        char[] chars = { 'ç', 'a', ' ', 'v', 'a' };
        Console.WriteLine(chars);
        Console.WriteLine(new string(chars) + "|" + new string(chars).Length);
        Console.WriteLine("naïve".Substring(2, 1) + "naïve".IndexOf('v') + "ÀÉÎ".ToLower());
        string long_text = "";
        for (int i = 0; i < 200; i++) long_text += "é😀";
        Console.WriteLine(long_text.Length + " " + long_text);
    }
}
