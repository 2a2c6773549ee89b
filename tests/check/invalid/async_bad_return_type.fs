using System;
using System.Threading.Tasks;

class Program {
    static async int F() { return 1; }
    static void Main() {
        
    }
}
