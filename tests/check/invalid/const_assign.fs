using System;
using System.Threading.Tasks;

class Program {
    static void Main() {
        const int N = 3;
        N = 4;
        int x = 2;
        const int M = x;
    }
}
