using System;
using System.Threading.Tasks;

class Program {
    static void Main() {
        int x = int.MaxValue + 1;
        int y = 5 / 0;
        int z = (int)3000000000L;
    }
}
