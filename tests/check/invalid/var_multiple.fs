using System;
using System.Threading.Tasks;

class Program {
    static void Main() {
        var a = 1, b = 2;
    }
}
