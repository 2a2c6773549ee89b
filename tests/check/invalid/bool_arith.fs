using System;
using System.Threading.Tasks;

class Program {
    static void Main() {
        bool b = true;
        int x = b + 1;
    }
}
