using System;
using System.Threading.Tasks;

class Program {
    static void Main() {
        x = 1;
        int x = 2;
    }
}
