using System;
using System.Threading.Tasks;

class Program {
    static void Main() {
        if (true) int x = 1;
    }
}
