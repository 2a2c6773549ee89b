using System;
using System.Threading.Tasks;

class Program {
    static void F(int a, long b) { }
    static void F(long a, int b) { }
    static void Main() {
        F(1, 1);
    }
}
