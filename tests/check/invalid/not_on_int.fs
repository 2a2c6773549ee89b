using System;
using System.Threading.Tasks;

class Program {
    static void Main() {
        int x = 1;
        bool b = !x;
        int y = -true;
    }
}
