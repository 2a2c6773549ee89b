using System;
using System.Threading.Tasks;

class Program {
    static void Main() {
        bool b = "a" == 1;
    }
}
