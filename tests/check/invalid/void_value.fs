using System;
using System.Threading.Tasks;

class Program {
    static void F() { }
    static void Main() {
        int x = F();
    }
}
