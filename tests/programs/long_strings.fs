// Long strings built by doubling (16384 and 65536 characters): Length, indexing far in, content equality.
using System;

class Program {
    static void Main() {
        string s = "ab";
        for (int i = 0; i < 13; i++) s = s + s;
        Console.WriteLine(s.Length);
        Console.WriteLine(s[16383]);
        Console.WriteLine(s[10000]);
        string t = s + s + s + s;
        Console.WriteLine(t.Length);
        Console.WriteLine(t[65535]);
        int count = 0;
        for (int i = 0; i < t.Length; i++) {
            if (t[i] == 'b') count++;
        }
        Console.WriteLine("b count " + count);
        Console.WriteLine(t == s + s + s + s);
        Console.WriteLine(t == s + s + s + s + "x");
        string line = "";
        for (int i = 0; i < 200; i++) line = line + (char)('0' + i % 10);
        Console.WriteLine(line);
    }
}
