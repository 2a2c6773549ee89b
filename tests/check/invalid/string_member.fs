using System;
using System.Threading.Tasks;

class Program {
    static void Main() {
        string s = "x";
        int n = s.Count;
    }
}
