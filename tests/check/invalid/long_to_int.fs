using System;
using System.Threading.Tasks;

class Program {
    static void Main() {
        long l = 5;
        int i = l;
    }
}
