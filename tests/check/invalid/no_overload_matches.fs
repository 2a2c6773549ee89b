using System;
using System.Threading.Tasks;

class Program {
    static void F(int a, int b) { }
    static void F(long a, long b) { }
    static void Main() {
        F("a", true);
    }
}
