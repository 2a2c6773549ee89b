using System;
using System.Threading.Tasks;

class Program {
    static void Main() {
        string a = "abc";
        string b = "ab" + "c";
        string n = null;
        bool e = a == b;
        bool f = a != n;
        bool g = n == null;
        bool h = null == a;
        Console.WriteLine(e);
        Console.WriteLine(f && g && !h);
    }
}
