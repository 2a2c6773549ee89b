using System;
using System.Threading.Tasks;

class Program {
    static void Main() {
        int a = "x";
        bool b = 1;
        string c = true;
        undefined();
    }
}
