using System;
using System.Threading.Tasks;

class Program {
    static void Main() {
        int y = x + 1;
    }
}
