using System;
using System.Threading.Tasks;

class Program {
    static int F() { return; }
    static void Main() {
        
    }
}
