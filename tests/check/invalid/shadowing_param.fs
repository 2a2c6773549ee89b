using System;
using System.Threading.Tasks;

class Program {
    static void F(int a, int a) {
        int a = 3;
    }
    static void Main() {
        
    }
}
