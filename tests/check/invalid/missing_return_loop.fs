using System;
using System.Threading.Tasks;

class Program {
    static int F(int x) {
        while (x > 0) { return 1; }
    }
    static int G() {
        while (true) { break; }
    }
    static void Main() {
        
    }
}
