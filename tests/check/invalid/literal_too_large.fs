using System;
using System.Threading.Tasks;

class Program {
    static void Main() {
        long x = 9223372036854775808;
        int y = 2147483648;
    }
}
