using System;
using System.Threading.Tasks;

class Program {
    static int Twice(int a) { return 2 * a; }
    static void Main() {
        int x = Twice("two");
    }
}
