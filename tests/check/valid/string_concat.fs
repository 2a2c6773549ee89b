using System;
using System.Threading.Tasks;

class Program {
    static void Main() {
        string s = "a" + 1 + 'c' + true + 2L;
        string t = 1 + 2 + "x";
        string u = "x" + (1 + 2);
        string n = null;
        string v = "n=" + n;
        Console.WriteLine(s);
        Console.WriteLine(t + u + v);
    }
}
