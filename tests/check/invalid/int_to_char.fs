using System;
using System.Threading.Tasks;

class Program {
    static void Main() {
        char c = 65;
    }
}
