using System;
using System.Threading.Tasks;

class Program {
    static void Main() {
        string s = "✅ PASS";
        print(s);
        Console.WriteLine(s.Length > 0);
    }
}
