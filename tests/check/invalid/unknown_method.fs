using System;
using System.Threading.Tasks;

class Program {
    static void Main() {
        Frobnicate(3);
    }
}
