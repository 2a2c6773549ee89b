using System;
using System.Threading.Tasks;

class Program {
    static void Main() {
        string s = "1";
        int x = (int)s;
        bool b = (bool)1;
        string t = (string)5;
    }
}
