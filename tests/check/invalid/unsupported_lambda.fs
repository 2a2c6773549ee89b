using System;
using System.Threading.Tasks;

class Program {
    static void Main() {
        var f = (int x) => x + 1;
    }
}
