using System;
using System.Threading.Tasks;

class Program {
    static int F(int x) {
        if (x > 0) return 1;
    }
    static void Main() {
        
    }
}
