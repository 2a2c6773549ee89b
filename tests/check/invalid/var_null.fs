using System;
using System.Threading.Tasks;

class Program {
    static void Main() {
        var x = null;
        var y;
    }
}
