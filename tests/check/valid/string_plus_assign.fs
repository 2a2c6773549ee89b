using System;
using System.Threading.Tasks;

class Program {
    static void Main() {
        string s = "";
        for (int i = 0; i < 3; i++) {
            s += i;
            s += ',';
        }
        s += true;
        Console.WriteLine(s);
    }
}
