using System;
using System.Threading.Tasks;

class Program {
    static void Main() {
        string s = "hello";
        int n = s.Length;
        char c = s[1];
        int m = s.length();
        for (int i = 0; i < s.Length; i++) {
            Console.Write(s[i]);
        }
        Console.WriteLine();
        Console.WriteLine(n + m);
        Console.WriteLine(c);
    }
}
