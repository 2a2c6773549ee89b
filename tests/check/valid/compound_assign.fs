using System;
using System.Threading.Tasks;

class Program {
    static void Main() {
        int a = 10;
        a += 5;
        a -= 3;
        a *= 2;
        a /= 4;
        a %= 4;
        a <<= 2;
        a >>= 1;
        a &= 7;
        a |= 8;
        a ^= 3;
        long l = 1;
        l += a;
        l *= 3L;
        char c = 'a';
        c += 'b';
        bool f = true;
        f &= false;
        f |= true;
        Console.WriteLine(a);
        Console.WriteLine(l);
        Console.WriteLine(f);
    }
}
