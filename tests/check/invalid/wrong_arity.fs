using System;
using System.Threading.Tasks;

class Program {
    static int Add(int a, int b) { return a + b; }
    static void Main() {
        int x = Add(1);
    }
}
