using System;
using System.Threading.Tasks;

class Program {
    static void Main() {
        int x = 1;
        {
            int x = 2;
        }
        for (int i = 0; i < 1; i++) { }
        int i = 3;
    }
}
