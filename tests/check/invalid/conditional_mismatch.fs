using System;
using System.Threading.Tasks;

class Program {
    static void Main() {
        var x = true ? 1 : "one";
    }
}
