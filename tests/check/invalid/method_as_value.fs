using System;
using System.Threading.Tasks;

class Program {
    static int F() { return 1; }
    static void Main() {
        int x = F;
        var y = Program;
    }
}
