using System;
using System.Threading.Tasks;

class Program {
    static void Main() {
        int x = 1;
        x + 1;
        x == 2;
    }
}
