using System;
using System.Threading.Tasks;

class Program {
    int x;
    void G() { }
    static void Main() {
        int y = x;
        G();
    }
}
