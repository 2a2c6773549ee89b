using System;
using System.Threading.Tasks;

class Program {
    static void Main() {
        int x = y + 1;
        int z = x + y * 2;
        string s = y.Foo();
    }
}
