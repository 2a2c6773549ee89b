using System;
using System.Threading.Tasks;

class Program {
    static void Main() {
        double d = 1.5;
    }
}
